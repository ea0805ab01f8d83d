// The popup's first paint of a long portfolio: the account's most valuable rows with the whole
// view's totals, chains and time, never another account's.
import { describe, expect, it } from 'vitest';
import { compareByValue, FIRST_PAINT_ROWS, firstPaintOf } from '../../../lib/holdings/first-paint.ts';
import { buildPortfolioView, type PortfolioResult } from '../../../lib/holdings/view.ts';
import type { Holding, PortfolioSnapshot } from '../../../lib/portfolio/index.ts';

const MINE = '0x00000000000000000000000000000000000000ac';
const OTHER = '0x00000000000000000000000000000000000000bd';
const NOW = Date.UTC(2026, 0, 6, 15); // a Tuesday, NYSE open

const holding = (chainId: number, n: number, value: string | null): Holding => ({
  token: { chainId, address: `0x${n.toString(16).padStart(40, '0')}`, symbol: `T${n}`, decimals: 18 },
  amount: '1000000000000000000',
  underlyingAmount: '1000000000000000000',
  corporateActions: 'none',
  factor: null,
  price: value === null ? null : { answer: value, decimals: 8, updatedAt: NOW / 1000 - 60, status: 'fresh', reasons: [] },
  value,
  valueDecimals: 8,
  backing: null,
  unavailable: [],
});

const snapshot = (chainId: number, accounts: { address: string; holdings: Holding[] }[]): PortfolioSnapshot => ({
  chainId,
  fetchedAt: NOW - 5_000,
  blockNumber: '100',
  status: 'ok',
  market: { status: 'open', nextOpen: null },
  accounts,
  errors: [],
});

// 40 holdings of MINE over two chains, values 1..40 (one without a price); OTHER holds one worth more than all.
const mineOn = (chainId: number, from: number) =>
  Array.from({ length: 20 }, (_, i) => holding(chainId, from + i, from + i === 7 ? null : String((from + i) * 100_000_000)));
const result = (): PortfolioResult => {
  const view = buildPortfolioView(
    [
      {
        chainId: 1,
        name: 'Ethereum',
        snapshot: snapshot(1, [
          { address: MINE, holdings: mineOn(1, 1) },
          { address: OTHER, holdings: [holding(1, 99, '999900000000')] },
        ]),
      },
      { chainId: 56, name: 'BNB Chain', snapshot: snapshot(56, [{ address: MINE, holdings: mineOn(56, 21) }]) },
    ],
    { chainId: 1, accounts: [MINE, OTHER], registry: undefined, findToken: () => undefined, nowMs: NOW },
  );
  return { view, refreshing: false };
};

describe('firstPaintOf', () => {
  it("keeps the account's most valuable rows, in the order the list shows them, and counts the rest", () => {
    const first = firstPaintOf(result(), MINE)!;
    const rows = first.view.accounts[0].holdings;
    expect(rows.map((h) => h.token.symbol)).toEqual(Array.from({ length: FIRST_PAINT_ROWS }, (_, i) => `T${40 - i}`));
    expect(first.moreHoldings).toBe(40 - FIRST_PAINT_ROWS);
  });

  it("keeps the whole view's total, per-chain totals, unpriced count, chains and read time", () => {
    const whole = result();
    const all = whole.view.accounts.find((a) => a.address === MINE)!;
    const first = firstPaintOf(whole, MINE)!;
    const account = first.view.accounts[0];
    // 1 + ... + 40 dollars without T7's
    expect(account.totalValue).toBe(String((820 - 7) * 100_000_000));
    expect(account.totalValue).toBe(all.totalValue);
    expect(account.unpricedCount).toBe(1);
    expect(account.byChain).toEqual(all.byChain);
    expect(first.view.chains.map((c) => [c.chainId, c.fetchedAt])).toEqual([
      [1, NOW - 5_000],
      [56, NOW - 5_000],
    ]);
    expect(first.view.fetchedAt).toBe(whole.view.fetchedAt);
  });

  it("holds only that account: another account's holdings and total are not in it", () => {
    const first = firstPaintOf(result(), MINE)!;
    expect(first.view.accounts.map((a) => a.address)).toEqual([MINE]);
    expect(JSON.stringify(first)).not.toContain('T99');
    expect(firstPaintOf(result(), OTHER)!.view.accounts[0].holdings.map((h) => h.token.symbol)).toEqual(['T99']);
  });

  it('matches the account whatever the case of its address; none for an account the result lacks', () => {
    expect(firstPaintOf(result(), MINE.toUpperCase().replace('0X', '0x'))?.view.accounts[0].address).toBe(MINE);
    expect(firstPaintOf(result(), '0x00000000000000000000000000000000000000ff')).toBeUndefined();
  });

  it('leaves a short portfolio whole', () => {
    const first = firstPaintOf(result(), OTHER)!;
    expect(first.moreHoldings).toBe(0);
  });

  it('puts rows without a value after every priced row', () => {
    const rows = result().view.accounts[0].holdings.slice();
    rows.sort(compareByValue);
    expect(rows.at(-1)?.token.symbol).toBe('T7');
    expect(rows[0].token.symbol).toBe('T40');
  });
});
