// The signing road's plan against the devnet (issue 13): one `issuer-request` window shows every
// step of a mint, each dry-run after the steps before it (the mint succeeds on the allowance the
// step before gives) and judged; the plan's gas is the sum of its steps'. After approval, a step
// is sent only if it is exactly the step approved, and never twice.
import { type Address, encodeFunctionData, erc20Abi } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients } from '../../devnet/test-kit.ts';
import type { PlanView } from '../../lib/signing';
import { revertChainAfterEachTest } from './isolate.ts';
import { devnetWallet } from './issuer-wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const manager = contractOf(deployment, 'AttestationManager');
const sent = () => publicClient.getTransactionCount({ address: user, blockTag: 'pending' });
const approve = (spender: Address, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] });

revertChainAfterEachTest(testClient);

describe('an issuer plan on the devnet', () => {
  it('is one window: each step decoded, dry-run after the ones before it, judged; the plan fee covers every step', async () => {
    const w = await devnetWallet();
    const mint = await w.quote('NVDAon', 'mint', '0.5');
    await w.submit(mint.id);
    expect((await w.settle(mint.id)).status).toBe('settled');

    expect(w.approvals.map((a) => a.kind)).toEqual(['issuer-request']);
    const view = w.approvals[0].details as PlanView;
    expect(view.steps.map((s) => [s.kind, s.to.toLowerCase(), s.verdict.verdict, s.simulation.status])).toEqual([
      ['allowance', usdc.toLowerCase(), 'allow', 'ok'],
      // Alone, the mint would revert (no allowance yet): run after the allowance, it succeeds.
      ['attestation', manager.toLowerCase(), 'allow', 'ok'],
    ]);
    expect(view.steps[0].approvals).toEqual([expect.objectContaining({ symbol: 'USDC', spender: manager, unlimited: false })]);
    expect(view.verdict.verdict).toBe('allow');
    expect(BigInt(view.fee.gasLimit!)).toBe(view.steps.reduce((sum, s) => sum + BigInt(s.gasLimit), 0n));
    expect(view.labels[manager.toLowerCase()]).toMatch(/Devnet Attest/);
  });

  it('sends a step only as approved, and a step already sent is not sent again', async () => {
    const { wallet } = await devnetWallet();
    const step = { from: user, to: usdc, data: approve(manager, 1_000_000n), value: 0n };
    const id = await wallet.signing.approvePlan('Devnet Attest (test)', {
      chainId: deployment.chainId,
      account: user,
      title: 'Allow the manager 1 USDC',
      details: {},
      steps: [{ tx: step, kind: 'allowance', title: 'Allow 1 USDC', funds: 'Your USDC stay with you.' }],
    });
    const before = await sent();

    // Another amount, another spender, another step: refused with what differs, nothing sent.
    await expect(wallet.signing.sendPlanStep(id, 0, { ...step, data: approve(manager, 2_000_000n) })).rejects.toMatchObject({
      code: 'plan.changed',
      message: expect.stringMatching(/allowance is now 2000000 base units, not the 1000000 approved\. Nothing more was sent/),
    });
    await expect(wallet.signing.sendPlanStep(id, 0, { ...step, data: approve(usdc, 1_000_000n) })).rejects.toMatchObject({ code: 'plan.changed' });
    await expect(wallet.signing.sendPlanStep(id, 1, step)).rejects.toMatchObject({ code: 'plan.changed' });
    expect(await sent()).toBe(before);

    const hash = await wallet.signing.sendPlanStep(id, 0, step);
    expect(await wallet.signing.sendPlanStep(id, 0, step)).toBe(hash);
    expect(await sent()).toBe(before + 1);
    await publicClient.waitForTransactionReceipt({ hash });
    expect(await publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: 'allowance', args: [user, manager] })).toBe(1_000_000n);
  });

  it('a step whose network fee rose above the approved cap is not sent', async () => {
    const { wallet } = await devnetWallet();
    const step = { from: user, to: usdc, data: approve(manager, 1n), value: 0n };
    const id = await wallet.signing.approvePlan('Devnet Attest (test)', {
      chainId: deployment.chainId,
      account: user,
      title: 'Allow the manager',
      details: {},
      steps: [{ tx: step, kind: 'allowance', title: 'Allow', funds: '' }],
    });
    const before = await sent();
    await testClient.setNextBlockBaseFeePerGas({ baseFeePerGas: 10n ** 12n });
    await expect(wallet.signing.sendPlanStep(id, 0, step)).rejects.toMatchObject({
      code: 'plan.changed',
      message: expect.stringMatching(/network fee is now 1000 gwei, above the cap of [\d.]+ gwei you approved/),
    });
    expect(await sent()).toBe(before);
  });
});
