import { describe, expect, it } from 'vitest';
import { installProvider } from '../../../lib/provider/inpage-provider';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol';
import { asWindow, FakeMessageChannel, type FakeMessageEvent, type FakePort, FakeWindow, tick } from './fake-window';

// The provider sends each payload as JSON text, made in the page.
type Request = { channel: string; id: string; payload: string };

/** Plays the relay: hands the provider a private channel; returns the relay's end and what arrived on it. */
function relayReady(win: FakeWindow) {
  const channel = new FakeMessageChannel();
  const received: Request[] = [];
  channel.port1.addEventListener('message', (e) => received.push((e as FakeMessageEvent).data as Request));
  win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'ready' }, '*', [channel.port2]);
  const answer = (id: string, body: { result?: unknown; error?: unknown }) =>
    channel.port1.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'response', id, ...body });
  return { port: channel.port1, received, answer };
}

const requestsOnWindow = (w: FakeWindow) => w.posted.filter((m) => (m as { channel?: string }).channel === CHANNEL_TO_CONTENT);

describe('the inpage provider', () => {
  it('defines window.ethereum and announces a frozen EIP-6963 detail, again on request', () => {
    const win = new FakeWindow();
    const seen: { info: { name: string; uuid: string }; provider: unknown }[] = [];
    win.addEventListener('eip6963:announceProvider', (e) => seen.push((e as CustomEvent).detail));
    installProvider(asWindow(win));
    win.dispatchEvent(new Event('eip6963:requestProvider'));
    expect(seen).toHaveLength(2);
    expect(seen[0]).toBe(seen[1]);
    expect(Object.isFrozen(seen[0]) && Object.isFrozen(seen[0].info)).toBe(true);
    expect(seen[0].info.name).toBe('Sharekeep');
    expect((win as unknown as { ethereum: unknown }).ethereum).toBe(seen[0].provider);
  });

  it('is there on a plain-http page too, where crypto.randomUUID does not exist', () => {
    const win = new FakeWindow();
    // An insecure context: getRandomValues only.
    win.crypto = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(a) } as unknown as Crypto;
    const seen: { info: { uuid: string } }[] = [];
    win.addEventListener('eip6963:announceProvider', (e) => seen.push((e as CustomEvent).detail));
    installProvider(asWindow(win));
    expect((win as unknown as { ethereum?: unknown }).ethereum).toBeDefined();
    expect(seen[0].info.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('holds requests until the relay is ready, then sends them in order on the relay channel, never on the window', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const first = provider.request({ method: 'eth_chainId' });
    const second = provider.request({ method: 'eth_accounts' });
    await tick();
    const relay = relayReady(win);
    await tick();
    expect(relay.received.map((p) => JSON.parse(p.payload))).toEqual([{ method: 'eth_chainId' }, { method: 'eth_accounts' }]);
    expect(new Set(relay.received.map((p) => p.id)).size).toBe(2);
    relay.answer(relay.received[1].id, { error: { code: 4100, message: 'no' } });
    relay.answer(relay.received[0].id, { result: '0x1' });
    expect(await first).toBe('0x1');
    await expect(second).rejects.toMatchObject({ code: 4100, message: 'no' });
    expect(requestsOnWindow(win)).toEqual([]);
  });

  it('does not resolve with a forged window message that reuses the id of a request in flight', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const relay = relayReady(win);
    await tick();
    const pending = provider.request({ method: 'personal_sign' });
    await tick();
    const [{ id }] = relay.received;
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'response', id, result: '0x7a69' }, '*');
    win.deliverForeign({ channel: CHANNEL_TO_INPAGE, kind: 'response', id, result: '0xbad' });
    await tick();
    relay.answer(id, { result: '0xsigned' });
    expect(await pending).toBe('0xsigned');
  });

  it('takes the first channel it is handed and ignores a page that hands it another', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const relay = relayReady(win);
    const forged = relayReady(win);
    await tick();
    const pending = provider.request({ method: 'eth_accounts' });
    await tick();
    expect(forged.received).toEqual([]);
    expect(relay.received).toHaveLength(1);
    relay.answer(relay.received[0].id, { result: ['0xreal'] });
    expect(await pending).toEqual(['0xreal']);
  });

  it('keeps the channel from page listeners: they never see the ready message or its port', async () => {
    const win = new FakeWindow();
    installProvider(asWindow(win));
    const seenByPage: { data: unknown; ports: readonly FakePort[] }[] = [];
    win.addEventListener('message', (e) => seenByPage.push({ data: (e as FakeMessageEvent).data, ports: (e as FakeMessageEvent).ports }));
    relayReady(win);
    await tick();
    expect(seenByPage).toEqual([]);
  });

  it('reads messages with the built-ins it captured at start, so a page patching MessageEvent later cannot hand it its own port', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const own = new FakeMessageChannel();
    const stolen: Request[] = [];
    own.port1.addEventListener('message', (e) => stolen.push((e as FakeMessageEvent).data as Request));
    const proto = win.MessageEvent.prototype;
    const original = Object.getOwnPropertyDescriptors(proto);
    Object.defineProperty(proto, 'ports', { get: () => [own.port2], configurable: true });
    try {
      const relay = relayReady(win);
      await tick();
      const pending = provider.request({ method: 'eth_chainId' });
      await tick();
      expect(stolen).toEqual([]);
      relay.answer(relay.received[0].id, { result: '0x1' });
      expect(await pending).toBe('0x1');
    } finally {
      Object.defineProperty(proto, 'ports', original.ports);
    }
  });

  it.each([
    ['no arguments', undefined, -32600],
    ['a method that is not a string', { method: 7 }, -32600],
    [
      'circular params',
      {
        method: 'eth_call',
        params: (() => {
          const a: unknown[] = [];
          a.push(a);
          return a;
        })(),
      },
      -32602,
    ],
    ['a BigInt in params', { method: 'eth_call', params: [1n] }, -32602],
  ])('rejects %s at once with an EIP-1193 error', async (_name, args, code) => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    await expect(provider.request(args as never)).rejects.toMatchObject({ code });
  });

  it('delivers events from the relay to listeners, ignores forged ones, and stops after removeListener', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const relay = relayReady(win);
    const got: unknown[] = [];
    const listener = (data: unknown) => got.push(data);
    provider.on('accountsChanged', listener);
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'accountsChanged', data: ['0xforged'] }, '*');
    relay.port.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'accountsChanged', data: ['0xabc'] });
    await tick();
    provider.removeListener('accountsChanged', listener);
    relay.port.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'accountsChanged', data: [] });
    await tick();
    expect(got).toEqual([['0xabc']]);
  });
});
