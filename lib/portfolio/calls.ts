/**
 * The reads one portfolio refresh needs, as Multicall3 calls: every token's balance for
 * every account, each token's multiplier or balance-per-share, its price, reserve and
 * sValue feeds (latestRoundData and decimals, each feed once), totalSupply where a
 * reserve feed needs it (the token's own, or one of the same token on another chain, which
 * reports the issue summed over every chain), and the block number the answers belong to.
 *
 * A multiplier token is asked both getCurrentMultiplier() (with the fee periods accrued
 * since the fee was last applied: what its balanceOf uses) and multiplier() (without
 * them), in the same batch: the first answer that decodes wins, so a token that predates
 * getCurrentMultiplier still shows its factor without another request.
 *
 * A token without a price feed has its pools against the chain's quote tokens read in the same
 * batch (dex.ts), so a DEX price costs no extra request.
 */
import { decodeFunctionResult, encodeFunctionData, getAddress, type Hex, isAddress, zeroAddress } from 'viem';
import { type ChainDex, priceFeedOf, type Token } from '../registry/index.ts';
import { aggregatorAbi, erc20Abi, MULTICALL3_ADDRESS, multicall3Abi, multiplierTokenAbi, rebasingTokenAbi } from './abis.ts';
import { type DexField, type DexPool, type DexPoolReading, decodeDexField, dexPoolCalls, dexPoolsFor, recordDexField } from './dex.ts';
import { type Call3, type Call3Result, uintWord } from './multicall.ts';
import { type DiscoveryReads, decodeProbe, discoveryAbi, PROBE_FIELDS, type ProbeField, type ProbeReading } from './discovery-reads.ts';

export type PortfolioRead =
  | { kind: 'blockNumber' }
  | { kind: 'balance'; token: number; account: number }
  | { kind: 'totalSupply'; token: number }
  | { kind: 'multiplier'; token: number }
  | { kind: 'currentMultiplier'; token: number }
  | { kind: 'balancePerShare'; token: number }
  | { kind: 'feedRound'; feed: string }
  | { kind: 'feedDecimals'; feed: string }
  | { kind: 'dex'; token: number; pool: DexPool; field: DexField }
  | { kind: 'dShares'; factory: string }
  | { kind: 'probe'; address: string; field: ProbeField };

/** What the batch asks of an address a factory listed that the registry does not know yet. */
export type { DiscoveryReads, ProbeField, ProbeReading } from './discovery-reads.ts';

export interface PortfolioCalls {
  calls: Call3[];
  /** reads[i] says what calls[i] asks. */
  reads: PortfolioRead[];
}

export interface FeedReading {
  answer: bigint;
  updatedAt: number;
  decimals: number;
  /** The round latestRoundData answered for (a proxy's id carries its phase in the high bits); absent in readings made by hand. */
  roundId?: bigint;
}

/** getCurrentMultiplier(): the multiplier with fees accrued, the fee periods it counts, and its nonce (older tokens return no nonce). */
export interface CurrentMultiplierReading {
  value: bigint;
  periodsPassed: bigint;
  nonce: bigint | null;
}

export interface PortfolioReadings {
  blockNumber: bigint | null;
  /** Keyed `${tokenIndex}:${accountIndex}`; null when the call failed. */
  /** Keyed by balanceKey(token index, account index). */
  balances: Map<number, bigint | null>;
  totalSupply: Map<number, bigint | null>;
  /** The multiplier balanceOf uses: getCurrentMultiplier() where it answers, else multiplier(). */
  multiplier: Map<number, bigint | null>;
  /** getCurrentMultiplier() as answered; null when the token lacks it or it failed. */
  currentMultiplier: Map<number, CurrentMultiplierReading | null>;
  balancePerShare: Map<number, bigint | null>;
  /** Keyed by lower-case feed address; null when either read failed or the answer is negative. */
  feeds: Map<string, FeedReading | null>;
  /** The pools read for each feedless token, by token index. */
  dex: Map<number, DexPoolReading[]>;
  /** getDShares()'s dShares (wrapped ones left out), by lower-case factory; null when the call failed. */
  dShares: Map<string, string[] | null>;
  /** The metadata of each probed address, by lower-case address. */
  probes: Map<string, ProbeReading>;
}

/** Calldata of the argument-free reads, encoded once, on the first refresh (not at the worker's start). */
let encoded: ReturnType<typeof encodeReads> | undefined;
const encodedReads = () => (encoded ??= encodeReads());
const encodeReads = () => ({
  getBlockNumber: encodeFunctionData({ abi: multicall3Abi, functionName: 'getBlockNumber' }),
  totalSupply: encodeFunctionData({ abi: erc20Abi, functionName: 'totalSupply' }),
  multiplier: encodeFunctionData({ abi: multiplierTokenAbi, functionName: 'multiplier' }),
  getCurrentMultiplier: encodeFunctionData({ abi: multiplierTokenAbi, functionName: 'getCurrentMultiplier' }),
  balancePerShare: encodeFunctionData({ abi: rebasingTokenAbi, functionName: 'balancePerShare' }),
  getDShares: encodeFunctionData({ abi: discoveryAbi, functionName: 'getDShares' }),
  symbol: encodeFunctionData({ abi: discoveryAbi, functionName: 'symbol' }),
  name: encodeFunctionData({ abi: discoveryAbi, functionName: 'name' }),
  tokenDecimals: encodeFunctionData({ abi: discoveryAbi, functionName: 'decimals' }),
  latestRoundData: encodeFunctionData({ abi: aggregatorAbi, functionName: 'latestRoundData' }),
  decimals: encodeFunctionData({ abi: aggregatorAbi, functionName: 'decimals' }),
  /** balanceOf(address): the selector, then the account as one word. */
  balanceOfSelector: encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [zeroAddress] }).slice(0, 10),
});

/** balanceOf(account) of one token, allowed to fail: the read a portfolio batch and the guard's holding check share. */
export function balanceOfCall(token: string, account: string): Call3 {
  return { target: asAddress(token), allowFailure: true, callData: balanceOfData(account) };
}

const balanceOfData = (account: string): Hex => `${encodedReads().balanceOfSelector}${asAddress(account).slice(2).padStart(64, '0')}` as Hex;

/** A balanceOf answer: the amount, or null when the call failed or did not answer one word. */
export function balanceOfResult(result: Call3Result | null | undefined): bigint | null {
  if (!result?.success || result.returnData === '0x') return null;
  try {
    return uintWord(result.returnData);
  } catch {
    return null;
  }
}

function asAddress(value: string): `0x${string}` {
  if (!isAddress(value, { strict: false })) throw new Error(`not an address: ${value}`);
  return value.toLowerCase() as `0x${string}`;
}

export function buildPortfolioCalls(
  tokens: readonly Token[],
  accounts: readonly string[],
  multicall: string = MULTICALL3_ADDRESS,
  dex?: ChainDex,
  /** Lower-case addresses of tokens without a reserve feed here whose supply a feed on another chain needs. */
  supplyOf?: ReadonlySet<string>,
  discovery?: DiscoveryReads,
): PortfolioCalls {
  const calls: Call3[] = [{ target: asAddress(multicall), allowFailure: true, callData: encodedReads().getBlockNumber }];
  const reads: PortfolioRead[] = [{ kind: 'blockNumber' }];
  const add = (target: `0x${string}`, callData: Hex, read: PortfolioRead) => {
    calls.push({ target, allowFailure: true, callData });
    reads.push(read);
  };
  const balanceOf = accounts.map(balanceOfData);
  const feeds = new Set<string>();
  const addFeed = (address: string | undefined) => {
    if (!address) return;
    const key = asAddress(address);
    if (feeds.has(key)) return;
    feeds.add(key);
    add(key, encodedReads().latestRoundData, { kind: 'feedRound', feed: key });
    add(key, encodedReads().decimals, { kind: 'feedDecimals', feed: key });
  };

  tokens.forEach((token, t) => {
    const target = asAddress(token.address);
    for (let a = 0; a < balanceOf.length; a++) add(target, balanceOf[a], { kind: 'balance', token: t, account: a });
    if (token.corporateActions === 'multiplier') {
      add(target, encodedReads().getCurrentMultiplier, { kind: 'currentMultiplier', token: t });
      add(target, encodedReads().multiplier, { kind: 'multiplier', token: t });
    }
    if (token.corporateActions === 'balance-per-share') add(target, encodedReads().balancePerShare, { kind: 'balancePerShare', token: t });
    if (token.feeds?.reserve || supplyOf?.has(target)) add(target, encodedReads().totalSupply, { kind: 'totalSupply', token: t });
    const priced = priceFeedOf(token);
    addFeed(priced?.feed.address);
    addFeed(token.feeds?.reserve?.address);
    if (token.corporateActions === 'oracle-multiplier') addFeed(token.feeds?.multiplierOracle?.address);
    if (dex && !priced) {
      for (const pool of dexPoolsFor(token, dex)) {
        if (pool.quote.usd.kind === 'feed') addFeed(pool.quote.usd.feed.address);
        for (const { target, callData, field } of dexPoolCalls(pool)) add(target, callData, { kind: 'dex', token: t, pool, field });
      }
    }
  });
  for (const factory of discovery?.dShareFactories ?? []) {
    const target = asAddress(factory);
    add(target, encodedReads().getDShares, { kind: 'dShares', factory: target });
  }
  for (const address of discovery?.probe ?? []) {
    const target = asAddress(address);
    const r = encodedReads();
    const data: Record<ProbeField, Hex> = { symbol: r.symbol, name: r.name, decimals: r.tokenDecimals, balancePerShare: r.balancePerShare };
    for (const field of PROBE_FIELDS) add(target, data[field], { kind: 'probe', address: target, field });
  }
  return { calls, reads };
}

/** Backed's getCurrentMultiplier(): three words, or two on tokens from before the multiplier nonce. */
export function decodeCurrentMultiplier(data: Hex): CurrentMultiplierReading {
  const value = uintWord(data);
  if (value === 0n) throw new Error('zero multiplier');
  return { value, periodsPassed: uintWord(data, 1), nonce: data.length >= 2 + 3 * 64 ? uintWord(data, 2) : null };
}

/** The key of token `t`'s balance for account `a` in PortfolioReadings.balances (a number: cheaper than a string). */
export const balanceKey = (t: number, a: number): number => t * 1_000_000 + a;

/** One result decoded by `fn`; a failed, empty or undecodable call is null. */
function decodeResult<T>(result: Call3Result | null | undefined, fn: (data: Hex) => T): T | null {
  if (!result?.success || result.returnData === '0x') return null;
  try {
    return fn(result.returnData);
  } catch {
    return null;
  }
}

/** Decodes each result by what it asked; a failed or undecodable call becomes null. */
export function readPortfolioResults(reads: readonly PortfolioRead[], results: readonly (Call3Result | null)[]): PortfolioReadings {
  const out: PortfolioReadings = {
    blockNumber: null,
    balances: new Map(),
    totalSupply: new Map(),
    multiplier: new Map(),
    currentMultiplier: new Map(),
    balancePerShare: new Map(),
    feeds: new Map(),
    dex: new Map(),
    dShares: new Map(),
    probes: new Map(),
  };
  const rounds = new Map<string, { answer: bigint; updatedAt: number } | null>();
  const decimals = new Map<string, number | null>();
  for (let i = 0; i < reads.length; i++) {
    const read = reads[i];
    const result = results[i];
    switch (read.kind) {
      case 'blockNumber':
        out.blockNumber = decodeResult(result, uintWord);
        break;
      case 'balance':
        out.balances.set(balanceKey(read.token, read.account), decodeResult(result, uintWord));
        break;
      case 'totalSupply':
        out.totalSupply.set(read.token, decodeResult(result, uintWord));
        break;
      case 'multiplier':
        out.multiplier.set(read.token, decodeResult(result, uintWord));
        break;
      case 'currentMultiplier':
        out.currentMultiplier.set(read.token, decodeResult(result, decodeCurrentMultiplier));
        break;
      case 'balancePerShare':
        out.balancePerShare.set(read.token, decodeResult(result, uintWord));
        break;
      case 'feedRound':
        rounds.set(
          read.feed,
          decodeResult(result, (d) => ({ roundId: uintWord(d, 0), answer: BigInt.asIntN(256, uintWord(d, 1)), updatedAt: Number(uintWord(d, 3)) })),
        );
        break;
      case 'feedDecimals':
        decimals.set(
          read.feed,
          decodeResult(result, (d) => {
            const decimals = uintWord(d);
            if (decimals > 36n) throw new Error('implausible decimals');
            return Number(decimals);
          }),
        );
        break;
      case 'dex':
        recordDexField(
          out.dex,
          read.token,
          read.pool,
          read.field,
          decodeResult(result, (d) => decodeDexField(read.field, d)),
        );
        break;
      case 'dShares':
        out.dShares.set(
          read.factory,
          decodeResult(result, (d) => decodeFunctionResult({ abi: discoveryAbi, functionName: 'getDShares', data: d })[0].map((a) => getAddress(a))),
        );
        break;
      case 'probe': {
        const probe = out.probes.get(read.address) ?? { symbol: null, name: null, decimals: null, balancePerShare: null };
        (probe as Record<ProbeField, unknown>)[read.field] = decodeResult(result, (d) => decodeProbe(read.field, d));
        out.probes.set(read.address, probe);
        break;
      }
    }
  }
  for (const [token, current] of out.currentMultiplier) if (current) out.multiplier.set(token, current.value);
  for (const [feed, round] of rounds) {
    const feedDecimals = decimals.get(feed);
    out.feeds.set(feed, round && round.answer >= 0n && feedDecimals != null ? { ...round, decimals: feedDecimals } : null);
  }
  return out;
}
