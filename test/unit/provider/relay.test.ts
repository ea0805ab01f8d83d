import { describe, expect, it } from 'vitest';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol';
import { type PortLike, startRelay } from '../../../lib/provider/relay';
import { asWindow, FakeWindow, tick } from './fake-window';

function fakePort() {
  const messageListeners: ((m: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port: PortLike & { sent: unknown[]; reply(m: unknown): void; disconnect(): void } = {
    sent: [],
    postMessage(m) {
      port.sent.push(m);
    },
    onMessage: { addListener: (cb) => messageListeners.push(cb) },
    onDisconnect: { addListener: (cb) => disconnectListeners.push(cb) },
    reply: (m) => {
      for (const l of messageListeners) l(m);
    },
    disconnect: () => {
      for (const l of disconnectListeners) l();
    },
  };
  return port;
}

function setup() {
  const win = new FakeWindow();
  const ports: ReturnType<typeof fakePort>[] = [];
  startRelay(asWindow(win), () => {
    const p = fakePort();
    ports.push(p);
    return p;
  });
  return { win, ports, toPage: () => win.posted.filter((m) => (m as { channel?: string }).channel === CHANNEL_TO_INPAGE) };
}

describe('the content-script relay', () => {
  it('tells the page it is ready, without waking the background', async () => {
    const { toPage, ports } = setup();
    expect(toPage()).toEqual([{ channel: CHANNEL_TO_INPAGE, kind: 'ready' }]);
    expect(ports).toHaveLength(0);
  });

  it('forwards a well-formed request from its own window on one port, and the answer back', async () => {
    const { win, ports, toPage } = setup();
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'a1', payload: { method: 'eth_chainId' } });
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'a2', payload: { method: 'eth_accounts' } });
    await tick();
    expect(ports).toHaveLength(1);
    expect(ports[0].sent).toEqual([
      { id: 'a1', payload: { method: 'eth_chainId' } },
      { id: 'a2', payload: { method: 'eth_accounts' } },
    ]);
    ports[0].reply({ kind: 'response', id: 'a1', result: '0x1' });
    ports[0].reply({ kind: 'event', event: 'chainChanged', data: '0x1' });
    expect(toPage().slice(1)).toEqual([
      { channel: CHANNEL_TO_INPAGE, kind: 'response', id: 'a1', result: '0x1' },
      { channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'chainChanged', data: '0x1' },
    ]);
  });

  it.each([
    ['another frame', (w: FakeWindow) => w.deliverForeign({ channel: CHANNEL_TO_CONTENT, id: 'x', payload: { method: 'eth_chainId' } })],
    ['the wrong channel', (w: FakeWindow) => w.postMessage({ channel: 'other', id: 'x', payload: { method: 'eth_chainId' } })],
    ['a missing id', (w: FakeWindow) => w.postMessage({ channel: CHANNEL_TO_CONTENT, payload: { method: 'eth_chainId' } })],
    ['an object id', (w: FakeWindow) => w.postMessage({ channel: CHANNEL_TO_CONTENT, id: {}, payload: {} })],
    ['a payload that is not an object', (w: FakeWindow) => w.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'x', payload: 'eth_chainId' })],
    ['a string message', (w: FakeWindow) => w.postMessage('eth_chainId')],
  ])('drops a message from %s', async (_name, send) => {
    const { win, ports } = setup();
    send(win);
    await tick();
    expect(ports).toHaveLength(0);
  });

  it('answers an oversized request itself with -32600', async () => {
    const { win, ports, toPage } = setup();
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'big', payload: { method: 'eth_call', params: ['x'.repeat(1_100_000)] } });
    await tick();
    expect(ports).toHaveLength(0);
    expect(toPage().at(-1)).toMatchObject({ kind: 'response', id: 'big', error: { code: -32600 } });
  });

  it('answers 4900 for requests in flight when the background goes away, and reconnects for the next', async () => {
    const { win, ports, toPage } = setup();
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 1, payload: { method: 'eth_requestAccounts' } });
    await tick();
    ports[0].disconnect();
    expect(toPage().at(-1)).toMatchObject({ kind: 'response', id: 1, error: { code: 4900 } });
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 2, payload: { method: 'eth_chainId' } });
    await tick();
    expect(ports).toHaveLength(2);
    expect(ports[1].sent).toEqual([{ id: 2, payload: { method: 'eth_chainId' } }]);
  });
});
