/** Turns decoded chain readings into a snapshot: per-account holdings with their value and backing. */
import type { Token } from '../registry/index.ts';
import { computeBackingRatio, feedFreshness } from './backing.ts';
import { balanceKey, type FeedReading, type PortfolioReadings } from './calls.ts';
import { underlyingEquivalent, WAD } from './corporate-actions.ts';
import type { MarketStatus } from './market-hours.ts';
import { DEFAULT_HEARTBEAT_SECONDS } from './price-status.ts';
import { tokenPriceFrom } from './price.ts';
import type { Holding, HoldingField, HoldingPrice, PortfolioIssue, PortfolioSnapshot } from './snapshot.ts';

export const VALUE_DECIMALS = 8;

/** USD value with VALUE_DECIMALS decimals of an underlying amount at a feed price. */
export function usdValue(underlying: bigint, price: bigint, tokenDecimals: number, priceDecimals: number): bigint {
  return (underlying * price * 10n ** BigInt(VALUE_DECIMALS)) / 10n ** BigInt(tokenDecimals + priceDecimals);
}

/**
 * A holding's USD value at its price: a feed quotes the underlying share, so the underlying
 * amount counts; a DEX pool quotes the token itself, so the balance counts. Null without either.
 */
export function holdingValue(amount: bigint, underlying: bigint | null, price: HoldingPrice | null, tokenDecimals: number): bigint | null {
  if (!price) return null;
  const units = price.source === 'dex' || price.per === 'token' ? amount : underlying;
  return units === null ? null : usdValue(units, BigInt(price.answer), tokenDecimals, price.decimals);
}

export interface AssembleSnapshotInput {
  chainId: number;
  tokens: readonly Token[];
  accounts: readonly string[];
  readings: PortfolioReadings;
  market: MarketStatus;
  nowMs: number;
  /** Issues found before decoding (a failed batch). */
  issues?: PortfolioIssue[];
}

interface Feeds {
  /** The reading, null when the feed is configured but failed, undefined when there is none. */
  read(token: Token, which: 'price' | 'reserve' | 'multiplierOracle'): FeedReading | null | undefined;
}

function feedsOf(readings: PortfolioReadings): Feeds {
  return {
    read(token, which) {
      const feed = token.feeds?.[which];
      if (!feed) return undefined;
      return readings.feeds.get(feed.address.toLowerCase()) ?? null;
    },
  };
}

/** The factor in force for the token's model (18 decimals): undefined when the model has none, null when it failed. */
function factorOf(token: Token, t: number, readings: PortfolioReadings, feeds: Feeds): bigint | null | undefined {
  switch (token.corporateActions) {
    case 'multiplier':
      return readings.multiplier.get(t) ?? null;
    case 'balance-per-share':
      return readings.balancePerShare.get(t) ?? null;
    case 'oracle-multiplier': {
      const oracle = feeds.read(token, 'multiplierOracle');
      if (oracle === undefined) return undefined;
      return oracle && oracle.answer > 0n ? (oracle.answer * WAD) / 10n ** BigInt(oracle.decimals) : null;
    }
    case 'none':
      return undefined;
  }
}

/** The factor in force for token `t` of a batch's readings (see factorOf). */
export const tokenFactor = (token: Token, t: number, readings: PortfolioReadings) => factorOf(token, t, readings, feedsOf(readings));

function backingOf(token: Token, t: number, readings: PortfolioReadings, feeds: Feeds, nowMs: number): Holding['backing'] | null | undefined {
  const reserve = feeds.read(token, 'reserve');
  if (reserve === undefined) return undefined;
  const supply = readings.totalSupply.get(t);
  if (!reserve || supply == null) return null;
  const ratio = computeBackingRatio(reserve.answer, reserve.decimals, supply, token.decimals);
  return {
    ratioBps: ratio === null ? null : ratio.toString(),
    reserves: reserve.answer.toString(),
    reservesDecimals: reserve.decimals,
    supply: supply.toString(),
    updatedAt: reserve.updatedAt,
    fresh: feedFreshness(reserve.updatedAt, token.feeds?.reserve?.heartbeat ?? DEFAULT_HEARTBEAT_SECONDS, nowMs).fresh,
  };
}

export function assembleSnapshot(input: AssembleSnapshotInput): PortfolioSnapshot {
  const { tokens, accounts, readings, market, nowMs } = input;
  const feeds = feedsOf(readings);
  const errors: PortfolioIssue[] = [...(input.issues ?? [])];
  const holdings: Holding[][] = accounts.map(() => []);

  tokens.forEach((token, t) => {
    const unavailable: HoldingField[] = [];
    const factor = factorOf(token, t, readings, feeds);
    if (factor === null) unavailable.push('factor');
    const { price, feedFailed } = tokenPriceFrom(token, t, readings, market, nowMs);
    if (feedFailed) unavailable.push('price');
    const backing = backingOf(token, t, readings, feeds, nowMs);
    if (backing === null) unavailable.push('backing');

    let balanceFailed = false;
    accounts.forEach((_, a) => {
      const amount = readings.balances.get(balanceKey(t, a));
      if (amount == null) balanceFailed = true;
      if (!amount) return;
      const sValue = token.corporateActions === 'oracle-multiplier' ? factor : undefined;
      const underlying = underlyingEquivalent(token.corporateActions, amount, { sValue });
      const value = holdingValue(amount, underlying, price, token.decimals);
      holdings[a].push({
        token: { chainId: token.chainId, address: token.address, symbol: token.symbol, decimals: token.decimals },
        amount: amount.toString(),
        underlyingAmount: underlying?.toString() ?? null,
        corporateActions: token.corporateActions,
        factor: factor == null ? null : factor.toString(),
        price,
        value: value?.toString() ?? null,
        valueDecimals: VALUE_DECIMALS,
        backing: backing ?? null,
        unavailable: [...unavailable],
      });
    });
    if (balanceFailed)
      errors.push({ code: 'portfolio.balance_unavailable', message: `Could not read ${token.symbol} balances.`, token: token.address });
    for (const field of unavailable) {
      errors.push({ code: `portfolio.${field}_unavailable`, message: `Could not read the ${field} of ${token.symbol}.`, token: token.address });
    }
  });

  const supplies: Record<string, string | null> = {};
  for (const [t, supply] of readings.totalSupply) {
    const token = tokens[t];
    if (token) supplies[token.address.toLowerCase()] = supply?.toString() ?? null;
  }

  return {
    chainId: input.chainId,
    fetchedAt: nowMs,
    blockNumber: readings.blockNumber?.toString() ?? null,
    status: errors.length === 0 ? 'ok' : 'partial',
    market: { status: market.status, nextOpen: market.nextOpen },
    accounts: accounts.map((address, a) => ({ address, holdings: holdings[a] })),
    errors,
    ...(Object.keys(supplies).length > 0 ? { supplies } : {}),
  };
}
