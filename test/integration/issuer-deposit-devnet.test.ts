// Redemption by deposit (Backed-style) on the devnet: the wallet sends SPYx to the registered
// deposit address, the request waits as "payout pending" until the issuer's operator pays USDC
// from its payout address; a wallet the issuer has not approved is refused before anything is
// sent, and a deposit from such a wallet (sent around the wallet) is never paid out.
import { type Address, erc20Abi } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import type { IssuerRequestView } from '../../lib/issuers';
import { revertChainAfterEachTest } from './isolate.ts';
import { devnetWallet } from './issuer-wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const spy = tokenOf(deployment, 'SPYx').address as Address;
const backed = deployment.issuers.find((i) => i.id === 'backed')!;
const E18 = 10n ** 18n;
/** The devnet issuer's market switch: its deposit operator pays nothing while the market is closed. */
const setMarket = async (mode: 'open' | 'closed') => {
  const response = await fetch(`${deployment.issuerServiceUrl}/v1/market`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  expect(response.status).toBe(200);
};
const balanceOf = (token: Address, account: Address = user) =>
  publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

revertChainAfterEachTest(testClient);

describe('SPYx redeemed by deposit with the Backed-style devnet issuer', () => {
  it('one transfer to the deposit address, payout pending, then the USDC received is shown', async () => {
    const w = await devnetWallet();
    const [spyBefore, usdcBefore] = [await balanceOf(spy), await balanceOf(usdc)];
    const quote = await w.quote('SPYx', 'redeem', '1');
    expect(quote).toMatchObject({
      protocol: 'deposit',
      deposit: { address: backed.depositAddress, payoutFrom: backed.payoutAddress, settlementDays: 3 },
    });
    expect(quote.priceCheck?.level).toBe('ok');
    /** Polls the request until it reaches `status` (or 20 s pass); returns the last view. */
    const statusReaching = async (status: IssuerRequestView['status']) => {
      let view = await w.status(quote.id);
      for (let i = 0; i < 200 && view.status !== status && view.status !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        view = await w.status(quote.id);
      }
      return view;
    };
    // The market closes once quoted, so the payout cannot come before the wallet has seen the
    // request waiting for it, however slow the machine.
    await setMarket('closed');
    try {
      expect((await w.submit(quote.id)).status).toBe('submitted');
      expect(await statusReaching('payout-pending')).toMatchObject({ status: 'payout-pending' });
      expect(spyBefore - (await balanceOf(spy))).toBe(E18);
      expect(await balanceOf(spy, backed.depositAddress as Address)).toBe(E18);
    } finally {
      await setMarket('open');
    }

    const view = await statusReaching('settled');
    expect(view).toMatchObject({ status: 'settled' });
    const received = (await balanceOf(usdc)) - usdcBefore;
    expect(received).toBeGreaterThan(0n);
    expect(BigInt(view.settlement!.paymentAmount)).toBe(received);
    // Priced at the feed when the issuer executed: the indicative quote's total, the feed not having moved.
    expect(received).toBe(BigInt(quote.quote.total));
    expect(w.approvals).toHaveLength(1);
  });

  it('a deposit from a wallet the issuer never approved is not paid out, and the wallet refuses such a wallet up front', async () => {
    const stranger = accountOf(deployment, 'de-investor');
    await write('user', { address: spy, abi: erc20Abi, functionName: 'transfer', args: [stranger, E18] });
    await write('de-investor', { address: spy, abi: erc20Abi, functionName: 'transfer', args: [backed.depositAddress as Address, E18] });
    const before = await balanceOf(usdc, stranger);
    // An approved wallet's deposit after it: once that one is paid, the operator has judged the stranger's too.
    const userBefore = await balanceOf(usdc);
    await write('user', { address: spy, abi: erc20Abi, functionName: 'transfer', args: [backed.depositAddress as Address, E18] });
    await expect.poll(() => balanceOf(usdc), { timeout: 20_000, interval: 100 }).toBeGreaterThan(userBefore);
    expect(await balanceOf(usdc, stranger)).toBe(before);
    expect(await balanceOf(spy, backed.depositAddress as Address)).toBe(2n * E18);

    const response = await fetch(`${deployment.issuerServiceUrl}/v1/redemption-wallets/${stranger}`);
    expect(await response.json()).toMatchObject({ approved: false, depositAddress: backed.depositAddress });
  });
});
