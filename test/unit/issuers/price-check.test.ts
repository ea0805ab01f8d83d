// The issuer quote's price sanity rule: against the wallet's price and against its own sums.
import { describe, expect, it } from 'vitest';
import { checkQuotePrice, type PriceCheckInput } from '../../../lib/issuers';

const E18 = 10n ** 18n;
const USD = (dollars: number) => BigInt(Math.round(dollars * 100)) * 10n ** 16n;
/** A quote for 2 tokens (18 decimals) in a 6-decimal stablecoin at `price`, fee 1 USDC, its value `valueFactor` x price x quantity. */
function quote(side: 'mint' | 'redeem', price: bigint, valueFactor = 1) {
  const quantity = 2n * E18;
  const exact = (quantity * price) / 10n ** 30n;
  const value = (exact * BigInt(Math.round(valueFactor * 10_000))) / 10_000n;
  const fee = 1_000_000n;
  return { side, quantity, price, value, fee, total: side === 'mint' ? value + fee : value - fee };
}
const feed = (dollars: number): PriceCheckInput['market'] => ({ source: 'feed', usdPerToken: USD(dollars), updatedAt: 0 });
const check = (q: ReturnType<typeof quote>, market: PriceCheckInput['market']) =>
  checkQuotePrice({ quote: q, tokenDecimals: 18, paymentDecimals: 6, symbol: 'NVDAon', market });

describe('price sanity of an issuer quote', () => {
  it.each([
    { case: 'at the feed price', side: 'mint', quoted: 100, wallet: 100, level: 'ok', bps: 0 },
    { case: '1.9% above', side: 'mint', quoted: 101.9, wallet: 100, level: 'ok', bps: 190 },
    { case: '2% exactly', side: 'redeem', quoted: 98, wallet: 100, level: 'ok', bps: -200 },
    { case: '2.1% above', side: 'mint', quoted: 102.1, wallet: 100, level: 'warn', bps: 210 },
    { case: '5% below on a redemption', side: 'redeem', quoted: 95, wallet: 100, level: 'warn', bps: -500 },
    { case: '10% exactly', side: 'mint', quoted: 110, wallet: 100, level: 'warn', bps: 1000 },
    { case: '10.1% above', side: 'mint', quoted: 110.1, wallet: 100, level: 'block', bps: 1010 },
    { case: '15% below', side: 'redeem', quoted: 85, wallet: 100, level: 'block', bps: -1500 },
  ] as const)('$case: $level', ({ side, quoted, wallet, level, bps }) => {
    const result = check(quote(side, USD(quoted)), feed(wallet));
    expect(result.level).toBe(level);
    expect(result.marketDeviationBps).toBe(bps);
    expect(result.arithmeticDeviationBps).toBe(0);
    if (level !== 'ok') expect(result.message).toMatch(new RegExp(`${Math.abs(bps) / 100}(\\.0)?% (above|below) the price feed for NVDAon`));
    if (level === 'block') expect(result.message).toMatch(/refuses quotes more than 10% off; nothing was sent/);
  });

  it.each([
    { case: 'a value 3% above price x quantity', side: 'mint', factor: 1.03, level: 'warn' },
    { case: 'a payout 12% below price x quantity', side: 'redeem', factor: 0.88, level: 'block' },
    { case: 'a value 30% above on a mint', side: 'mint', factor: 1.3, level: 'block' },
  ] as const)('a quote whose sums do not add up, $case: $level even at the market price', ({ side, factor, level }) => {
    const result = check(quote(side, USD(100), factor), feed(100));
    expect(result.level).toBe(level);
    expect(result.arithmeticDeviationBps).toBeGreaterThan(200);
    expect(result.message).toMatch(/does not add up/);
  });

  it('forgives one base unit of rounding in the value', () => {
    const q = quote('mint', USD(100));
    expect(check({ ...q, value: q.value + 1n, total: q.total + 1n }, feed(100))).toMatchObject({ level: 'ok', arithmeticDeviationBps: 0 });
  });

  it('works in the token and stablecoin decimals (6-decimal token, 18-decimal stablecoin)', () => {
    const quantity = 3_000_000n; // 3 tokens
    const value = 300n * E18;
    const result = checkQuotePrice({
      quote: { side: 'mint', quantity, price: USD(100), value, fee: E18, total: value + E18 },
      tokenDecimals: 6,
      paymentDecimals: 18,
      symbol: 'X',
      market: feed(100),
    });
    expect(result).toMatchObject({ level: 'ok', arithmeticDeviationBps: 0, marketDeviationBps: 0 });
  });

  it('says when there is no market price to compare instead of passing silently', () => {
    const result = check(quote('mint', USD(100)), { source: 'none', reason: 'the wallet has no price feed for NVDAon' });
    expect(result.level).toBe('unknown');
    expect(result.message).toMatch(/No market price to compare: the wallet has no price feed for NVDAon/);
    expect(result.marketDeviationBps).toBeUndefined();
  });

  it('without a market price a quote that does not add up is still refused', () => {
    expect(check(quote('redeem', USD(100), 0.5), { source: 'none', reason: 'no feed' }).level).toBe('block');
  });
});
