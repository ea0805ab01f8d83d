/**
 * The popup's first paint of a long portfolio: the account's total and its most valuable rows,
 * small enough to read and parse at once (a few KB, where 1,419 rows over six chains are about
 * 1 MB), cut from one whole view so the total, the rows and the "as of" time all belong together.
 * The rest arrives with the background's answer.
 */
import type { HoldingView, PortfolioResult } from './view';

/** Rows the popup paints before anything else: a screenful and a little more. */
export const FIRST_PAINT_ROWS = 12;

/** Highest value first; holdings without a value last (their order kept). */
export function compareByValue(a: HoldingView, b: HoldingView): number {
  if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
  const [x, y] = [BigInt(a.value), BigInt(b.value)];
  return x === y ? 0 : x > y ? -1 : 1;
}

/** A portfolio result cut to its first rows; `moreHoldings` says how many it leaves out. */
export type FirstPaint = PortfolioResult & { moreHoldings: number };

/**
 * `result` for `account` only, its holdings cut to the `rows` most valuable (in the order the
 * list shows them); totals, per-chain totals, chains and notices stay those of the whole view.
 * Undefined when the result does not hold the account.
 */
export function firstPaintOf(result: PortfolioResult, account: string, rows = FIRST_PAINT_ROWS): FirstPaint | undefined {
  const mine = result.view.accounts.find((a) => a.address.toLowerCase() === account.toLowerCase());
  if (!mine) return undefined;
  const holdings = [...mine.holdings].sort(compareByValue).slice(0, rows);
  return {
    ...result,
    view: { ...result.view, accounts: [{ ...mine, holdings }] },
    moreHoldings: mine.holdings.length - holdings.length,
  };
}
