// Faults (security issue, hardening): the service worker stops while a step of an approved plan
// (an issuer's allowance or mint) is being sent. The restarted worker finishes the plan, asking the
// signing road for the step again: a step the node took is answered by its hash and never signed
// again; a step the node never received is refused, never sent, so the plan stops there and says so
// instead of waiting for a transaction that can never be mined.
import type { Hex } from 'viem';
import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PlanProposal } from '../../../lib/signing';
import { ACCOUNT_0, ACCOUNT_1, createTestWallet, type TestWallet } from '../wallet/harness';

const never = () => new Promise<never>(() => undefined);
const ISSUER = 'Devnet Attest (https://issuer.example)';
const step = { from: ACCOUNT_0, to: ACCOUNT_1, data: '0x' as Hex, value: 0n } as const;
const proposal: PlanProposal = {
  chainId: 31337,
  account: ACCOUNT_0,
  title: 'Mint',
  details: {},
  steps: [{ tx: step, kind: 'allowance', title: 'Approve', funds: 'Stay with you.' }],
};

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 5));
  expect(await check()).toBe(true);
}

/** The plan approved in its window, then its step sent while the node never answers (`take`: the node still got it). */
async function stoppedMidStep(take: boolean): Promise<{ t: TestWallet; id: string }> {
  const t = await createTestWallet();
  const approving = t.wallet.signing.approvePlan(ISSUER, proposal);
  t.wallet.approvals.decide((await t.nextApproval()).id, { approved: true });
  const id = await approving;
  t.node.answers.eth_sendRawTransaction = (params) => {
    if (take) t.node.sent.push(params[0] as Hex);
    return never(); // the answer never comes back: the worker is gone
  };
  void t.wallet.signing.sendPlanStep(id, 0, step).catch(() => undefined);
  await until(async () => (await t.wallet.activity.list()).length === 1);
  delete t.node.answers.eth_sendRawTransaction;
  return { t, id };
}

const restart = (t: TestWallet) => createTestWallet({ stores: { local: t.local, session: t.session }, node: t.node });

describe('a plan step the worker was sending when it stopped', () => {
  it('the next step is sent by a restarted worker at once, its first call: the vault key is picked up from the session first', async () => {
    const t = await createTestWallet();
    const two: PlanProposal = { ...proposal, steps: [proposal.steps[0], { ...proposal.steps[0], kind: 'attestation' }] };
    const approving = t.wallet.signing.approvePlan(ISSUER, two);
    t.wallet.approvals.decide((await t.nextApproval()).id, { approved: true });
    const id = await approving;
    await t.wallet.signing.sendPlanStep(id, 0, step);

    const after = await restart(t);
    expect(await after.wallet.signing.sendPlanStep(id, 1, step)).toBe(keccak256(t.node.sent[1]!));
    expect(t.node.sent).toHaveLength(2);
  });

  it('taken by the node: the restarted worker answers its hash and signs nothing again', async () => {
    const { t, id } = await stoppedMidStep(true);
    const after = await restart(t);
    expect(await after.wallet.signing.sendPlanStep(id, 0, step)).toBe(keccak256(t.node.sent[0]!));
    expect(t.node.sent).toHaveLength(1);
  });

  it('never received by the node: the restarted worker refuses the step, sends nothing, and keeps refusing it', async () => {
    const { t, id } = await stoppedMidStep(false);
    const after = await restart(t);
    const refusal = { code: 'plan.not_sent', message: expect.stringMatching(/never received it.*Nothing more was sent/) };
    await expect(after.wallet.signing.sendPlanStep(id, 0, step)).rejects.toMatchObject(refusal);
    await expect(after.wallet.signing.sendPlanStep(id, 0, step)).rejects.toMatchObject(refusal);
    expect(t.node.sent).toHaveLength(0);
  });
});
