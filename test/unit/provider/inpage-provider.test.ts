import { describe, expect, it } from 'vitest';
import { installProvider } from '../../../lib/provider/inpage-provider';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol';
import { asWindow, FakeWindow, tick } from './fake-window';

const requestsPosted = (w: FakeWindow) =>
  w.posted.filter((m) => (m as { channel?: string }).channel === CHANNEL_TO_CONTENT) as { id: string; payload: unknown }[];

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

  it('holds requests until the relay is ready, then sends them in order', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const first = provider.request({ method: 'eth_chainId' });
    const second = provider.request({ method: 'eth_accounts' });
    await tick();
    expect(requestsPosted(win)).toHaveLength(0);
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'ready' });
    await tick();
    const posted = requestsPosted(win);
    expect(posted.map((p) => p.payload)).toEqual([{ method: 'eth_chainId' }, { method: 'eth_accounts' }]);
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'response', id: posted[1].id, error: { code: 4100, message: 'no' } });
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'response', id: posted[0].id, result: '0x1' });
    expect(await first).toBe('0x1');
    await expect(second).rejects.toMatchObject({ code: 4100, message: 'no' });
  });

  it('ignores answers that did not come from its own window', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'ready' });
    await tick();
    const pending = provider.request({ method: 'eth_chainId' });
    await tick();
    const [{ id }] = requestsPosted(win);
    win.deliverForeign({ channel: CHANNEL_TO_INPAGE, kind: 'response', id, result: '0xbad' });
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'response', id, result: '0x1' });
    expect(await pending).toBe('0x1');
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

  it('delivers events to listeners and stops after removeListener', async () => {
    const win = new FakeWindow();
    const provider = installProvider(asWindow(win));
    const got: unknown[] = [];
    const listener = (data: unknown) => got.push(data);
    provider.on('accountsChanged', listener);
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'accountsChanged', data: ['0xabc'] });
    await tick();
    provider.removeListener('accountsChanged', listener);
    win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'event', event: 'accountsChanged', data: [] });
    await tick();
    expect(got).toEqual([['0xabc']]);
  });
});
