// The price check of issuer quotes against the real devnet issuer service and the devnet's price
// feeds: a fair quote passes, one 5% off is flagged, one 15% off or one whose sums do not add up
// is refused at submit with nothing sent to the chain.
import { type Address, erc20Abi } from 'viem';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { revertChainAfterEachTest } from './isolate.ts';
import { setQuoteSkew } from '../../devnet/issuer/knobs.ts';
import { devnetWallet } from './issuer-wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const balanceOf = (token: Address) => publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

revertChainAfterEachTest(testClient);
const skewQuotes = (symbol: string, priceBps: number, valueBps = 0) => setQuoteSkew(deployment.issuerServiceUrl, symbol, priceBps, valueBps);
// The knob is per token and cleared after each test (integration files run one at a time).
const SYMBOL = 'sMSFT';
afterEach(() => skewQuotes(SYMBOL, 0, 0));

describe('issuer quotes against the wallet price on the devnet', () => {
  it.each([
    { side: 'mint', priceBps: 0, level: 'ok' },
    { side: 'redeem', priceBps: 0, level: 'ok' },
    { side: 'mint', priceBps: 500, level: 'warn' },
    { side: 'redeem', priceBps: -500, level: 'warn' },
    { side: 'mint', priceBps: 1_500, level: 'block' },
    { side: 'redeem', priceBps: -1_500, level: 'block' },
  ] as const)('a $side quoted $priceBps bps off the feed is $level', async ({ side, priceBps, level }) => {
    await skewQuotes(SYMBOL, priceBps);
    const w = await devnetWallet();
    const quote = await w.quote(SYMBOL, side, '1');
    expect(quote.priceCheck).toMatchObject({ level, source: 'feed', arithmeticDeviationBps: 0 });
    // The wallet's price is the feed's: the deviation it reports is the one the issuer was set to.
    expect(Math.abs(quote.priceCheck!.marketDeviationBps! - priceBps)).toBeLessThanOrEqual(1);
  });

  it.each([
    { name: 'a mint of sMSFT 15% above', symbol: SYMBOL, side: 'mint', priceBps: 1_500, valueBps: 0, message: /15% above the price feed for sMSFT/ },
    // Ondo's attestation carries no value (the wallet computes it); the deposit issuer's quote does, so its sums can be wrong.
    { name: 'a SPYx redemption adding up wrong by 20%', symbol: 'SPYx', side: 'redeem', priceBps: 0, valueBps: 2_000, message: /does not add up/ },
  ] as const)('$name is refused at submit with nothing sent', async ({ symbol, side, priceBps, valueBps, message }) => {
    await skewQuotes(symbol, priceBps, valueBps);
    const w = await devnetWallet();
    const usdc = contractOf(deployment, 'USDC');
    const token = tokenOf(deployment, symbol).address as Address;
    const [nonce, usdcBefore, tokensBefore] = [
      await publicClient.getTransactionCount({ address: user }),
      await balanceOf(usdc),
      await balanceOf(token),
    ];
    try {
      const quote = await w.quote(symbol, side, '1');
      expect(quote.priceCheck).toMatchObject({ level: 'block', message });
      await expect(w.submit(quote.id)).rejects.toMatchObject({ code: 'issuer.price_deviation' });
    } finally {
      await skewQuotes(symbol, 0, 0);
    }
    expect(w.approvals).toEqual([]);
    expect(await publicClient.getTransactionCount({ address: user })).toBe(nonce);
    expect(await balanceOf(usdc)).toBe(usdcBefore);
    expect(await balanceOf(token)).toBe(tokensBefore);
  });

  it('a quote flagged at 5% can still be approved and settles for the quoted total', async () => {
    await skewQuotes(SYMBOL, 500);
    const w = await devnetWallet();
    const usdc = contractOf(deployment, 'USDC');
    const before = await balanceOf(usdc);
    const quote = await w.quote(SYMBOL, 'mint', '0.5');
    expect(quote.priceCheck?.level).toBe('warn');
    await w.submit(quote.id);
    expect((await w.settle(quote.id)).status).toBe('settled');
    expect(before - (await balanceOf(usdc))).toBe(BigInt(quote.quote.total));
  });
});
