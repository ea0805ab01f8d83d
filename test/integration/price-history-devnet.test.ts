// The devnet's price feeds answer past rounds as a Chainlink proxy does, and the wallet's walk
// reads them back in one Multicall3 batch: round ids carry phase 1 in the high bits, every past
// round of the phase answers, and a round without data reverts.
import { type Address, createPublicClient, http } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { aggregatorAbi } from '../../devnet/abis.ts';
import { contractOf, devnetClients } from '../../devnet/test-kit.ts';
import { MULTICALL3_ADDRESS, readPriceHistory } from '../../lib/portfolio/index.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const PHASE_1 = 1n << 64n;

describe('price feed rounds on the devnet', () => {
  revertChainAfterEachTest(testClient);
  const feed = contractOf(deployment, 'PriceFeed:TSLAx') as Address;
  const latest = async () => (await publicClient.readContract({ address: feed, abi: aggregatorAbi, functionName: 'latestRoundData' }))[0];

  it('numbers rounds as a proxy does and answers every past one; a round with no data reverts', async () => {
    const first = await latest();
    expect(first >> 64n).toBe(1n);
    const prices = [26_000_000_000n, 25_500_000_000n, 26_100_000_000n];
    for (const answer of prices) await write('deployer', { address: feed, abi: aggregatorAbi, functionName: 'updateAnswer', args: [answer] });
    expect(await latest()).toBe(first + 3n);
    const [, answer] = await publicClient.readContract({ address: feed, abi: aggregatorAbi, functionName: 'getRoundData', args: [first + 1n] });
    expect(answer).toBe(prices[0]);
    await expect(publicClient.readContract({ address: feed, abi: aggregatorAbi, functionName: 'getRoundData', args: [PHASE_1] })).rejects.toThrow();
    await expect(
      publicClient.readContract({ address: feed, abi: aggregatorAbi, functionName: 'getRoundData', args: [first + 4n] }),
    ).rejects.toThrow();
  });

  it("the wallet's walk reads the feed's rounds back, oldest first, in one eth_call", async () => {
    const before = await publicClient.readContract({ address: feed, abi: aggregatorAbi, functionName: 'latestRoundData' });
    const prices = [26_000_000_000n, 25_500_000_000n];
    for (const answer of prices) await write('deployer', { address: feed, abi: aggregatorAbi, functionName: 'updateAnswer', args: [answer] });
    const methods: string[] = [];
    const client = createPublicClient({ transport: http(deployment.rpcUrl, { retryCount: 0 }) });
    const rpc = {
      request: (args: { method: string; params?: readonly unknown[] }) => {
        methods.push(args.method);
        return client.request(args as never) as Promise<unknown>;
      },
    };
    const rounds = await readPriceHistory({ rpc, feed, latestRoundId: await latest(), multicall: MULTICALL3_ADDRESS });
    expect(methods).toEqual(['eth_call']);
    expect(rounds.map((r) => BigInt(r.answer)).slice(-3)).toEqual([before[1], ...prices]);
    expect(rounds.every((r) => BigInt(r.roundId) >> 64n === 1n)).toBe(true);
  });
});
