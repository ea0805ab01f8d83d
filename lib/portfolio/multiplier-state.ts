/**
 * A Backed multiplier token's (xStocks) state as its own views tell it, read in one
 * Multicall3 call: the multiplier with fees accrued, the pending schedule, the fee
 * parameters and the length of its explicit-update log. Views answer where a node
 * refuses eth_getLogs, so a pending change and the fee are shown from here, never from
 * events alone.
 */
import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import type { RpcRequester } from '../registry/index.ts';
import { MULTICALL3_ADDRESS, multicall3Abi, multiplierTokenAbi } from './abis.ts';
import { type CurrentMultiplierReading, decodeCurrentMultiplier } from './calls.ts';
import { annualFeeBps } from './corporate-actions.ts';
import { type Call3, type Call3Result, decodeAggregate3, encodeAggregate3Compact, uintWord } from './multicall.ts';

export interface MultiplierState {
  current: CurrentMultiplierReading | null;
  multiplier: bigint | null;
  lastMultiplier: bigint | null;
  newMultiplier: bigint | null;
  /** Epoch seconds; 0 when nothing is pending. */
  newMultiplierActivationTime: bigint | null;
  newMultiplierNonce: bigint | null;
  feePerPeriod: bigint | null;
  periodLength: bigint | null;
  lastTimeFeeApplied: bigint | null;
  updatesLength: bigint | null;
  /** The block time the views were computed at (Multicall3's getCurrentBlockTimestamp), epoch seconds. */
  blockTime: bigint | null;
}

export interface ScheduledMultiplier {
  value: string;
  /** Epoch seconds. */
  activationTime: number;
  nonce: string | null;
}

export interface MultiplierFee {
  /** WAD fraction kept back each period (1e15 = 0.1%). */
  feePerPeriod: string;
  periodSeconds: number;
  /** Epoch seconds of the last period the contract has applied. */
  lastAppliedAt: number | null;
  /** Whole periods accrued since, already counted in the balance (getCurrentMultiplier). */
  periodsPassed: string | null;
  /** Compounded over a year, basis points. */
  annualFeeBps: string;
}

/** One explicit multiplierUpdates(i) entry. */
export interface MultiplierUpdateEntry {
  previousMultiplier: bigint;
  newMultiplier: bigint;
  activationTime: bigint;
}

type WordView = Exclude<keyof MultiplierState, 'current' | 'blockTime'>;
const WORD_VIEWS: Record<WordView, string> = {
  multiplier: 'multiplier',
  lastMultiplier: 'lastMultiplier',
  newMultiplier: 'newMultiplier',
  newMultiplierActivationTime: 'newMultiplierActivationTime',
  newMultiplierNonce: 'newMultiplierNonce',
  feePerPeriod: 'feePerPeriod',
  periodLength: 'periodLength',
  lastTimeFeeApplied: 'lastTimeFeeApplied',
  updatesLength: 'multiplierUpdatesLength',
};
/** At most this many explicit updates are read back by view (the newest ones). */
export const MAX_UPDATES_BY_VIEW = 100;

// biome-ignore lint/suspicious/noExplicitAny: names come from WORD_VIEWS, all argument-free views of multiplierTokenAbi
const calldata = (functionName: string, args: readonly unknown[] = []) => encodeFunctionData({ abi: multiplierTokenAbi as any, functionName, args });

/** One Multicall3 aggregate3 call of `calls`, every slot allowed to fail. */
export async function aggregate(rpc: RpcRequester, multicall: string, calls: Call3[]): Promise<Call3Result[]> {
  const data = await rpc.request({ method: 'eth_call', params: [{ to: multicall, data: encodeAggregate3Compact(calls) }, 'latest'] });
  if (typeof data !== 'string' || !/^0x[0-9a-fA-F]+$/.test(data)) throw new Error('the Multicall3 read returned nothing');
  return decodeAggregate3(data as Hex, calls.length);
}

/** A slot's answer decoded; null when it failed, was empty or does not decode. */
export const answer = <T>(result: Call3Result | undefined, decode: (data: Hex) => T): T | null => {
  if (!result?.success || result.returnData === '0x') return null;
  try {
    return decode(result.returnData);
  } catch {
    return null;
  }
};

/** The time to judge the views by: the block's when the batch gave it, else the caller's clock. */
export const viewTime = (state: MultiplierState | null, nowSeconds: number): number =>
  state?.blockTime != null && state.blockTime > 0n ? Number(state.blockTime) : nowSeconds;

export async function readMultiplierState(rpc: RpcRequester, token: `0x${string}`, multicall = MULTICALL3_ADDRESS): Promise<MultiplierState> {
  const names = Object.keys(WORD_VIEWS) as WordView[];
  const calls: Call3[] = [calldata('getCurrentMultiplier'), ...names.map((n) => calldata(WORD_VIEWS[n]))].map((callData) => ({
    target: token,
    allowFailure: true,
    callData,
  }));
  // The block time comes in the same call, so "pending" is judged at the time the views answered for.
  calls.push({
    target: multicall as `0x${string}`,
    allowFailure: true,
    callData: encodeFunctionData({ abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' }),
  });
  const results = await aggregate(rpc, multicall, calls);
  const state = { current: answer(results[0], decodeCurrentMultiplier), blockTime: answer(results.at(-1), (d) => uintWord(d)) } as MultiplierState;
  names.forEach((name, i) => {
    state[name] = answer(results[i + 1], (d) => uintWord(d));
  });
  return state;
}

/** The explicit updates 1..length-1 (index 0 is the 1e18 sentinel), newest MAX_UPDATES_BY_VIEW, oldest first. */
export async function readMultiplierUpdates(
  rpc: RpcRequester,
  token: `0x${string}`,
  length: bigint,
  multicall = MULTICALL3_ADDRESS,
): Promise<MultiplierUpdateEntry[]> {
  const from = length - 1n > BigInt(MAX_UPDATES_BY_VIEW) ? length - BigInt(MAX_UPDATES_BY_VIEW) : 1n;
  const indices: bigint[] = [];
  for (let i = from; i < length; i++) indices.push(i);
  if (indices.length === 0) return [];
  const results = await aggregate(
    rpc,
    multicall,
    indices.map((i) => ({ target: token, allowFailure: true, callData: calldata('multiplierUpdates', [i]) })),
  );
  return results.flatMap((result) => {
    const entry = answer(result, (data) => {
      const [previousMultiplier, newMultiplier, activationTime] = decodeFunctionResult({
        abi: multiplierTokenAbi,
        functionName: 'multiplierUpdates',
        data,
      });
      return { previousMultiplier, newMultiplier, activationTime };
    });
    return entry ? [entry] : [];
  });
}

/** The pending change the views report; null when the token does not answer them. */
export function pendingFromViews(state: MultiplierState, nowSeconds: number): ScheduledMultiplier[] | null {
  const { newMultiplier, newMultiplierActivationTime: at } = state;
  if (newMultiplier === null || at === null) return null;
  if (at === 0n || at <= BigInt(nowSeconds)) return [];
  return [{ value: newMultiplier.toString(), activationTime: Number(at), nonce: state.newMultiplierNonce?.toString() ?? null }];
}

/**
 * A scheduled change whose time has come but that no transaction has stored yet: the
 * contract's multiplier() already counts it while lastMultiplier() does not, and no
 * MultiplierUpdated has been emitted for it.
 */
export function dueActivation(state: MultiplierState, nowSeconds: number): { value: string; activationTime: number } | null {
  const { newMultiplier, newMultiplierActivationTime: at, multiplier, lastMultiplier } = state;
  if (newMultiplier === null || at === null || at === 0n || at > BigInt(nowSeconds)) return null;
  if (multiplier === null || lastMultiplier === null || multiplier === lastMultiplier) return null;
  return { value: newMultiplier.toString(), activationTime: Number(at) };
}

export function feeFromViews(state: MultiplierState): MultiplierFee | null {
  const { feePerPeriod, periodLength } = state;
  if (feePerPeriod === null || periodLength === null || periodLength <= 0n || feePerPeriod > 10n ** 18n) return null;
  return {
    feePerPeriod: feePerPeriod.toString(),
    periodSeconds: Number(periodLength),
    lastAppliedAt: state.lastTimeFeeApplied === null ? null : Number(state.lastTimeFeeApplied),
    periodsPassed: state.current?.periodsPassed.toString() ?? null,
    annualFeeBps: annualFeeBps(feePerPeriod, periodLength).toString(),
  };
}
