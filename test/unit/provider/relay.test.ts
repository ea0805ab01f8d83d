import { describe, expect, it } from 'vitest';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol';
import { type PortLike, startRelay } from '../../../lib/provider/relay';
import { asWindow, type FakeMessageEvent, type FakePort, FakeWindow, tick } from './fake-window';

function fakePort() {
  const messageListeners: ((m: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port: PortLike & { sent: { id: number; payload: unknown }[]; reply(m: unknown): void; disconnect(): void } = {
    sent: [],
    postMessage(m) {
      port.sent.push(m as { id: number; payload: unknown });
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

function setup(options: { sandboxed?: boolean } = {}) {
  const win = new FakeWindow(options);
  const ports: ReturnType<typeof fakePort>[] = [];
  startRelay(asWindow(win), () => {
    const p = fakePort();
    ports.push(p);
    return p;
  });
  // The end of the relay's private channel that the ready message hands to the inpage provider.
  const inpage = win.transfers[0]?.[0] as FakePort;
  const fromRelay: unknown[] = [];
  inpage?.addEventListener('message', (e) => fromRelay.push((e as FakeMessageEvent).data));
  const toWindow = () => win.posted.filter((m) => (m as { channel?: string }).channel === CHANNEL_TO_INPAGE);
  const request = (id: string | number, payload: unknown) => inpage.postMessage({ channel: CHANNEL_TO_CONTENT, id, payload });
  return { win, ports, inpage, fromRelay, toWindow, request };
}

describe('the content-script relay', () => {
  it('tells the page it is ready, handing over a private channel, without waking the background', async () => {
    const { win, ports, inpage } = setup();
    expect(win.posted).toEqual([{ channel: CHANNEL_TO_INPAGE, kind: 'ready' }]);
    expect(inpage).toBeDefined();
    // Posted to '*': in a sandboxed frame the document's origin is "null", not location.origin.
    expect(win.targetOrigins).toEqual(['*']);
    expect(ports).toHaveLength(0);
  });

  it('forwards requests from its private channel on one port, and their answers back on that channel only', async () => {
    const { ports, fromRelay, toWindow, request } = setup();
    request('a1', { method: 'eth_chainId' });
    request('a2', { method: 'eth_accounts' });
    await tick();
    expect(ports).toHaveLength(1);
    expect(ports[0].sent.map((m) => m.payload)).toEqual([{ method: 'eth_chainId' }, { method: 'eth_accounts' }]);
    ports[0].reply({ kind: 'response', id: ports[0].sent[0].id, result: '0x1' });
    ports[0].reply({ kind: 'event', event: 'chainChanged', data: '0x1' });
    await tick();
    expect(fromRelay).toEqual([
      { channel: CHANNEL_TO_INPAGE, kind: 'response', id: 'a1', result: '0x1' },
      { channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'chainChanged', data: '0x1' },
    ]);
    expect(toWindow()).toHaveLength(1); // only the ready message
  });

  it('gives the background ids of its own, so ids a page chose cannot collide', async () => {
    const { win, ports, fromRelay, toWindow, request } = setup();
    request('same', { method: 'eth_chainId' });
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'same', payload: { method: 'eth_accounts' } }, '*');
    await tick();
    const [fromChannel, fromWindow] = ports[0].sent;
    expect(fromChannel.id).not.toBe(fromWindow.id);
    ports[0].reply({ kind: 'response', id: fromWindow.id, result: [] });
    ports[0].reply({ kind: 'response', id: fromChannel.id, result: '0x1' });
    await tick();
    expect(fromRelay).toEqual([{ channel: CHANNEL_TO_INPAGE, kind: 'response', id: 'same', result: '0x1' }]);
    expect(toWindow().at(-1)).toEqual({ channel: CHANNEL_TO_INPAGE, kind: 'response', id: 'same', result: [] });
  });

  it('refuses a request whose id is already in flight, and answers the first one with its own answer', async () => {
    const { win, ports, toWindow } = setup();
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'x', payload: { method: 'personal_sign', params: ['0x00'] } }, '*');
    await tick();
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'x', payload: { method: 'eth_chainId' } }, '*');
    await tick();
    expect(ports[0].sent.map((m) => m.payload)).toEqual([{ method: 'personal_sign', params: ['0x00'] }]);
    expect(toWindow().at(-1)).toMatchObject({ kind: 'response', id: 'x', error: { code: -32600 } });
    ports[0].reply({ kind: 'response', id: ports[0].sent[0].id, result: '0xsigned' });
    expect(toWindow().at(-1)).toEqual({ channel: CHANNEL_TO_INPAGE, kind: 'response', id: 'x', result: '0xsigned' });
    // Once answered, the id may be used again.
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 'x', payload: { method: 'eth_chainId' } }, '*');
    await tick();
    expect(ports[0].sent).toHaveLength(2);
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
    const { ports, fromRelay, request } = setup();
    request('big', { method: 'eth_call', params: ['x'.repeat(1_100_000)] });
    await tick();
    expect(ports).toHaveLength(0);
    expect(fromRelay.at(-1)).toMatchObject({ kind: 'response', id: 'big', error: { code: -32600 } });
  });

  it('answers 4900 for requests in flight when the background goes away, and reconnects for the next', async () => {
    const { ports, fromRelay, request } = setup();
    request(1, { method: 'eth_requestAccounts' });
    await tick();
    ports[0].disconnect();
    await tick();
    expect(fromRelay.at(-1)).toMatchObject({ kind: 'response', id: 1, error: { code: 4900 } });
    request(2, { method: 'eth_chainId' });
    await tick();
    expect(ports).toHaveLength(2);
    expect(ports[1].sent.map((m) => m.payload)).toEqual([{ method: 'eth_chainId' }]);
  });

  it('in a sandboxed frame answers every request with 4100, on either path, and never reaches the background', async () => {
    const { win, ports, fromRelay, toWindow, request } = setup({ sandboxed: true });
    request(1, { method: 'eth_requestAccounts' });
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 2, payload: { method: 'eth_chainId' } }, '*');
    await tick();
    await tick();
    expect(ports).toHaveLength(0);
    expect(fromRelay).toEqual([
      { channel: CHANNEL_TO_INPAGE, kind: 'response', id: 1, error: { code: 4100, message: expect.stringMatching(/sandboxed/) } },
    ]);
    expect(toWindow().at(-1)).toMatchObject({ kind: 'response', id: 2, error: { code: 4100 } });
    // The answer must arrive: the document's origin there is "null", so anything but '*' is dropped.
    const delivered: unknown[] = [];
    win.addEventListener('message', (e) => delivered.push((e as FakeMessageEvent).data));
    win.postMessage({ channel: CHANNEL_TO_CONTENT, id: 3, payload: { method: 'eth_chainId' } }, '*');
    await tick();
    await tick();
    expect(delivered).toContainEqual(expect.objectContaining({ kind: 'response', id: 3, error: expect.objectContaining({ code: 4100 }) }));
  });
});
