/**
 * A price feed's recent rounds, for the token detail's chart: walking back from the round
 * latestRoundData answered, a bounded number of rounds, all read with getRoundData in one
 * Multicall3 batch. A Chainlink proxy's round id is (phaseId << 64) | aggregatorRoundId; the
 * walk stays in the current phase (its aggregator's rounds start at 1), so it never asks for
 * a round of another aggregator by accident. A round that reverts (no data) or answers a
 * zero time or a non-positive price is left out, as Chainlink's docs tell consumers to do.
 */
import { encodeFunctionData, type Hex } from 'viem';
import type { RpcRequester } from '../registry/index.ts';
import { aggregatorAbi, MULTICALL3_ADDRESS } from './abis.ts';
import { type Call3, decodeAggregate3, encodeAggregate3Compact, uintWord } from './multicall.ts';

/** How many rounds the chart reads at most. */
export const PRICE_HISTORY_ROUNDS = 24;

const PHASE_SHIFT = 64n;
const ROUND_MASK = (1n << PHASE_SHIFT) - 1n;

export interface PriceRound {
  roundId: string;
  /** The answer, with the feed's decimals. */
  answer: string;
  /** Epoch seconds. */
  updatedAt: number;
}

/** The round ids to read, newest first: `latest` and up to `count - 1` before it in the same phase. */
export function roundsBefore(latest: bigint, count = PRICE_HISTORY_ROUNDS): bigint[] {
  const phase = latest >> PHASE_SHIFT;
  const round = latest & ROUND_MASK;
  const ids: bigint[] = [];
  for (let r = round; r >= 1n && ids.length < count; r--) ids.push((phase << PHASE_SHIFT) | r);
  return ids;
}

/** The getRoundData calls for `ids` on `feed`, one Multicall3 aggregate3. */
export function priceRoundCalls(feed: string, ids: readonly bigint[]): Call3[] {
  return ids.map((roundId) => ({
    target: feed as `0x${string}`,
    allowFailure: true,
    callData: encodeFunctionData({ abi: aggregatorAbi, functionName: 'getRoundData', args: [roundId] }),
  }));
}

/** The rounds that answered, oldest first; ids with no data, a zero time or a price at or below zero are left out. */
export function decodePriceRounds(ids: readonly bigint[], results: readonly { success: boolean; returnData: Hex }[]): PriceRound[] {
  const rounds: PriceRound[] = [];
  results.forEach((result, i) => {
    if (!result.success) return;
    try {
      const answer = BigInt.asIntN(256, uintWord(result.returnData, 1));
      const updatedAt = Number(uintWord(result.returnData, 3));
      if (answer > 0n && updatedAt > 0) rounds.push({ roundId: ids[i].toString(), answer: answer.toString(), updatedAt });
    } catch {
      // Too short to be a round: left out like a round without data.
    }
  });
  return rounds.reverse();
}

export interface ReadPriceHistoryParameters {
  rpc: RpcRequester;
  feed: string;
  /** The round id latestRoundData answered (read with the token's state). */
  latestRoundId: bigint;
  rounds?: number;
  multicall?: string;
}

/** The feed's recent rounds, oldest first, in one eth_call. */
export async function readPriceHistory(params: ReadPriceHistoryParameters): Promise<PriceRound[]> {
  const { rpc, feed, latestRoundId, multicall = MULTICALL3_ADDRESS } = params;
  const ids = roundsBefore(latestRoundId, params.rounds);
  if (ids.length === 0) return [];
  const calls = priceRoundCalls(feed, ids);
  const data = await rpc.request({ method: 'eth_call', params: [{ to: multicall, data: encodeAggregate3Compact(calls) }, 'latest'] });
  if (typeof data !== 'string' || !/^0x[0-9a-fA-F]*$/.test(data) || data === '0x')
    throw new Error('the Multicall3 read of the price rounds returned nothing');
  return decodePriceRounds(ids, decodeAggregate3(data as Hex, calls.length));
}
