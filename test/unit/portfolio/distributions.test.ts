// A dShare's announced distributions: NewDistributionCreated decoded, the window judged at the
// block's time, what is left read from distributions(id), and every recent distribution still
// shown by view when the node refuses logs.
import { encodeAbiParameters, encodeEventTopics, getAddress, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { distributionState, readAnnouncedDistributions } from '../../../lib/portfolio/index.ts';
import type { RpcRequester } from '../../../lib/registry/index.ts';
import { type FakeContract, fakeChain, MULTICALL } from './fake-chain.ts';

const abi = parseAbi([
  'event NewDistributionCreated(uint256 indexed distributionId, uint256 totalDistribution, uint256 startDate, uint256 endDate)',
  'event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount)',
]);
const DISTRIBUTOR = getAddress('0x00000000000000000000000000000000000000d1');
const OTHER = getAddress('0x00000000000000000000000000000000000000d2');
const USDC = getAddress('0x00000000000000000000000000000000000000c1');
const DAY = 86_400;
const NOW = 1_780_000_000; // the block's time

interface Log {
  address: string;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  transactionHash: Hex;
}
const announce = (address: string, id: bigint, total: bigint, start: number, end: number, block: number): Log => ({
  address,
  topics: encodeEventTopics({ abi, eventName: 'NewDistributionCreated', args: { distributionId: id } }) as Hex[],
  data: encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }, { type: 'uint256' }], [total, BigInt(start), BigInt(end)]),
  blockNumber: `0x${block.toString(16)}`,
  transactionHash: `0x${block.toString(16).padStart(64, '0')}`,
});

/** The distributor's state: id -> [token, remaining, endTime]; a reclaimed id is deleted (zeros). */
const distributor = (entries: [string, bigint, bigint][]): FakeContract => ({
  nextDistributionId: () => BigInt(entries.length),
  distributions: ([id]) => entries[Number(id as bigint)] ?? ['0x0000000000000000000000000000000000000000', 0n, 0n],
});

function node(options: { logs: Log[]; contracts: Record<string, FakeContract>; refuseLogs?: boolean | ((from: number) => boolean) }) {
  const chain = fakeChain(31337, { [MULTICALL]: { getCurrentBlockTimestamp: () => BigInt(NOW) }, ...options.contracts });
  const ranges: [number, number][] = [];
  const rpc: RpcRequester = {
    async request({ method, params }) {
      if (method !== 'eth_getLogs') return chain.request({ method, params });
      const [filter] = params as [{ address: string[]; topics: Hex[]; fromBlock: Hex; toBlock: Hex }];
      const [from, to] = [Number(filter.fromBlock), Number(filter.toBlock)];
      ranges.push([from, to]);
      const refuse = typeof options.refuseLogs === 'function' ? options.refuseLogs(from) : options.refuseLogs;
      if (refuse) throw Object.assign(new Error('eth_getLogs is not available on this endpoint'), { code: -32601 });
      const addresses = filter.address.map((a) => a.toLowerCase());
      // A node may answer more than asked: the reader keeps only announcements of the distributors.
      return options.logs.filter(
        (l) => Number(l.blockNumber) >= from && Number(l.blockNumber) <= to && (addresses.includes(l.address.toLowerCase()) || l.address === OTHER),
      );
    },
  };
  return { rpc, ranges };
}

describe('distributionState', () => {
  const window = { startDate: NOW - DAY, endDate: NOW + DAY, reclaimed: false };
  it('is upcoming before the start, open through the end, ended after it or once reclaimed', () => {
    expect(distributionState(window, NOW - 2 * DAY)).toBe('upcoming');
    expect(distributionState(window, NOW - DAY)).toBe('open');
    expect(distributionState(window, NOW + DAY)).toBe('open');
    expect(distributionState(window, NOW + DAY + 1)).toBe('ended');
    expect(distributionState({ ...window, reclaimed: true }, NOW)).toBe('ended');
    expect(distributionState({ startDate: null, endDate: NOW + DAY, reclaimed: false }, NOW)).toBe('open');
  });
});

describe('readAnnouncedDistributions', () => {
  const logs = [
    announce(DISTRIBUTOR, 0n, 500_000_000n, NOW - 200 * DAY, NOW - 110 * DAY, 40),
    announce(DISTRIBUTOR, 1n, 10_000_000_000n, NOW - 10 * DAY, NOW + 80 * DAY, 900),
    announce(DISTRIBUTOR, 2n, 2_000_000n, NOW + 5 * DAY, NOW + 95 * DAY, 950),
    announce(OTHER, 0n, 1n, NOW, NOW + DAY, 950), // another contract's: not this dShare's distributor
  ];
  const contracts = {
    [DISTRIBUTOR]: distributor([
      ['0x0000000000000000000000000000000000000000', 0n, 0n], // 0 was reclaimed after it ended
      [USDC, 9_975_500_000n, BigInt(NOW + 80 * DAY)],
      [USDC, 2_000_000n, BigInt(NOW + 95 * DAY)],
    ]),
  };

  it('decodes each announcement with its payout token, what is left and its state at the block time, newest first', async () => {
    const { rpc } = node({ logs, contracts });
    // The caller's clock is a year off: the state follows the block.
    const read = await readAnnouncedDistributions({ rpc, distributors: [DISTRIBUTOR], toBlock: 1000n, nowSeconds: NOW + 365 * DAY });
    expect(read.errors).toEqual([]);
    expect(read.eventsRead).toBe(true);
    expect(read.distributions).toEqual([
      expect.objectContaining({
        distributionId: '2',
        state: 'upcoming',
        token: USDC,
        totalDistribution: '2000000',
        remaining: '2000000',
        startDate: NOW + 5 * DAY,
      }),
      expect.objectContaining({
        contract: DISTRIBUTOR,
        distributionId: '1',
        state: 'open',
        token: USDC,
        totalDistribution: '10000000000',
        remaining: '9975500000',
        startDate: NOW - 10 * DAY,
        endDate: NOW + 80 * DAY,
        blockNumber: '900',
        reclaimed: false,
      }),
      expect.objectContaining({
        distributionId: '0',
        state: 'ended',
        token: null,
        totalDistribution: '500000000',
        reclaimed: true,
        endDate: NOW - 110 * DAY,
      }),
    ]);
  });

  it('reads the events in bounded block ranges up to the latest block', async () => {
    const { rpc, ranges } = node({ logs, contracts });
    const read = await readAnnouncedDistributions({
      rpc,
      distributors: [DISTRIBUTOR],
      toBlock: 1000n,
      nowSeconds: NOW,
      limits: { window: 500, chunk: 200, byView: 1 },
    });
    expect(ranges).toEqual([
      [501, 700],
      [701, 900],
      [901, 1000],
    ]);
    // The announcement before the window is not read; by view only the newest id is asked beyond what events named.
    expect(read.distributions.map((d) => [d.distributionId, d.totalDistribution])).toEqual([
      ['2', '2000000'],
      ['1', '10000000000'],
    ]);
  });

  it('shows every recent distribution from the views when the node refuses logs, without total and start', async () => {
    const { rpc } = node({ logs, contracts, refuseLogs: true });
    const read = await readAnnouncedDistributions({ rpc, distributors: [DISTRIBUTOR], toBlock: 1000n, nowSeconds: NOW });
    expect(read.eventsRead).toBe(false);
    expect(read.errors).toEqual([expect.stringMatching(/^announced distributions: eth_getLogs is not available/)]);
    expect(read.distributions).toEqual([
      // Without the event the start is unknown: the real contract opens a distribution when it is created.
      expect.objectContaining({
        distributionId: '2',
        state: 'open',
        totalDistribution: null,
        startDate: null,
        remaining: '2000000',
        endDate: NOW + 95 * DAY,
      }),
      expect.objectContaining({ distributionId: '1', state: 'open', totalDistribution: null, remaining: '9975500000', token: USDC }),
      expect.objectContaining({ distributionId: '0', state: 'ended', reclaimed: true, endDate: null, token: null }),
    ]);
  });

  it('keeps what the ranges before a refusal gave', async () => {
    const { rpc } = node({ logs, contracts, refuseLogs: (from) => from > 900 });
    const read = await readAnnouncedDistributions({
      rpc,
      distributors: [DISTRIBUTOR],
      toBlock: 1000n,
      nowSeconds: NOW,
      limits: { window: 1000, chunk: 300, byView: 20 },
    });
    expect(read.eventsRead).toBe(false);
    expect(read.distributions.map((d) => [d.distributionId, d.totalDistribution])).toEqual([
      ['2', null],
      ['1', '10000000000'],
      ['0', '500000000'],
    ]);
  });

  it('lists nothing, and asks nothing, for a token without a distributor', async () => {
    const { rpc, ranges } = node({ logs, contracts });
    expect(await readAnnouncedDistributions({ rpc, distributors: [], toBlock: 1000n, nowSeconds: NOW })).toEqual({
      distributions: [],
      eventsRead: true,
      errors: [],
    });
    expect(ranges).toEqual([]);
  });
});
