// Faults (security issue, hardening): the service worker stops while a transaction is being
// sent. Whether or not the node got it, nothing may be sent twice and nothing may be lost: the
// wallet lists what it signed before the node sees it, and the restarted wallet asks the node.
import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { ACCOUNT_0, ACCOUNT_1, connect, createFakeNode, createTestWallet, type TestWallet } from '../wallet/harness';

const never = () => new Promise<never>(() => undefined);

/** A dApp transfer the user approves; the promise is the dApp's answer. */
async function approvedSend(t: TestWallet): Promise<unknown> {
  const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]);
  pending.catch(() => undefined);
  const approval = await t.nextApproval();
  t.wallet.approvals.decide(approval.id, { approved: true });
  return pending;
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
}

/** The worker stops: a new wallet over the same storage and the same chain. */
async function restart(t: TestWallet) {
  const after = await createTestWallet({ stores: { local: t.local, session: t.session }, node: t.node });
  const ui = createUiApi(after.wallet, { schedule: () => undefined }, after.clock);
  return { after, ui, activity: async () => (await ui.state()).activity };
}

describe('the service worker stopped mid-send', () => {
  it('after the node took the transaction: Activity lists it, follows it to its receipt, and nothing is sent again', async () => {
    const t = await createTestWallet();
    await connect(t);
    t.node.answers.eth_sendRawTransaction = (params) => {
      t.node.sent.push(params[0] as `0x${string}`);
      return never(); // the answer never comes back: the worker is gone
    };
    void approvedSend(t);
    await until(() => t.node.sent.length === 1);
    const hash = keccak256(t.node.sent[0]!);

    delete t.node.answers.eth_sendRawTransaction;
    const { after, ui, activity } = await restart(t);
    expect((await activity()).map((e) => [e.hash, e.status])).toEqual([[hash, 'pending']]);
    expect((await after.wallet.activity.list())[0]?.unacknowledged).toBe(true);

    // The node knows it: it was sent, and from now on it is an ordinary pending transaction.
    await ui.handle('activity.refresh', {});
    expect((await activity()).map((e) => e.status)).toEqual(['pending']);
    expect((await after.wallet.activity.list())[0]?.unacknowledged).toBeUndefined();

    t.node.answers.eth_getTransactionReceipt = (params) => (params[0] === hash ? { status: '0x1' } : null);
    await ui.handle('activity.refresh', {});
    expect((await activity()).map((e) => [e.hash, e.status])).toEqual([[hash, 'confirmed']]);
    expect(t.node.sent).toHaveLength(1);
  });

  it('before the node got it: Activity says it never went (dropped), sends nothing, and a retry takes the same nonce once', async () => {
    const t = await createTestWallet();
    await connect(t);
    let reached = false;
    t.node.answers.eth_sendRawTransaction = () => {
      reached = true;
      return never(); // stopped before the raw transaction left the worker
    };
    void approvedSend(t);
    await until(() => reached);
    expect(t.node.sent).toHaveLength(0);

    delete t.node.answers.eth_sendRawTransaction;
    const { after, ui, activity } = await restart(t);
    await ui.handle('activity.refresh', {});
    expect((await activity()).map((e) => e.status)).toEqual(['dropped']);
    expect(t.node.sent).toHaveLength(0);

    const retry = await approvedSend(after);
    expect(retry).toMatch(/^0x[0-9a-f]{64}$/);
    expect(t.node.sent).toHaveLength(1);
    expect((await activity()).map((e) => e.status)).toEqual(['pending', 'dropped']);
  });

  it('a transaction still being sent by this worker is not judged by its silence', async () => {
    const t = await createTestWallet();
    await connect(t);
    let release: () => void = () => undefined;
    t.node.answers.eth_sendRawTransaction = (params) =>
      new Promise((resolve) => {
        release = () => {
          t.node.sent.push(params[0] as `0x${string}`);
          resolve(keccak256(params[0] as `0x${string}`));
        };
      });
    const answer = approvedSend(t);
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    await until(() => t.node.calls.some((c) => c.method === 'eth_sendRawTransaction'));
    await ui.handle('activity.refresh', {});
    expect((await ui.state()).activity.map((e) => e.status)).toEqual(['pending']);
    release();
    expect(await answer).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await ui.state()).activity.map((e) => e.status)).toEqual(['pending']);
  });

  it('a transaction the node refused leaves no entry behind, and the dApp gets the node error', async () => {
    const t = await createTestWallet();
    await connect(t);
    t.node.answers.eth_sendRawTransaction = () => {
      throw Object.assign(new Error('insufficient funds for gas * price + value'), { code: -32003 });
    };
    await expect(approvedSend(t)).rejects.toMatchObject({ code: -32003 });
    expect(await t.wallet.activity.list()).toEqual([]);
  });

  it('the wallet keeps its own hash when a node answers another one', async () => {
    const t = await createTestWallet();
    await connect(t);
    t.node.answers.eth_sendRawTransaction = (params) => {
      t.node.sent.push(params[0] as `0x${string}`);
      return `0x${'ab'.repeat(32)}`;
    };
    const hash = await approvedSend(t);
    expect(hash).toBe(keccak256(t.node.sent[0]!));
    expect((await t.wallet.activity.list()).map((e) => e.hash)).toEqual([hash]);
  });
});

describe('a replacement stopped mid-send', () => {
  it('that never reached the node gives way to the transaction it replaced', async () => {
    const node = createFakeNode();
    const t = await createTestWallet({ node });
    await connect(t);
    const first = (await approvedSend(t)) as string;
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    let reached = false;
    node.answers.eth_sendRawTransaction = () => {
      reached = true;
      return never();
    };
    const speedUp = ui.handle('activity.speedUp', { hash: first });
    speedUp.catch(() => undefined);
    const approval = await t.nextApproval();
    t.wallet.approvals.decide(approval.id, { approved: true });
    await until(() => reached);

    delete node.answers.eth_sendRawTransaction;
    const { ui: restarted, activity } = await restart(t);
    await restarted.handle('activity.refresh', {});
    const [entry] = await activity();
    expect(entry).toMatchObject({ hash: first, status: 'pending' });
    expect(node.sent).toHaveLength(1);
  });
});
