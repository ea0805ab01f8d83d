/**
 * The wallet's price of one token on its chain, with where it comes from (its feed, or the
 * deepest DEX pool above the floor): what the portfolio shows (`readTokenPrice`), and the same
 * price per whole token for callers outside it (`walletTokenPrice`: an issuer's quote checked
 * against it). Read through the user's RPC.
 */
import { type Address, decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import type { RpcCall } from '../ports';
import type { ChainDex, RpcRequester, Token } from '../registry/index.ts';
import { aggregatorAbi, MULTICALL3_ADDRESS } from './abis.ts';
import { buildPortfolioCalls, readPortfolioResults } from './calls.ts';
import { underlyingEquivalent, WAD } from './corporate-actions.ts';
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

async function readFeed(rpc: RpcCall, feed: Address): Promise<{ answer: bigint; decimals: number; updatedAt: number }> {
  const call = async (functionName: 'latestRoundData' | 'decimals') => {
    const result = (await rpc('eth_call', [{ to: feed, data: encodeFunctionData({ abi: aggregatorAbi, functionName }) }, 'latest'])) as Hex;
    return decodeFunctionResult({ abi: aggregatorAbi, functionName, data: result });
  };
  const [round, decimals] = await Promise.all([call('latestRoundData'), call('decimals')]);
  const [, answer, , updatedAt] = round as readonly [bigint, bigint, bigint, bigint, bigint];
  return { answer, decimals: Number(decimals), updatedAt: Number(updatedAt) };
}

/** A DEX price (already per whole token) in walletTokenPrice's terms. */
async function dexPrice(rpc: RpcCall, token: Token, dex: ChainDex, now: () => number): Promise<WalletTokenPrice> {
  try {
    const requester: RpcRequester = { request: ({ method, params }) => rpc(method, params ? [...params] : []) };
    const price = await readTokenPrice({ rpc: requester, token, dex, now });
    const answer = price?.source === 'dex' ? BigInt(price.answer) : 0n;
    if (!price || answer <= 0n) return { source: 'none', reason: `the wallet has no price feed or deep enough pool for ${token.symbol}` };
    const usdPerToken = (answer * 10n ** BigInt(WALLET_PRICE_DECIMALS)) / 10n ** BigInt(price.decimals);
    return { source: 'dex', usdPerToken, updatedAt: price.updatedAt };
  } catch {
    return { source: 'none', reason: `the pools of ${token.symbol} could not be read` };
  }
}

/**
 * USD per whole token at the token's feed, else (given the chain's DEX entry) at its deepest
 * pool, the portfolio's own rule; or `source: 'none'` with the reason the wallet has no price.
 */
export async function walletTokenPrice(rpc: RpcCall, token: Token, options: { dex?: ChainDex; now?: () => number } = {}): Promise<WalletTokenPrice> {
  const feed = token.feeds?.price?.address;
  if (!feed && options.dex) return dexPrice(rpc, token, options.dex, options.now ?? (() => 0));
  if (!feed) return { source: 'none', reason: `the wallet has no price feed for ${token.symbol}` };
  try {
    const price = await readFeed(rpc, feed as Address);
    if (price.answer <= 0n) return { source: 'none', reason: `the price feed of ${token.symbol} has no answer` };
    let sValue: bigint | undefined;
    if (token.corporateActions === 'oracle-multiplier') {
      const oracle = token.feeds?.multiplierOracle?.address;
      if (!oracle) return { source: 'none', reason: `the wallet cannot read how many shares one ${token.symbol} is` };
      const reading = await readFeed(rpc, oracle as Address);
      sValue = (reading.answer * WAD) / 10n ** BigInt(reading.decimals);
    }
    const perToken = underlyingEquivalent(token.corporateActions, 10n ** BigInt(token.decimals), { sValue });
    if (perToken === null || perToken <= 0n) return { source: 'none', reason: `the wallet cannot read how many shares one ${token.symbol} is` };
    // perToken is in the token's decimals; the feed's answer in its own.
    const usdPerToken = (perToken * price.answer * 10n ** BigInt(WALLET_PRICE_DECIMALS)) / 10n ** BigInt(token.decimals + price.decimals);
    return { source: 'feed', usdPerToken, updatedAt: price.updatedAt };
  } catch {
    return { source: 'none', reason: `the price feed of ${token.symbol} could not be read` };
  }
}
