/**
 * A token's corporate-action history and what is pending. A multiplier token (xStocks)
 * is read from its own views first (getCurrentMultiplier, newMultiplier,
 * newMultiplierActivationTime, the fee parameters: one Multicall3 call), so a pending
 * change and the fee show even where the node refuses eth_getLogs; its history comes
 * from MultiplierUpdated events when the node serves them, from the multiplierUpdates(i)
 * views when it does not. A scheduled change is never history until its time has come,
 * and one replaced by MultiplierScheduleOverridden is dropped. Balance-per-share changes
 * (dShares) and dividends paid to an account (dShare distributions, the only model that
 * pays them apart from the balance) come from events; the distributions announced
 * (distributions.ts) from events in bounded ranges and the distributor's views.
 */
import { decodeEventLog, encodeEventTopics, getAddress, type Hex } from 'viem';
import type { RpcRequester, Token } from '../registry/index.ts';
import { MULTICALL3_ADDRESS, multiplierTokenAbi, rebasingTokenAbi } from './abis.ts';
import { type AnnouncedDistribution, type DistributionLimits, readAnnouncedDistributions } from './distributions.ts';
import {
  dueActivation,
  feeFromViews,
  type MultiplierFee,
  type MultiplierState,
  pendingFromViews,
  readMultiplierState,
  readMultiplierUpdates,
  type ScheduledMultiplier,
  viewTime,
} from './multiplier-state.ts';

export interface CorporateActionEvent {
  /** 18-decimal factor after the action (multiplier or balance-per-share). */
  value: string;
  blockNumber: string | null;
  transactionHash: string | null;
  /** Epoch seconds the change took effect, where the contract says (multiplierUpdates(i), a due schedule). */
  activationTime?: number | null;
}

export interface CorporateActions {
  multiplierUpdates: CorporateActionEvent[];
  /** Multiplier changes announced for a future time, still pending at `now`. */
  scheduled: ScheduledMultiplier[];
  balancePerShare: CorporateActionEvent[];
  dividends: { distributionId: string; amount: string; contract: string; blockNumber: string | null; transactionHash: string | null }[];
  /** Distributions the dShare's distributors announced (NewDistributionCreated), newest first. */
  announced: AnnouncedDistribution[];
  /** Management fee per year from the token's feePerPeriod and periodLength, if it has them. */
  annualFeeBps: string | null;
  /** The fee parameters as the token's views give them; null when it has none. */
  fee: MultiplierFee | null;
  /** Where the multiplier history was read: events, the contract's update log, or nowhere. */
  historySource: 'events' | 'views' | null;
  errors: string[];
}

export const emptyCorporateActions = (errors: string[] = []): CorporateActions => ({
  multiplierUpdates: [],
  scheduled: [],
  balancePerShare: [],
  dividends: [],
  announced: [],
  annualFeeBps: null,
  fee: null,
  historySource: null,
  errors,
});

export interface FetchCorporateActionsOptions {
  /** Whose dividends to list. */
  account?: string;
  /** Contracts that emit Distributed (a dShare's DividendDistribution); the token itself is always searched. */
  distributors?: readonly string[];
  fromBlock?: bigint;
  /** The latest block the caller read: announced distributions are searched in a bounded range up to it (default: the node's latest). */
  toBlock?: bigint;
  distributionLimits?: DistributionLimits;
  multicall?: string;
  /** Epoch ms, from the caller's clock. */
  now: () => number;
}

interface RawLog {
  address: string;
  topics: Hex[];
  data: Hex;
  blockNumber?: string | null;
  transactionHash?: string | null;
}

const events = [...multiplierTokenAbi, ...rebasingTokenAbi].filter((x) => x.type === 'event');
type EventName = 'MultiplierUpdated' | 'MultiplierScheduled' | 'MultiplierScheduleOverridden' | 'BalancePerShareSet' | 'Distributed';
const topic = (eventName: EventName) => encodeEventTopics({ abi: events, eventName })[0];

async function getLogs(rpc: RpcRequester, filter: Record<string, unknown>): Promise<RawLog[]> {
  const logs = await rpc.request({ method: 'eth_getLogs', params: [filter] });
  if (!Array.isArray(logs)) throw new Error('eth_getLogs returned no list');
  return logs as RawLog[];
}

async function latestBlock(rpc: RpcRequester, known: bigint | undefined): Promise<bigint> {
  if (known !== undefined) return known;
  const answer = await rpc.request({ method: 'eth_blockNumber' });
  if (typeof answer !== 'string' || !/^0x[0-9a-fA-F]+$/.test(answer)) throw new Error('eth_blockNumber returned no number');
  return BigInt(answer);
}

const quantity = (hex: string | null | undefined) => (hex ? BigInt(hex).toString() : null);
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

interface TokenLogs {
  multiplierUpdates: CorporateActionEvent[];
  balancePerShare: CorporateActionEvent[];
  /** Schedules announced by events, with overrides applied, in order. */
  scheduled: { value: bigint; activationTime: bigint }[];
}

function readTokenLogs(logs: readonly RawLog[]): TokenLogs {
  const out: TokenLogs = { multiplierUpdates: [], balancePerShare: [], scheduled: [] };
  for (const log of logs) {
    const decoded = decodeEventLog({ abi: events, topics: log.topics as [Hex, ...Hex[]], data: log.data, strict: false });
    const at = { blockNumber: quantity(log.blockNumber), transactionHash: log.transactionHash ?? null };
    const args = decoded.args as Record<string, bigint | undefined>;
    if (decoded.eventName === 'MultiplierUpdated' && args.value !== undefined) out.multiplierUpdates.push({ value: args.value.toString(), ...at });
    if (decoded.eventName === 'BalancePerShareSet' && args.balancePerShare !== undefined)
      out.balancePerShare.push({ value: args.balancePerShare.toString(), ...at });
    if (decoded.eventName === 'MultiplierScheduled' && args.newMultiplier !== undefined && args.activationTime !== undefined)
      out.scheduled.push({ value: args.newMultiplier, activationTime: args.activationTime });
    if (decoded.eventName === 'MultiplierScheduleOverridden') {
      const { overriddenMultiplier: value, overriddenActivationTime: time } = args;
      const i = out.scheduled.findIndex((s) => s.value === value && s.activationTime === time);
      if (i >= 0) out.scheduled.splice(i, 1);
    }
  }
  return out;
}

/** Multiplier history and schedule from the contract's multiplierUpdates(i) log: entries still in the future are pending. */
async function fromUpdateViews(rpc: RpcRequester, token: `0x${string}`, state: MultiplierState | null, multicall: string, nowSeconds: number) {
  if (state?.updatesLength == null) throw new Error('the token has no multiplierUpdates views');
  const entries = await readMultiplierUpdates(rpc, token, state.updatesLength, multicall);
  const now = BigInt(nowSeconds);
  return {
    history: entries
      .filter((e) => e.activationTime <= now)
      .map((e) => ({ value: e.newMultiplier.toString(), blockNumber: null, transactionHash: null, activationTime: Number(e.activationTime) })),
    pending: entries
      .filter((e) => e.activationTime > now)
      .map((e) => ({ value: e.newMultiplier.toString(), activationTime: Number(e.activationTime), nonce: null })),
  };
}

export async function fetchCorporateActions(rpc: RpcRequester, token: Token, options: FetchCorporateActionsOptions): Promise<CorporateActions> {
  const nowSeconds = Math.floor(options.now() / 1000);
  const fromBlock = `0x${(options.fromBlock ?? 0n).toString(16)}`;
  const multicall = options.multicall ?? MULTICALL3_ADDRESS;
  const out = emptyCorporateActions();
  const address = getAddress(token.address);
  const isMultiplier = token.corporateActions === 'multiplier';

  const [stateRead, logsRead] = await Promise.allSettled([
    isMultiplier ? readMultiplierState(rpc, address, multicall) : Promise.resolve(null),
    getLogs(rpc, {
      address,
      fromBlock,
      toBlock: 'latest',
      topics: [[topic('MultiplierUpdated'), topic('MultiplierScheduled'), topic('MultiplierScheduleOverridden'), topic('BalancePerShareSet')]],
    }),
  ]);
  const state = stateRead.status === 'fulfilled' ? stateRead.value : null;
  if (stateRead.status === 'rejected') out.errors.push(`views: ${messageOf(stateRead.reason)}`);
  // Views answer for their block's time; that is when a schedule falls due, whatever the caller's clock says.
  const chainSeconds = viewTime(state, nowSeconds);

  let eventSchedule: ScheduledMultiplier[] = [];
  if (logsRead.status === 'fulfilled') {
    const logs = readTokenLogs(logsRead.value);
    out.multiplierUpdates = logs.multiplierUpdates;
    out.balancePerShare = logs.balancePerShare;
    eventSchedule = logs.scheduled
      .filter((s) => s.activationTime > BigInt(chainSeconds))
      .map((s) => ({ value: s.value.toString(), activationTime: Number(s.activationTime), nonce: null }));
    if (isMultiplier) out.historySource = 'events';
    const due = state && dueActivation(state, chainSeconds);
    if (due) out.multiplierUpdates.push({ ...due, blockNumber: null, transactionHash: null });
  } else if (isMultiplier) {
    try {
      const views = await fromUpdateViews(rpc, address, state, multicall, chainSeconds);
      out.multiplierUpdates = views.history;
      eventSchedule = views.pending;
      out.historySource = 'views';
    } catch (err) {
      out.errors.push(`events: ${messageOf(logsRead.reason)}`, `history views: ${messageOf(err)}`);
    }
  } else {
    out.errors.push(`events: ${messageOf(logsRead.reason)}`);
  }

  if (isMultiplier) {
    // The views hold the one pending change the contract will apply; events only stand in for a token without them.
    out.scheduled = (state && pendingFromViews(state, chainSeconds)) ?? eventSchedule;
    out.fee = state && feeFromViews(state);
    out.annualFeeBps = out.fee?.annualFeeBps ?? null;
  }

  // Only dShares pay dividends as airdrops (Distributed); an xStock reinvests them into its multiplier.
  const distributors = token.corporateActions === 'balance-per-share' ? (options.distributors ?? []) : [];
  const announced =
    distributors.length > 0
      ? latestBlock(rpc, options.toBlock)
          .then((toBlock) => readAnnouncedDistributions({ rpc, distributors, toBlock, nowSeconds, multicall, limits: options.distributionLimits }))
          .catch((err: unknown) => ({ distributions: [], errors: [`announced distributions: ${messageOf(err)}`] }))
      : null;
  if (options.account && token.corporateActions === 'balance-per-share') {
    const contracts = [address, ...(options.distributors ?? []).map((d) => getAddress(d))];
    const accountTopic = `0x${getAddress(options.account).slice(2).toLowerCase().padStart(64, '0')}`;
    try {
      const logs = await getLogs(rpc, { address: contracts, fromBlock, toBlock: 'latest', topics: [topic('Distributed'), null, accountTopic] });
      for (const log of logs) {
        const { args } = decodeEventLog({ abi: rebasingTokenAbi, eventName: 'Distributed', topics: log.topics as [Hex, ...Hex[]], data: log.data });
        out.dividends.push({
          distributionId: args.distributionId.toString(),
          amount: args.amount.toString(),
          contract: getAddress(log.address),
          blockNumber: quantity(log.blockNumber),
          transactionHash: log.transactionHash ?? null,
        });
      }
    } catch (err) {
      out.errors.push(`dividends: ${messageOf(err)}`);
    }
  }
  if (announced) {
    const read = await announced;
    out.announced = read.distributions;
    out.errors.push(...read.errors);
  }
  return out;
}

/** Corporate actions of a token, never throwing: a failure is one more entry in `errors`. */
export async function corporateActionsOf(rpc: RpcRequester, token: Token, options: FetchCorporateActionsOptions): Promise<CorporateActions> {
  try {
    return await fetchCorporateActions(rpc, token, options);
  } catch (err) {
    return emptyCorporateActions([messageOf(err)]);
  }
}
