/**
 * The wallet's price of one token on its chain, with where it comes from (its feed, or the
 * deepest DEX pool above the floor): what the portfolio shows (`readTokenPrice`), and the same
 * price per whole token for callers outside it (`walletTokenPrice`: an issuer's quote checked
 * against it). Both read the portfolio's one batch through the user's RPC.
 */
import type { RpcCall } from '../ports';
import { type ChainDex, priceFeedOf, type RpcRequester, type Token } from '../registry/index.ts';
import { MULTICALL3_ADDRESS } from './abis.ts';
import { buildPortfolioCalls, type PortfolioReadings, readPortfolioResults } from './calls.ts';
import { underlyingEquivalent } from './corporate-actions.ts';
import { tokenFactor } from './holdings.ts';
import { marketStatus } from './market-hours.ts';
import { tokenPriceFrom } from './price.ts';
import { aggregateSplitting } from './refresh.ts';
import type { HoldingPrice } from './snapshot.ts';

/** The portfolio's batch for one token and no account: its feeds, factor and pools, in one eth_call. */
async function readOneToken(rpc: RpcRequester, token: Token, dex?: ChainDex, multicall = MULTICALL3_ADDRESS): Promise<PortfolioReadings> {
  const { calls, reads } = buildPortfolioCalls([token], [], multicall, dex);
  return readPortfolioResults(reads, await aggregateSplitting(rpc, multicall, calls));
}

export interface ReadTokenPriceParameters {
  rpc: RpcRequester;
  token: Token;
  /** The token's chain's DEX entry (Registry.dexOn); without it only a feed prices the token. */
  dex?: ChainDex;
  multicall?: string;
  /** Epoch ms, from the caller's clock. */
  now: () => number;
}

/**
 * The price (USD per whole token, `decimals` decimals) and its `source` ('feed' or 'dex', with
 * the pool and its depth); null when the token has none. Throws when the RPC fails.
 */
export async function readTokenPrice(params: ReadTokenPriceParameters): Promise<HoldingPrice | null> {
  const { rpc, token, dex, multicall, now } = params;
  const readings = await readOneToken(rpc, token, dex, multicall);
  const nowMs = now();
  return tokenPriceFrom(token, 0, readings, marketStatus(nowMs), nowMs).price;
}

export type WalletPriceSource = 'feed' | 'dex' | 'none';

export type WalletTokenPrice =
  | {
      source: 'feed' | 'dex';
      /** USD per whole token, 18 decimals. */
      usdPerToken: bigint;
      /** Seconds since the epoch of the reading. */
      updatedAt: number;
    }
  | { source: 'none'; reason: string };

/** Price answers carry this many decimals. */
export const WALLET_PRICE_DECIMALS = 18;

const none = (reason: string): WalletTokenPrice => ({ source: 'none', reason });

/**
 * USD per whole token by the portfolio's own rule and its one batch: the token's feed (a share's
 * price, times the shares one token is), else (given the chain's DEX entry) its deepest pool;
 * or `source: 'none'` with the reason the wallet has no price.
 */
export async function walletTokenPrice(rpc: RpcCall, token: Token, options: { dex?: ChainDex; now?: () => number } = {}): Promise<WalletTokenPrice> {
  const { symbol } = token;
  const feed = priceFeedOf(token)?.feed.address;
  if (!feed && !options.dex) return none(`the wallet has no price feed for ${symbol}`);
  const requester: RpcRequester = { request: ({ method, params }) => rpc(method, params ? [...params] : []) };
  let readings: PortfolioReadings;
  try {
    readings = await readOneToken(requester, token, options.dex);
  } catch {
    return none(feed ? `the price feed of ${symbol} could not be read` : `the pools of ${symbol} could not be read`);
  }
  const nowMs = (options.now ?? (() => 0))();
  const { price } = tokenPriceFrom(token, 0, readings, marketStatus(nowMs), nowMs);
  if (!price) {
    if (!feed) return none(`the wallet has no price feed or deep enough pool for ${symbol}`);
    return none(
      readings.feeds.get(feed.toLowerCase()) ? `the price feed of ${symbol} has no answer` : `the price feed of ${symbol} could not be read`,
    );
  }
  const one = 10n ** BigInt(token.decimals);
  // A pool or a token-price feed prices the token itself; a share feed the share, so count the shares one token is.
  const factor = token.corporateActions === 'oracle-multiplier' ? tokenFactor(token, 0, readings) : undefined;
  const units = price.source === 'dex' || price.per === 'token' ? one : underlyingEquivalent(token.corporateActions, one, { sValue: factor });
  if (units === null || units <= 0n) return none(`the wallet cannot read how many shares one ${symbol} is`);
  const usdPerToken = (units * BigInt(price.answer) * 10n ** BigInt(WALLET_PRICE_DECIMALS)) / 10n ** BigInt(token.decimals + price.decimals);
  return { source: price.source ?? 'feed', usdPerToken, updatedAt: price.updatedAt };
}
