/**
 * Dividend distributions a dShare's distributor has announced (Dinari's DividendDistribution):
 * each `NewDistributionCreated(id, totalDistribution, startDate, endDate)` opens a window in
 * which holders are paid from a funded pool. The event names neither the payout token nor
 * what is left; the contract's `distributions(id)` view does (token, remainingDistribution,
 * endTime; a reclaimed distribution is deleted). Events are read in bounded block ranges
 * where the node serves logs; the newest ids up to `nextDistributionId()` are read by view in
 * any case, so a node that refuses logs still shows every recent distribution, without its
 * total and start. A distribution is upcoming, open or ended at the block's time.
 */
import { decodeEventLog, encodeEventTopics, encodeFunctionData, getAddress, type Hex, parseAbi } from 'viem';
import type { RpcRequester } from '../registry/index.ts';
import { MULTICALL3_ADDRESS, multicall3Abi } from './abis.ts';
import type { Call3 } from './multicall.ts';
import { uintWord } from './multicall.ts';
import { aggregate, answer } from './multiplier-state.ts';

export const distributionAbi = parseAbi([
  'event NewDistributionCreated(uint256 indexed distributionId, uint256 totalDistribution, uint256 startDate, uint256 endDate)',
  'function nextDistributionId() view returns (uint256)',
  'function distributions(uint256 id) view returns (address token, uint256 remainingDistribution, uint256 endTime)',
]);

export type DistributionState = 'upcoming' | 'open' | 'ended';

export interface AnnouncedDistribution {
  /** The DividendDistribution contract that announced it. */
  contract: string;
  distributionId: string;
  /** The payout token (distributions(id)); null when the view did not answer or the distribution was reclaimed. */
  token: string | null;
  /** The amount funded, from the event; null when only the view was read. */
  totalDistribution: string | null;
  /** What is left to pay (distributions(id)); null when the view did not answer. */
  remaining: string | null;
  /** Epoch seconds the window opens (the event's startDate); null when only the view was read. */
  startDate: number | null;
  /** Epoch seconds the window closes; null when neither the event nor the view says. */
  endDate: number | null;
  state: DistributionState;
  /** The distributor took back what was left after the end (the contract deleted the entry). */
  reclaimed: boolean;
  blockNumber: string | null;
  transactionHash: string | null;
}

export interface AnnouncedDistributions {
  distributions: AnnouncedDistribution[];
  /** Whether the events of the whole bounded range were read; false: some came from views only. */
  eventsRead: boolean;
  errors: string[];
}

export interface DistributionLimits {
  /** How many blocks back from the latest the events are read. */
  window: number;
  /** Blocks per eth_getLogs request. */
  chunk: number;
  /** The newest ids read by view, per contract. */
  byView: number;
}

export const DEFAULT_DISTRIBUTION_LIMITS: DistributionLimits = { window: 200_000, chunk: 50_000, byView: 20 };

export interface ReadDistributionsParameters {
  rpc: RpcRequester;
  distributors: readonly string[];
  /** The latest block the caller read (the events' upper bound). */
  toBlock: bigint;
  /** Epoch seconds from the caller's clock, used only when the batch gives no block time. */
  nowSeconds: number;
  multicall?: string;
  limits?: DistributionLimits;
}

/** Where a window stands at `nowSeconds`: the contract pays from startDate through endDate. */
export function distributionState(
  d: { startDate: number | null; endDate: number | null; reclaimed: boolean },
  nowSeconds: number,
): DistributionState {
  if (d.reclaimed) return 'ended';
  if (d.startDate !== null && nowSeconds < d.startDate) return 'upcoming';
  if (d.endDate !== null && nowSeconds > d.endDate) return 'ended';
  return 'open';
}

interface Announcement {
  contract: string;
  id: bigint;
  totalDistribution: bigint;
  startDate: bigint;
  endDate: bigint;
  blockNumber: string | null;
  transactionHash: string | null;
}

const hex = (n: bigint) => `0x${n.toString(16)}`;
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
let createdTopic: Hex | undefined;
const newDistributionTopic = (): Hex => (createdTopic ??= encodeEventTopics({ abi: distributionAbi, eventName: 'NewDistributionCreated' })[0]);

/** Decodes NewDistributionCreated logs of the given contracts; anything else (or a removed log) is skipped. */
export function decodeAnnouncements(logs: readonly unknown[], contracts: readonly string[]): Announcement[] {
  const wanted = new Set(contracts.map((c) => c.toLowerCase()));
  const out: Announcement[] = [];
  for (const raw of logs) {
    if (typeof raw !== 'object' || raw === null) continue;
    const log = raw as { address?: unknown; topics?: unknown; data?: unknown; blockNumber?: unknown; transactionHash?: unknown; removed?: unknown };
    if (log.removed === true || typeof log.address !== 'string' || !wanted.has(log.address.toLowerCase())) continue;
    if (!Array.isArray(log.topics) || typeof log.data !== 'string') continue;
    try {
      const { eventName, args } = decodeEventLog({ abi: distributionAbi, topics: log.topics as [Hex, ...Hex[]], data: log.data as Hex });
      if (eventName !== 'NewDistributionCreated') continue;
      out.push({
        contract: getAddress(log.address),
        id: args.distributionId,
        totalDistribution: args.totalDistribution,
        startDate: args.startDate,
        endDate: args.endDate,
        blockNumber: typeof log.blockNumber === 'string' ? BigInt(log.blockNumber).toString() : null,
        transactionHash: typeof log.transactionHash === 'string' ? log.transactionHash : null,
      });
    } catch {
      // Not the event the ABI describes: not an announcement.
    }
  }
  return out;
}

/** NewDistributionCreated in [toBlock - window + 1, toBlock], chunk by chunk; a refused chunk ends the read where it got to. */
async function readAnnouncements(p: ReadDistributionsParameters, limits: DistributionLimits) {
  const found: Announcement[] = [];
  const lowest = p.toBlock - BigInt(limits.window) + 1n;
  let from = lowest > 0n ? lowest : 0n;
  while (from <= p.toBlock) {
    const to = from + BigInt(limits.chunk) - 1n < p.toBlock ? from + BigInt(limits.chunk) - 1n : p.toBlock;
    try {
      const logs = await p.rpc.request({
        method: 'eth_getLogs',
        params: [{ address: [...p.distributors], topics: [newDistributionTopic()], fromBlock: hex(from), toBlock: hex(to) }],
      });
      if (!Array.isArray(logs)) throw new Error('eth_getLogs returned no list');
      found.push(...decodeAnnouncements(logs, p.distributors));
    } catch (err) {
      return { found, error: messageOf(err) };
    }
    from = to + 1n;
  }
  return { found, error: null };
}

const call = (target: string, callData: Hex): Call3 => ({ target: target as `0x${string}`, allowFailure: true, callData });
const blockTimeCall = (multicall: string) => call(multicall, encodeFunctionData({ abi: multicall3Abi, functionName: 'getCurrentBlockTimestamp' }));

export async function readAnnouncedDistributions(p: ReadDistributionsParameters): Promise<AnnouncedDistributions> {
  const limits = p.limits ?? DEFAULT_DISTRIBUTION_LIMITS;
  const multicall = p.multicall ?? MULTICALL3_ADDRESS;
  const contracts = p.distributors.map((d) => getAddress(d));
  const errors: string[] = [];
  if (contracts.length === 0) return { distributions: [], eventsRead: true, errors };

  const [events, counts] = await Promise.all([
    readAnnouncements({ ...p, distributors: contracts }, limits),
    aggregate(
      p.rpc,
      multicall,
      contracts.map((c) => call(c, encodeFunctionData({ abi: distributionAbi, functionName: 'nextDistributionId' }))),
    ).catch((err: unknown) => {
      errors.push(`distribution count: ${messageOf(err)}`);
      return null;
    }),
  ]);
  if (events.error) errors.push(`announced distributions: ${events.error}`);

  // Every id the events name, and the newest ones the contract counts.
  const ids = new Map<string, { contract: string; id: bigint; event?: Announcement }>();
  const key = (contract: string, id: bigint) => `${contract.toLowerCase()}:${id}`;
  for (const e of events.found) ids.set(key(e.contract, e.id), { contract: e.contract, id: e.id, event: e });
  contracts.forEach((contract, i) => {
    const next = counts ? answer(counts[i], (d) => uintWord(d)) : null;
    if (next === null) return;
    const first = next > BigInt(limits.byView) ? next - BigInt(limits.byView) : 0n;
    for (let id = first; id < next; id++) if (!ids.has(key(contract, id))) ids.set(key(contract, id), { contract, id });
  });
  const list = [...ids.values()];
  if (list.length === 0) return { distributions: [], eventsRead: events.error === null, errors };

  const views = await aggregate(p.rpc, multicall, [
    ...list.map((d) => call(d.contract, encodeFunctionData({ abi: distributionAbi, functionName: 'distributions', args: [d.id] }))),
    blockTimeCall(multicall),
  ]).catch((err: unknown) => {
    errors.push(`distribution views: ${messageOf(err)}`);
    return null;
  });
  const blockTime = views ? answer(views.at(-1), (d) => uintWord(d)) : null;
  const now = blockTime !== null && blockTime > 0n ? Number(blockTime) : p.nowSeconds;

  const distributions = list.flatMap(({ contract, id, event }, i): AnnouncedDistribution[] => {
    const view = views ? answer(views[i], (d) => ({ token: `0x${d.slice(26, 66)}`, remaining: uintWord(d, 1), endTime: uintWord(d, 2) })) : null;
    // An id only the count names, whose view did not answer, says nothing worth a line.
    if (!event && !view) return [];
    const reclaimed = view !== null && view.endTime === 0n && BigInt(view.token) === 0n;
    const base = {
      startDate: event ? Number(event.startDate) : null,
      endDate: event ? Number(event.endDate) : view && !reclaimed ? Number(view.endTime) : null,
      reclaimed,
    };
    return [
      {
        contract,
        distributionId: id.toString(),
        token: view && !reclaimed ? getAddress(view.token) : null,
        totalDistribution: event?.totalDistribution.toString() ?? null,
        remaining: view ? view.remaining.toString() : null,
        ...base,
        state: distributionState(base, now),
        blockNumber: event?.blockNumber ?? null,
        transactionHash: event?.transactionHash ?? null,
      },
    ];
  });
  // Newest first.
  distributions.sort((a, b) =>
    a.contract === b.contract ? Number(BigInt(b.distributionId) - BigInt(a.distributionId)) : a.contract.localeCompare(b.contract),
  );
  return { distributions, eventsRead: events.error === null, errors };
}
