/**
 * The reads one portfolio refresh needs, as Multicall3 calls: every token's balance for
 * every account, each token's multiplier or balance-per-share, its price, reserve and
 * sValue feeds (latestRoundData and decimals, each feed once), totalSupply where a
 * reserve feed needs it, and the block number the answers belong to.
 */
import { decodeFunctionResult, encodeFunctionData, getAddress, type Hex } from 'viem';
import type { Token } from '../registry/index.ts';
import { aggregatorAbi, erc20Abi, MULTICALL3_ADDRESS, multicall3Abi, multiplierTokenAbi, rebasingTokenAbi } from './abis.ts';
import type { Call3, Call3Result } from './multicall.ts';

export type PortfolioRead =
  | { kind: 'blockNumber' }
  | { kind: 'balance'; token: number; account: number }
  | { kind: 'totalSupply'; token: number }
  | { kind: 'multiplier'; token: number }
  | { kind: 'balancePerShare'; token: number }
  | { kind: 'feedRound'; feed: string }
  | { kind: 'feedDecimals'; feed: string };

export interface PortfolioCalls {
  calls: Call3[];
  /** reads[i] says what calls[i] asks. */
  reads: PortfolioRead[];
}

export interface FeedReading {
  answer: bigint;
  updatedAt: number;
  decimals: number;
}

export interface PortfolioReadings {
  blockNumber: bigint | null;
  /** Keyed `${tokenIndex}:${accountIndex}`; null when the call failed. */
  balances: Map<string, bigint | null>;
  totalSupply: Map<number, bigint | null>;
  multiplier: Map<number, bigint | null>;
  balancePerShare: Map<number, bigint | null>;
  /** Keyed by lower-case feed address; null when either read failed or the answer is negative. */
  feeds: Map<string, FeedReading | null>;
}

const call = (target: string, callData: Hex): Call3 => ({ target: getAddress(target), allowFailure: true, callData });

export function buildPortfolioCalls(tokens: readonly Token[], accounts: readonly string[], multicall: string = MULTICALL3_ADDRESS): PortfolioCalls {
  const calls: Call3[] = [call(multicall, encodeFunctionData({ abi: multicall3Abi, functionName: 'getBlockNumber' }))];
  const reads: PortfolioRead[] = [{ kind: 'blockNumber' }];
  const add = (target: string, callData: Hex, read: PortfolioRead) => {
    calls.push(call(target, callData));
    reads.push(read);
  };
  const feeds = new Set<string>();
  const addFeed = (address: string | undefined) => {
    const key = address?.toLowerCase();
    if (!address || !key || feeds.has(key)) return;
    feeds.add(key);
    add(address, encodeFunctionData({ abi: aggregatorAbi, functionName: 'latestRoundData' }), { kind: 'feedRound', feed: key });
    add(address, encodeFunctionData({ abi: aggregatorAbi, functionName: 'decimals' }), { kind: 'feedDecimals', feed: key });
  };

  tokens.forEach((token, t) => {
    accounts.forEach((account, a) => {
      add(token.address, encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [getAddress(account)] }), { kind: 'balance', token: t, account: a });
    });
    if (token.corporateActions === 'multiplier') {
      add(token.address, encodeFunctionData({ abi: multiplierTokenAbi, functionName: 'multiplier' }), { kind: 'multiplier', token: t });
    }
    if (token.corporateActions === 'balance-per-share') {
      add(token.address, encodeFunctionData({ abi: rebasingTokenAbi, functionName: 'balancePerShare' }), { kind: 'balancePerShare', token: t });
    }
    if (token.feeds?.reserve) {
      add(token.address, encodeFunctionData({ abi: erc20Abi, functionName: 'totalSupply' }), { kind: 'totalSupply', token: t });
    }
    addFeed(token.feeds?.price?.address);
    addFeed(token.feeds?.reserve?.address);
    if (token.corporateActions === 'oracle-multiplier') addFeed(token.feeds?.multiplierOracle?.address);
  });
  return { calls, reads };
}

function decodeUint(abi: typeof erc20Abi | typeof multiplierTokenAbi | typeof rebasingTokenAbi | typeof multicall3Abi, functionName: string, data: Hex): bigint {
  // biome-ignore lint/suspicious/noExplicitAny: the function names are checked by the reads that built the call
  return decodeFunctionResult({ abi: abi as any, functionName, data }) as bigint;
}

/** Decodes each result by what it asked; a failed or undecodable call becomes null. */
export function readPortfolioResults(reads: readonly PortfolioRead[], results: readonly (Call3Result | null)[]): PortfolioReadings {
  const out: PortfolioReadings = {
    blockNumber: null,
    balances: new Map(),
    totalSupply: new Map(),
    multiplier: new Map(),
    balancePerShare: new Map(),
    feeds: new Map(),
  };
  const rounds = new Map<string, { answer: bigint; updatedAt: number } | null>();
  const decimals = new Map<string, number | null>();
  reads.forEach((read, i) => {
    const result = results[i];
    const decode = <T>(fn: (data: Hex) => T): T | null => {
      if (!result?.success || result.returnData === '0x') return null;
      try {
        return fn(result.returnData);
      } catch {
        return null;
      }
    };
    switch (read.kind) {
      case 'blockNumber':
        out.blockNumber = decode((d) => decodeUint(multicall3Abi, 'getBlockNumber', d));
        break;
      case 'balance':
        out.balances.set(`${read.token}:${read.account}`, decode((d) => decodeUint(erc20Abi, 'balanceOf', d)));
        break;
      case 'totalSupply':
        out.totalSupply.set(read.token, decode((d) => decodeUint(erc20Abi, 'totalSupply', d)));
        break;
      case 'multiplier':
        out.multiplier.set(read.token, decode((d) => decodeUint(multiplierTokenAbi, 'multiplier', d)));
        break;
      case 'balancePerShare':
        out.balancePerShare.set(read.token, decode((d) => decodeUint(rebasingTokenAbi, 'balancePerShare', d)));
        break;
      case 'feedRound':
        rounds.set(
          read.feed,
          decode((d) => {
            const [, answer, , updatedAt] = decodeFunctionResult({ abi: aggregatorAbi, functionName: 'latestRoundData', data: d });
            return { answer, updatedAt: Number(updatedAt) };
          }),
        );
        break;
      case 'feedDecimals':
        decimals.set(
          read.feed,
          decode((d) => decodeFunctionResult({ abi: aggregatorAbi, functionName: 'decimals', data: d })),
        );
        break;
    }
  });
  for (const [feed, round] of rounds) {
    const feedDecimals = decimals.get(feed);
    out.feeds.set(feed, round && round.answer >= 0n && feedDecimals != null ? { ...round, decimals: feedDecimals } : null);
  }
  return out;
}
