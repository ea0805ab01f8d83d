// Raw frames at the relay (security issue, hardening: the fuzz covers what it missed): seeded
// random window messages and private-channel messages, including values only structured clone
// carries (Date, Map, Set, RegExp, BigInt, typed arrays, cycles) and colliding ids. Whatever
// arrives, the relay never throws, forwards only well-formed requests, gives each one an id of
// its own, and answers every well-formed request it refuses.
import { describe, expect, it } from 'vitest';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol';
import { startRelay } from '../../../lib/provider/relay';
import { asWindow, type FakeMessageEvent, type FakePort, FakeWindow, tick } from './fake-window';

/** mulberry32: the same seed gives the same frames, so a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function oddValue(next: () => number): unknown {
  const cycle: Record<string, unknown> = { a: 1 };
  cycle.self = cycle;
  const values: unknown[] = [
    new Date(0),
    new Map([['method', 'eth_chainId']]),
    new Set([1, 2]),
    /eth_.*/g,
    10n ** 30n,
    new Uint8Array([1, 2, 3]),
    cycle,
    null,
    undefined,
    Number.NaN,
    -0,
    '',
    'x'.repeat(Math.floor(next() * 2000)),
    [],
    { __proto__: { method: 'eth_sendTransaction' } },
    { toJSON: undefined },
  ];
  return values[Math.floor(next() * values.length)];
}

const METHODS = ['eth_chainId', 'eth_accounts', 'personal_sign', 'eth_sendTransaction', 'wallet_switchEthereumChain', '', 'constructor'];

function frame(next: () => number): unknown {
  const roll = next();
  const id = next() < 0.5 ? `id${Math.floor(next() * 6)}` : next() < 0.5 ? Math.floor(next() * 6) : oddValue(next);
  const payload =
    next() < 0.7
      ? { method: METHODS[Math.floor(next() * METHODS.length)], params: next() < 0.5 ? [oddValue(next)] : oddValue(next) }
      : oddValue(next);
  if (roll < 0.1) return oddValue(next);
  if (roll < 0.2) return { channel: 'sharekeep:other', id, payload };
  if (roll < 0.25) return { channel: CHANNEL_TO_INPAGE, kind: 'response', id, result: '0xforged' };
  return { channel: CHANNEL_TO_CONTENT, id, payload };
}

/** The frames the relay must answer or forward: a usable id, and a payload that is an object or JSON text. */
const wellFormed = (f: unknown): f is { id: string | number; payload: object | string } => {
  const m = f as { channel?: unknown; id?: unknown; payload?: unknown } | null;
  return (
    typeof m === 'object' &&
    m !== null &&
    m.channel === CHANNEL_TO_CONTENT &&
    ((typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 64) || (typeof m.id === 'number' && Number.isSafeInteger(m.id))) &&
    (typeof m.payload === 'string' || (typeof m.payload === 'object' && m.payload !== null))
  );
};

describe('the relay under random frames', () => {
  it.each([1, 2, 3, 4, 5])('seed %i: never throws, forwards only well-formed requests, each with its own id', async (seed) => {
    const next = random(seed);
    const win = new FakeWindow();
    const sent: { id: unknown; payload: unknown }[] = [];
    const forwardedAll: { id: unknown; payload: unknown }[] = [];
    const errors: unknown[] = [];
    const replies: ((m: unknown) => void)[] = [];
    startRelay(asWindow(win), () => ({
      postMessage: (m: unknown) => {
        sent.push(m as { id: unknown; payload: unknown });
        forwardedAll.push(m as { id: unknown; payload: unknown });
      },
      onMessage: { addListener: (cb: (m: unknown) => void) => replies.push(cb) },
      onDisconnect: { addListener: () => undefined },
    }));
    const inpage = win.transfers[0][0] as FakePort;
    const answeredOnChannel: unknown[] = [];
    inpage.addEventListener('message', (e) => answeredOnChannel.push((e as FakeMessageEvent).data));

    let wellFormedSent = 0;
    for (let i = 0; i < 400; i++) {
      const f = frame(next);
      if (wellFormed(f)) wellFormedSent++;
      try {
        if (next() < 0.5) inpage.postMessage(f);
        else win.postMessage(f, '*');
      } catch (err) {
        // A value structured clone refuses never reaches the relay: the browser throws to the page.
        if (!(err instanceof DOMException) && !(err instanceof TypeError)) errors.push(err);
      }
      if (i % 25 === 0) {
        await tick();
        // The background answers some of what is in flight, in any order.
        for (const m of sent.splice(0, Math.floor(next() * sent.length)))
          for (const reply of replies) reply({ kind: 'response', id: m.id, result: '0x1' });
      }
    }
    await tick();

    expect(errors).toEqual([]);
    const forwarded = forwardedAll;
    for (const m of forwarded) {
      expect(typeof m.id).toBe('number');
      expect(typeof m.payload).toBe('object');
    }
    // Ids the relay handed the background never repeat.
    expect(new Set(forwarded.map((m) => m.id)).size).toBe(forwarded.length);
    // Every well-formed request was forwarded or refused with an answer the page can read.
    type Answer = { channel?: unknown; kind?: unknown; error?: unknown } | null | undefined;
    const isError = (m: unknown) => (m as Answer)?.kind === 'response' && (m as Answer)?.error !== undefined;
    const refused =
      answeredOnChannel.filter(isError).length + win.posted.filter((m) => (m as Answer)?.channel === CHANNEL_TO_INPAGE && isError(m)).length;
    expect(forwarded.length + refused).toBe(wellFormedSent);
    // Forged responses posted by the page never come back to it as answers from the wallet.
    expect(answeredOnChannel.some((m) => (m as { result?: unknown }).result === '0xforged')).toBe(false);
    expect(wellFormedSent).toBeGreaterThan(100);
  });
});
