/**
 * The wallet's own price of one token on one chain, with where it comes from: the one place
 * other domains (the issuer's price check) ask "what is token X worth on chain Y". Today the
 * source is the token's registry price feed (USD per underlying share), turned into USD per
 * whole token by the token's corporate-action model; a DEX source can answer here too.
 */
import { type Address, decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import type { RpcCall } from '../ports';
import type { Token } from '../registry';
import { aggregatorAbi } from './abis.ts';
import { underlyingEquivalent, WAD } from './corporate-actions.ts';

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

/** USD per whole token at the token's feed, or `source: 'none'` with the reason the wallet has no price. */
export async function walletTokenPrice(rpc: RpcCall, token: Token): Promise<WalletTokenPrice> {
  const feed = token.feeds?.price?.address;
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
