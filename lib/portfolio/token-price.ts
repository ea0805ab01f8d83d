/**
 * The wallet's price of one token on its chain, with where it comes from (its feed, or the
 * deepest DEX pool above the floor): what the portfolio shows, for callers outside it (an
 * issuer's quote checked against it). One Multicall3 eth_call through the user's RPC.
 */
import type { ChainDex, RpcRequester, Token } from '../registry/index.ts';
import { MULTICALL3_ADDRESS } from './abis.ts';
import { buildPortfolioCalls, readPortfolioResults } from './calls.ts';
import { marketStatus } from './market-hours.ts';
import { tokenPriceFrom } from './price.ts';
import { aggregateSplitting } from './refresh.ts';
import type { HoldingPrice } from './snapshot.ts';

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
  const { rpc, token, dex, multicall = MULTICALL3_ADDRESS, now } = params;
  const { calls, reads } = buildPortfolioCalls([token], [], multicall, dex);
  const readings = readPortfolioResults(reads, await aggregateSplitting(rpc, multicall, calls));
  const nowMs = now();
  return tokenPriceFrom(token, 0, readings, marketStatus(nowMs), nowMs).price;
}
