import { describe, expect, it } from 'vitest';
import {
  annualFeeBps,
  applyFeeDecay,
  balanceFromShares,
  effectiveMultiplier,
  rebasedBalance,
  rightsNotGiven,
  sharesFromBalance,
  underlyingEquivalent,
  WAD,
} from '../../../lib/portfolio/index.ts';

const units = (n: number | string) => BigInt(n) * WAD;

describe('multiplier tokens (xStocks)', () => {
  it('doubles the balance of every holder on a 2:1 split, shares unchanged', () => {
    const shares = units(10);
    expect(balanceFromShares(shares, WAD)).toBe(units(10));
    expect(balanceFromShares(shares, 2n * WAD)).toBe(units(20));
  });

  it('turns a balance back into shares, rounding down like the contract', () => {
    expect(sharesFromBalance(units(20), 2n * WAD)).toBe(units(10));
    expect(sharesFromBalance(10n, 3n * WAD)).toBe(3n);
    expect(() => sharesFromBalance(1n, 0n)).toThrow();
  });

  it('keeps a scheduled multiplier out of the balance until its activation time', () => {
    const schedule = { multiplier: WAD, newMultiplier: 3n * WAD, activationTime: 1_800_000_000n };
    expect(effectiveMultiplier(schedule, 1_799_999_999n)).toEqual({ value: WAD, scheduled: { value: 3n * WAD, activationTime: 1_800_000_000n } });
    expect(effectiveMultiplier(schedule, 1_800_000_000n)).toEqual({ value: 3n * WAD, scheduled: null });
    expect(effectiveMultiplier({ multiplier: WAD, newMultiplier: 0n, activationTime: 0n }, 0n)).toEqual({ value: WAD, scheduled: null });
  });

  it('decays the multiplier by the fee each period', () => {
    const fee = WAD / 10_000n; // 1 bp per period
    expect(applyFeeDecay(WAD, fee, 0n)).toBe(WAD);
    expect(applyFeeDecay(WAD, fee, 1n)).toBe(WAD - fee);
    expect(applyFeeDecay(WAD, fee, 2n)).toBe(((WAD - fee) * (WAD - fee)) / WAD);
  });

  it.each([
    ['a daily fee of 0.0005479% is about 0.20% a year', WAD / 182_500n, 86_400n, 20n],
    ['a daily fee of 1 bp is about 3.58% a year (compounded)', WAD / 10_000n, 86_400n, 358n],
    ['a yearly period gives the fee itself', WAD / 100n, 365n * 86_400n, 100n],
    ['no fee is zero', 0n, 86_400n, 0n],
  ])('annualises the fee: %s', (_, feePerPeriod, period, bps) => {
    expect(annualFeeBps(feePerPeriod, period)).toBe(bps);
  });

  it('agrees with a year of applied decay', () => {
    const fee = WAD / 10_000n;
    const afterYear = applyFeeDecay(WAD, fee, 365n);
    expect(annualFeeBps(fee, 86_400n)).toBe(((WAD - afterYear) * 10_000n + WAD / 2n) / WAD);
  });
});

describe('balance-per-share tokens (dShares)', () => {
  it('rebases balances on a split', () => {
    expect(rebasedBalance(units(5), WAD)).toBe(units(5));
    expect(rebasedBalance(units(5), 4n * WAD)).toBe(units(20));
    expect(rebasedBalance(units(5), WAD / 10n)).toBe(units(5) / 10n); // 1:10 reverse split
  });
});

describe('underlying-share equivalent', () => {
  const balance = units(3);
  it.each([
    ['multiplier', {}, balance],
    ['balance-per-share', {}, balance],
    ['none', {}, balance],
    ['oracle-multiplier', { sValue: (WAD * 105n) / 100n }, (balance * 105n) / 100n],
    ['oracle-multiplier', { sValue: null }, null],
  ] as const)('%s with %o', (model, factors, expected) => {
    expect(underlyingEquivalent(model, balance, factors)).toBe(expected);
  });
});

describe('rights the token does not give', () => {
  it.each(['custody-backed', 'synthetic', 'derivative', null] as const)('names voting and registered ownership for %s', (structure) => {
    const text = rightsNotGiven(structure).join(' ');
    expect(text).toMatch(/voting/i);
    expect(text).toMatch(/registered shareholder/i);
  });

  it('says a synthetic token holds no shares', () => {
    expect(rightsNotGiven('synthetic').join(' ')).toMatch(/No shares are held/);
  });
});
