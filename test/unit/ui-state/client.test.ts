// The pages' client over the UI port: a background that restarts fails the calls in flight and
// makes the page refetch, so it never keeps showing what died with the old worker.
import { describe, expect, it } from 'vitest';
import type { PortLike } from '../../../lib/provider';
import { createWalletClient } from '../../../lib/ui-state';

function fakePorts() {
  const opened: { sent: unknown[]; disconnect(): void; answer(msg: unknown): void }[] = [];
  const connect = (): PortLike => {
    const onMessage: ((m: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    const port = {
      sent: [] as unknown[],
      disconnect: () => {
        for (const f of onDisconnect) f();
      },
      answer: (msg: unknown) => {
        for (const f of onMessage) f(msg);
      },
    };
    opened.push(port);
    return {
      postMessage: (m: unknown) => port.sent.push(m),
      onMessage: { addListener: (f: (m: unknown) => void) => onMessage.push(f) },
      onDisconnect: { addListener: (f: () => void) => onDisconnect.push(f) },
      disconnect: () => undefined,
    } as unknown as PortLike;
  };
  return { opened, connect };
}

describe('the wallet client', () => {
  it('fails calls in flight when the background goes away, tells the page to refetch, and reconnects', async () => {
    const { opened, connect } = fakePorts();
    const client = createWalletClient(connect);
    let refetches = 0;
    client.onStateChanged(() => refetches++);
    const inFlight = client.call('state');
    opened[0].disconnect();
    await expect(inFlight).rejects.toMatchObject({ code: 'ui.disconnected' });
    expect(refetches).toBe(1);

    const next = client.call('portfolio.get', {});
    expect(opened).toHaveLength(2);
    opened[1].answer({ id: 2, result: { ok: true } });
    await expect(next).resolves.toEqual({ ok: true });
  });
});
