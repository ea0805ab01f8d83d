/**
 * How each token structure turns corporate actions into balances, in bigint with 18
 * decimal factors (WAD) like the contracts:
 * - multiplier (xStocks): balanceOf = sharesOf * multiplier / 1e18; splits, reinvested
 *   dividends and the management fee all move the multiplier, so the balance is
 *   already counted in underlying shares.
 * - balance-per-share (Dinari dShares): balanceOf = shares * balancePerShare / 1e18;
 *   splits move balancePerShare, dividends are separate airdrops.
 * - oracle-multiplier (Ondo GM): the balance never changes; an oracle's sValue says how
 *   many underlying shares one token is worth.
 * - none: one token is one underlying share.
 */
import type { CorporateActionModel } from '../registry/index.ts';

export const WAD = 10n ** 18n;
const BPS = 10_000n;
const YEAR_SECONDS = 365n * 24n * 3600n;

/** Token balance of a multiplier token holder with `shares` internal shares. */
export function balanceFromShares(shares: bigint, multiplier: bigint): bigint {
  return (shares * multiplier) / WAD;
}

/** Internal shares behind a multiplier-token balance (rounded down like the contract). */
export function sharesFromBalance(balance: bigint, multiplier: bigint): bigint {
  if (multiplier === 0n) throw new RangeError('multiplier is zero');
  return (balance * WAD) / multiplier;
}

export interface MultiplierSchedule {
  multiplier: bigint;
  newMultiplier: bigint;
  /** Epoch seconds when newMultiplier takes effect; 0 when nothing is scheduled. */
  activationTime: bigint;
}

/** The multiplier in force at `nowSeconds`, and the scheduled one if it is not active yet. */
export function effectiveMultiplier(
  s: MultiplierSchedule,
  nowSeconds: bigint,
): { value: bigint; scheduled: { value: bigint; activationTime: bigint } | null } {
  if (s.activationTime === 0n || s.newMultiplier === s.multiplier) return { value: s.multiplier, scheduled: null };
  if (nowSeconds >= s.activationTime) return { value: s.newMultiplier, scheduled: null };
  return { value: s.multiplier, scheduled: { value: s.newMultiplier, activationTime: s.activationTime } };
}

/** The multiplier after `periods` fee periods, each keeping (1 - feePerPeriod) of it, rounded down per period. */
export function applyFeeDecay(multiplier: bigint, feePerPeriod: bigint, periods: bigint): bigint {
  let m = multiplier;
  for (let i = 0n; i < periods; i++) m = (m * (WAD - feePerPeriod)) / WAD;
  return m;
}

/** x^n for a WAD fraction x, by squaring. */
function wadPow(x: bigint, n: bigint): bigint {
  let result = WAD;
  let base = x;
  for (let e = n; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * base) / WAD;
    base = (base * base) / WAD;
  }
  return result;
}

/**
 * The management fee per year in basis points, compounded: 1 - (1 - feePerPeriod)^(periods in a year).
 * feePerPeriod is a WAD fraction; periodSeconds the contract's period length.
 */
export function annualFeeBps(feePerPeriod: bigint, periodSeconds: bigint): bigint {
  if (periodSeconds <= 0n) throw new RangeError('period length must be positive');
  const kept = wadPow(WAD - feePerPeriod, YEAR_SECONDS / periodSeconds);
  return ((WAD - kept) * BPS + WAD / 2n) / WAD;
}

/** Shares held after a rebase: balance = shares * balancePerShare / 1e18. */
export function rebasedBalance(shares: bigint, balancePerShare: bigint): bigint {
  return (shares * balancePerShare) / WAD;
}

/** Underlying shares behind an oracle-multiplier token balance. */
export function underlyingFromOracle(balance: bigint, sValue: bigint): bigint {
  return (balance * sValue) / WAD;
}

/**
 * The underlying-share equivalent of a token balance, in the token's decimals; null when
 * the model needs a factor (the oracle's sValue) that is not known.
 */
export function underlyingEquivalent(model: CorporateActionModel, balance: bigint, factors: { sValue?: bigint | null } = {}): bigint | null {
  switch (model) {
    case 'multiplier':
    case 'balance-per-share':
    case 'none':
      return balance;
    case 'oracle-multiplier':
      return factors.sValue == null ? null : underlyingFromOracle(balance, factors.sValue);
  }
}
