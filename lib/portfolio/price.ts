/**
 * The one rule for the wallet's price of a token: its price feed where the registry names one (a
 * share's price, or else the token's own: priceFeedOf)
 * (a failing feed is a missing price, never replaced by a pool), else the deepest DEX pool
 * above the liquidity floor, else none.
 */
import { priceFeedOf, type Token } from '../registry/index.ts';
import type { PortfolioReadings } from './calls.ts';
import { DEX_PRICE_DECIMALS, deepestDexPrice, quoteUsdFrom } from './dex.ts';
import type { MarketState } from './market-hours.ts';
import { DEFAULT_HEARTBEAT_SECONDS, priceStatus } from './price-status.ts';
import type { HoldingPrice } from './snapshot.ts';

export interface TokenPriceResult {
  price: HoldingPrice | null;
  /** The token has a price feed and it did not answer (or answered zero or less). */
  feedFailed: boolean;
  /** Seconds since the price was set; null without a price. */
  ageSeconds: number | null;
}

/** A DEX trades around the clock: its price is judged by age alone, never as a last close. */
export const DEX_MARKET = { status: 'open' } as const;

export function tokenPriceFrom(
  token: Token,
  t: number,
  readings: PortfolioReadings,
  market: { status: MarketState },
  nowMs: number,
): TokenPriceResult {
  const priced = priceFeedOf(token);
  if (priced) {
    const { feed } = priced;
    const reading = readings.feeds.get(feed.address.toLowerCase()) ?? null;
    if (!reading || reading.answer <= 0n) return { price: null, feedFailed: true, ageSeconds: null };
    const status = priceStatus(reading.updatedAt, feed.heartbeat ?? DEFAULT_HEARTBEAT_SECONDS, market, nowMs);
    return {
      price: {
        answer: reading.answer.toString(),
        decimals: reading.decimals,
        updatedAt: reading.updatedAt,
        status: status.status,
        reasons: status.reasons,
        source: 'feed',
        ...(priced.per === 'token' ? { per: 'token' as const } : {}),
      },
      feedFailed: false,
      ageSeconds: status.ageSeconds,
    };
  }
  const dex = deepestDexPrice(readings.dex.get(t), token.decimals, quoteUsdFrom(readings.feeds));
  if (!dex) return { price: null, feedFailed: false, ageSeconds: null };
  const updatedAt = Math.floor(nowMs / 1000);
  const status = priceStatus(updatedAt, DEFAULT_HEARTBEAT_SECONDS, DEX_MARKET, nowMs);
  return {
    price: {
      answer: dex.answer.toString(),
      decimals: DEX_PRICE_DECIMALS,
      updatedAt,
      status: status.status,
      reasons: status.reasons,
      source: 'dex',
      dex: {
        protocol: dex.protocol,
        pool: dex.pool,
        fee: dex.fee,
        quote: dex.quote,
        depth: dex.depth.toString(),
        depthDecimals: dex.depthDecimals,
        depthUsd: dex.depthUsd.toString(),
      },
    },
    feedFailed: false,
    ageSeconds: status.ageSeconds,
  };
}
