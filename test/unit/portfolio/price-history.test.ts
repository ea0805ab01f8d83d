import { describe, expect, it } from 'vitest';
import { decodePriceRounds, PRICE_HISTORY_ROUNDS, readPriceHistory, roundsBefore } from '../../../lib/portfolio/index.ts';
import { fakeChain, feedWithRounds, MULTICALL } from './fake-chain.ts';

const FEED = '0x00000000000000000000000000000000000000f1';
const PHASE_1 = 1n << 64n;
const T0 = 1_767_600_000;

describe('the walk back from the latest round', () => {
  it('asks the latest round and those before it, newest first, within the phase', () => {
    expect(roundsBefore(PHASE_1 | 5n, 3)).toEqual([PHASE_1 | 5n, PHASE_1 | 4n, PHASE_1 | 3n]);
  });

  it("stops at the phase's first round rather than asking another aggregator's", () => {
    expect(roundsBefore((2n << 64n) | 2n, 10)).toEqual([(2n << 64n) | 2n, (2n << 64n) | 1n]);
    expect(roundsBefore(3n, 10)).toEqual([3n, 2n, 1n]);
  });

  it('reads at most the bound', () => {
    expect(roundsBefore(PHASE_1 | 1000n)).toHaveLength(PRICE_HISTORY_ROUNDS);
  });

  it('leaves out a round that reverted, has no time, or a price at or below zero, oldest first', () => {
    const word = (n: bigint) => BigInt.asUintN(256, n).toString(16).padStart(64, '0');
    const round = (id: bigint, answer: bigint, at: bigint) => ({
      success: true,
      returnData: `0x${word(id)}${word(answer)}${word(at)}${word(at)}${word(id)}` as const,
    });
    const ids = [4n, 3n, 2n, 1n];
    const rounds = decodePriceRounds(ids, [round(4n, 300n, 40n), { success: false, returnData: '0x' }, round(2n, 200n, 0n), round(1n, -5n, 10n)]);
    expect(rounds).toEqual([{ roundId: '4', answer: '300', updatedAt: 40 }]);
    expect(decodePriceRounds([2n, 1n], [round(2n, 200n, 20n), round(1n, 100n, 10n)]).map((r) => r.roundId)).toEqual(['1', '2']);
  });
});

describe('readPriceHistory', () => {
  it('reads every round of the walk in one Multicall3 eth_call, oldest first', async () => {
    const answers = [100n, 110n, 90n, 120n, 130n].map((a) => a * 10n ** 8n);
    const chain = fakeChain(31337, { [FEED]: feedWithRounds(answers, 8, T0) });
    const rounds = await readPriceHistory({ rpc: chain, feed: FEED, latestRoundId: PHASE_1 | 5n, rounds: 4, multicall: MULTICALL });
    expect(chain.requests).toEqual([{ method: 'eth_call', calls: 4 }]);
    expect(rounds.map((r) => r.answer)).toEqual(answers.slice(1).map(String));
    expect(rounds.map((r) => r.updatedAt)).toEqual([1, 2, 3, 4].map((i) => T0 + i * 60));
    expect(rounds[3].roundId).toBe((PHASE_1 | 5n).toString());
  });

  it('gives what the feed has when it has fewer rounds than the bound', async () => {
    const chain = fakeChain(31337, { [FEED]: feedWithRounds([5n, 6n], 8, T0) });
    const rounds = await readPriceHistory({ rpc: chain, feed: FEED, latestRoundId: PHASE_1 | 2n, multicall: MULTICALL });
    expect(rounds.map((r) => r.answer)).toEqual(['5', '6']);
    expect(chain.requests).toEqual([{ method: 'eth_call', calls: 2 }]);
  });
});
