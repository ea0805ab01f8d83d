// Speed-up and cancel of an issuer plan's allowance on the devnet (issue 13): the plan's
// allowance is pending (automine off) when the user speeds it up or cancels it from Activity, with
// the wallet's own replacement (same nonce, fees 10% higher). A sped-up allowance is the same step:
// the mint goes out and settles, nothing sent twice. A cancelled one stops the plan with the
// reason: the mint is never sent and only the cancel moved the nonce.
import { erc20Abi } from 'viem';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { WALLET_ORIGIN } from '../../lib/commands/send-commands.ts';
import { revertChainAfterEachTest } from './isolate.ts';
import { devnetWallet } from './issuer-wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const manager = contractOf(deployment, 'AttestationManager');
const nvda = tokenOf(deployment, 'NVDAon').address;
const mined = () => publicClient.getTransactionCount({ address: user, blockTag: 'latest' });
const pending = () => publicClient.getTransactionCount({ address: user, blockTag: 'pending' });
const balance = (token: `0x${string}`) => publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

revertChainAfterEachTest(testClient);
afterEach(() => testClient.setAutomine(true));

/** A mint whose plan allowance is in the mempool, replaced from Activity by `kind` and then mined. */
async function replaceAllowance(kind: 'speed-up' | 'cancel') {
  const w = await devnetWallet();
  const before = { nonce: await mined(), usdc: await balance(usdc), nvda: await balance(nvda) };
  const mint = await w.quote('NVDAon', 'mint', '0.5');
  await testClient.setAutomine(false);
  const submitted = w.submit(mint.id).then(
    (view) => view,
    (err: unknown) => err as { code?: string; message?: string },
  );
  for (let i = 0; i < 200 && (await pending()) === before.nonce; i++) await pause(50);
  expect(await pending()).toBe(before.nonce + 1);
  const entry = (await w.wallet.activity.list()).find((e) => e.status === 'pending' && e.to?.toLowerCase() === usdc.toLowerCase());
  expect(entry).toBeDefined();
  const replacement = await w.wallet.signing.replace(WALLET_ORIGIN, entry!, kind);
  expect(replacement).not.toBe(entry!.hash);
  await testClient.mine({ blocks: 1 });
  await testClient.setAutomine(true);
  return { w, mint, before, result: await submitted, original: entry!.hash };
}

describe("an issuer plan's allowance sped up or cancelled", () => {
  it('sped up: the replacement is the same step, the mint goes out once and settles', async () => {
    const { w, mint, before, result, original } = await replaceAllowance('speed-up');
    expect(await publicClient.getTransaction({ hash: original as `0x${string}` }).catch(() => null)).toBeNull();
    expect(result).toMatchObject({ status: 'submitted' });
    const view = await w.settle(mint.id);
    expect(view).toMatchObject({ status: 'settled' });
    // The replaced allowance and the mint: two transactions, no second allowance, no second plan window.
    expect(await mined()).toBe(before.nonce + 2);
    expect(w.approvals.filter((a) => a.kind === 'issuer-request')).toHaveLength(1);
    expect((await balance(nvda)) - before.nvda).toBe(10n ** 18n / 2n);
    expect(before.usdc - (await balance(usdc))).toBe(BigInt(mint.quote.total));
  });

  it('cancelled: the plan stops saying why, the mint is never sent, nothing moved', async () => {
    const { w, mint, before, result } = await replaceAllowance('cancel');
    expect(result).toMatchObject({ code: 'issuer.allowance_cancelled' });
    expect(await w.status(mint.id)).toMatchObject({
      status: 'failed',
      error: { code: 'issuer.allowance_cancelled', message: expect.stringMatching(/cancelled or replaced.*mint was not sent/) },
    });
    expect(await mined()).toBe(before.nonce + 1);
    expect(await pending()).toBe(before.nonce + 1);
    expect(await balance(usdc)).toBe(before.usdc);
    expect(await balance(nvda)).toBe(before.nvda);
    expect(await publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: 'allowance', args: [user, manager] })).toBe(0n);
  });
});
