// Storage faults after a transaction has gone out: the dApp must get its hash, never an error
// that invites it to send again (a double send).
import { parseTransaction } from 'viem';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet, type TestWallet } from '../wallet/harness';

async function approvedSend(t: TestWallet): Promise<unknown> {
  const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]);
  const approval = await t.nextApproval();
  t.wallet.approvals.decide(approval.id, { approved: true });
  return pending;
}

/** storage.local from now on refuses every write, the way a browser over quota does. */
function fillUp(t: TestWallet) {
  t.local.set = async () => {
    throw new DOMException('Quota exceeded', 'QuotaExceededError');
  };
}

describe('storage full after a transaction was sent', () => {
  it('still answers the hash: the send happened, so the dApp must not be told to retry', async () => {
    const t = await createTestWallet();
    await connect(t);
    fillUp(t);
    const hash = await approvedSend(t);
    expect(t.node.sent).toHaveLength(1);
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('the next send takes the next nonce from the node, though the used nonce could not be saved', async () => {
    const t = await createTestWallet();
    await connect(t);
    fillUp(t);
    await approvedSend(t);
    t.node.answers.eth_getTransactionCount = () => '0x1';
    await approvedSend(t);
    expect(t.node.sent.map((raw) => parseTransaction(raw).nonce)).toEqual([0, 1]);
  });
});
