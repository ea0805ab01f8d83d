/**
 * Keeps what the user saw last when a refresh fails: a failed snapshot shows the
 * previous holdings with a notice; a partial one borrows the fields it could not read
 * from the previous snapshot, marked with when they were read.
 */
import { holdingValue } from './holdings.ts';
import { HOLDING_FIELDS, type Holding, type HoldingField, type PortfolioSnapshot } from './snapshot.ts';

/** The fields a partial refresh may borrow from the previous snapshot. */
const BORROWED = (f: HoldingField) => f === 'price' || f === 'backing' || f === 'factor';

function borrow(next: Holding, prev: Holding, fetchedAt: number): Holding {
  const fields: HoldingField[] = next.unavailable.filter((f) => {
    if (f === 'price') return prev.price !== null;
    if (f === 'backing') return prev.backing !== null;
    if (f === 'factor') return prev.factor !== null;
    return false;
  });
  if (fields.length === 0) return next;
  const merged: Holding = { ...next, unavailable: next.unavailable.filter((f) => !fields.includes(f)), fromLastGood: { fields, fetchedAt } };
  if (fields.includes('price')) merged.price = prev.price;
  if (fields.includes('backing')) merged.backing = prev.backing;
  if (fields.includes('factor')) {
    merged.factor = prev.factor;
    // The oracle's sValue is what turns an Ondo balance into shares: scale as before.
    if (next.underlyingAmount === null && prev.underlyingAmount !== null && prev.amount !== '0') {
      merged.underlyingAmount = ((BigInt(next.amount) * BigInt(prev.underlyingAmount)) / BigInt(prev.amount)).toString();
    }
  }
  if (merged.value === null && merged.price) {
    const underlying = merged.underlyingAmount === null ? null : BigInt(merged.underlyingAmount);
    merged.value = holdingValue(BigInt(merged.amount), underlying, merged.price, next.token.decimals)?.toString() ?? null;
  }
  return merged;
}

export function mergeWithLastGood(prev: PortfolioSnapshot | undefined, next: PortfolioSnapshot): PortfolioSnapshot {
  if (!prev || prev.chainId !== next.chainId || prev.status === 'failed') return next;
  const lastGoodAt = prev.notice?.since ?? prev.fetchedAt;
  if (next.status === 'failed') {
    return {
      ...prev,
      errors: next.errors,
      notice: {
        code: 'portfolio.showing_last_good',
        message: `Could not refresh: ${next.errors[0]?.message ?? 'the RPC failed'}`,
        since: lastGoodAt,
      },
    };
  }
  if (next.status === 'ok') return next;

  // Indexed per account, lazily: a holding whose every field was read needs nothing from before.
  const prevAccounts = new Map(prev.accounts.map((a) => [a.address.toLowerCase(), a]));
  const failedBalances = new Set(next.errors.filter((e) => e.code === 'portfolio.balance_unavailable' && e.token).map((e) => e.token!.toLowerCase()));
  const accounts = next.accounts.map((account) => {
    const before = prevAccounts.get(account.address.toLowerCase());
    if (!before) return account;
    let byToken: Map<string, Holding> | undefined;
    const holdingBefore = (h: Holding) => {
      byToken ??= new Map(before.holdings.map((p) => [p.token.address.toLowerCase(), p]));
      return byToken.get(h.token.address.toLowerCase());
    };
    const holdings = account.holdings.map((h) => {
      if (h.unavailable.length === 0 || !h.unavailable.some(BORROWED)) return h;
      const earlier = holdingBefore(h);
      return earlier ? borrow(h, earlier, prev.fetchedAt) : h;
    });
    if (failedBalances.size === 0) return { ...account, holdings };
    const kept = new Set(holdings.map((h) => h.token.address.toLowerCase()));
    const carried = before.holdings
      .filter((h) => failedBalances.has(h.token.address.toLowerCase()) && !kept.has(h.token.address.toLowerCase()))
      .map((h): Holding => ({ ...h, fromLastGood: { fields: [...HOLDING_FIELDS], fetchedAt: lastGoodAt } }));
    return { ...account, holdings: [...holdings, ...carried] };
  });
  return { ...next, accounts };
}
