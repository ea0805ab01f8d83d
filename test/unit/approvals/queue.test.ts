import { describe, expect, it } from 'vitest';
import { BLOCK_MS, createApprovalQueue, MAX_PENDING, MAX_PENDING_PER_ORIGIN } from '../../../lib/approvals';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';

const A = 'https://a.example';
const B = 'https://b.example';

function setup(store = createMemoryStore(), clock = createManualClock()) {
  const opened: number[] = [];
  const queue = createApprovalQueue({
    clock,
    store,
    onChange: () => undefined,
    openWindow: async () => {
      opened.push(queue.list().length);
    },
  });
  const outcome = (p: Promise<unknown>) =>
    p.then(
      () => 'approved',
      (e: { code: number }) => e.code,
    );
  return { queue, store, clock, opened, outcome };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the approval queue', () => {
  it('lets one site keep only a few requests waiting, so other sites still get through', async () => {
    const { queue, outcome } = setup();
    const mine = Array.from({ length: MAX_PENDING_PER_ORIGIN }, () => outcome(queue.request(A, 'sign-message', {})));
    await settle();
    expect(await outcome(queue.request(A, 'sign-message', {}))).toBe(-32002);
    expect(queue.list().filter((p) => p.origin === A)).toHaveLength(MAX_PENDING_PER_ORIGIN);
    // Another site is still served, and once one of A's is decided A may ask again.
    void outcome(queue.request(B, 'sign-message', {}));
    await settle();
    expect(queue.list().map((p) => p.origin)).toContain(B);
    queue.decide(queue.list()[0].id, { approved: true });
    expect(await mine[0]).toBe('approved');
    void outcome(queue.request(A, 'sign-message', {}));
    await settle();
    expect(queue.list().filter((p) => p.origin === A)).toHaveLength(MAX_PENDING_PER_ORIGIN);
  });

  it('still caps the whole queue at MAX_PENDING', async () => {
    const { queue, outcome } = setup();
    const sites = Math.ceil(MAX_PENDING / MAX_PENDING_PER_ORIGIN);
    for (let s = 0; s < sites; s++)
      for (let i = 0; i < MAX_PENDING_PER_ORIGIN; i++) void outcome(queue.request(`https://s${s}.example`, 'transaction', {}));
    await settle();
    expect(queue.list()).toHaveLength(MAX_PENDING);
    expect(await outcome(queue.request('https://late.example', 'transaction', {}))).toBe(-32002);
  });

  it("opens or focuses the window for a site's first waiting request only, not for each one after", async () => {
    const { queue, opened } = setup();
    void queue.request(A, 'sign-message', {}).catch(() => undefined);
    void queue.request(A, 'transaction', {}).catch(() => undefined);
    void queue.request(A, 'sign-typed-data', {}).catch(() => undefined);
    await settle();
    expect(opened).toHaveLength(1);
    void queue.request(B, 'sign-message', {}).catch(() => undefined);
    await settle();
    expect(opened).toHaveLength(2);
    // Once A has nothing waiting, its next request brings the window up again.
    for (const p of queue.list().filter((x) => x.origin === A)) queue.decide(p.id, { approved: false });
    void queue.request(A, 'sign-message', {}).catch(() => undefined);
    await settle();
    expect(opened).toHaveLength(3);
  });

  it('keeps a block across a worker restart, until it runs out', async () => {
    const first = setup();
    const pending = first.outcome(first.queue.request(A, 'connect', {}));
    await settle();
    first.queue.decide(first.queue.list()[0].id, { approved: false, block: true });
    expect(await pending).toBe(4001);
    await settle();

    // A new worker: a fresh queue over the same storage.
    const restarted = setup(first.store, first.clock);
    expect(await restarted.outcome(restarted.queue.request(A, 'connect', {}))).toBe(4001);
    expect(restarted.opened).toHaveLength(0);
    expect(restarted.queue.isBlocked(A)).toBe(true);
    expect(restarted.queue.isBlocked(B)).toBe(false);

    first.clock.advance(BLOCK_MS + 1);
    const again = setup(first.store, first.clock);
    void again.queue.request(A, 'connect', {}).catch(() => undefined);
    await settle();
    expect(again.queue.list().map((p) => p.origin)).toEqual([A]);
  });

  it('never queues a request from an opaque origin', async () => {
    const { queue, opened, outcome } = setup();
    expect(await outcome(queue.request('null', 'connect', {}))).toBe(4100);
    expect(queue.list()).toEqual([]);
    expect(opened).toEqual([]);
  });
});
