/**
 * A token's corporate-action history, read from its events: multiplier updates and
 * schedules (xStocks), balance-per-share changes (dShares), and dividends paid to an
 * account (dShare distributions). When the node refuses eth_getLogs, a multiplier
 * token's history is read from its multiplierUpdates(i) view instead.
 */
import { decodeEventLog, decodeFunctionResult, encodeEventTopics, encodeFunctionData, getAddress, type Hex } from 'viem';
import type { RpcRequester, Token } from '../registry/index.ts';
import { multiplierTokenAbi, rebasingTokenAbi } from './abis.ts';
import { annualFeeBps } from './corporate-actions.ts';

export interface CorporateActionEvent {
  /** 18-decimal factor after the action (multiplier or balance-per-share). */
  value: string;
  blockNumber: string | null;
  transactionHash: string | null;
}

export interface CorporateActions {
  multiplierUpdates: CorporateActionEvent[];
  /** Multiplier changes announced for a future time, still pending at `now`. */
  scheduled: { value: string; activationTime: number }[];
  balancePerShare: CorporateActionEvent[];
  dividends: { distributionId: string; amount: string; contract: string; blockNumber: string | null; transactionHash: string | null }[];
  /** Management fee per year from the token's feePerPeriod and periodLength, if it has them. */
  annualFeeBps: string | null;
  errors: string[];
}

export interface FetchCorporateActionsOptions {
  /** Whose dividends to list. */
  account?: string;
  /** Contracts that emit Distributed (a dShare's DividendDistribution); the token itself is always searched. */
  distributors?: readonly string[];
  fromBlock?: bigint;
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
const topic = (eventName: 'MultiplierUpdated' | 'MultiplierScheduled' | 'BalancePerShareSet' | 'Distributed') =>
  encodeEventTopics({ abi: events, eventName })[0];

async function getLogs(rpc: RpcRequester, filter: Record<string, unknown>): Promise<RawLog[]> {
  const logs = await rpc.request({ method: 'eth_getLogs', params: [filter] });
  if (!Array.isArray(logs)) throw new Error('eth_getLogs returned no list');
  return logs as RawLog[];
}

async function view(rpc: RpcRequester, to: string, functionName: string, args: readonly unknown[] = []): Promise<unknown> {
  // biome-ignore lint/suspicious/noExplicitAny: names come from multiplierTokenAbi
  const abi = multiplierTokenAbi as any;
  const data = await rpc.request({ method: 'eth_call', params: [{ to, data: encodeFunctionData({ abi, functionName, args }) }, 'latest'] });
  if (typeof data !== 'string' || data === '0x') throw new Error(`${functionName}() returned nothing`);
  return decodeFunctionResult({ abi, functionName, data: data as Hex });
}

const quantity = (hex: string | null | undefined) => (hex ? BigInt(hex).toString() : null);

async function multiplierHistoryFromViews(rpc: RpcRequester, token: string): Promise<CorporateActionEvent[]> {
  const length = Number(await view(rpc, token, 'multiplierUpdatesLength'));
  const updates = await Promise.all(
    Array.from({ length: Math.max(0, length - 1) }, (_, i) => view(rpc, token, 'multiplierUpdates', [BigInt(i + 1)])),
  );
  return updates.map((u) => ({ value: String((u as readonly bigint[])[1]), blockNumber: null, transactionHash: null }));
}

export async function fetchCorporateActions(rpc: RpcRequester, token: Token, options: FetchCorporateActionsOptions): Promise<CorporateActions> {
  const nowSeconds = Math.floor(options.now() / 1000);
  const fromBlock = `0x${(options.fromBlock ?? 0n).toString(16)}`;
  const out: CorporateActions = { multiplierUpdates: [], scheduled: [], balancePerShare: [], dividends: [], annualFeeBps: null, errors: [] };
  const address = getAddress(token.address);

  const tokenTopics = [topic('MultiplierUpdated'), topic('MultiplierScheduled'), topic('BalancePerShareSet')];
  try {
    const logs = await getLogs(rpc, { address, fromBlock, toBlock: 'latest', topics: [tokenTopics] });
    for (const log of logs) {
      const decoded = decodeEventLog({ abi: events, topics: log.topics as [Hex, ...Hex[]], data: log.data, strict: false });
      const at = { blockNumber: quantity(log.blockNumber), transactionHash: log.transactionHash ?? null };
      const args = decoded.args as Record<string, bigint | undefined>;
      if (decoded.eventName === 'MultiplierUpdated' && args.value !== undefined) out.multiplierUpdates.push({ value: args.value.toString(), ...at });
      if (decoded.eventName === 'BalancePerShareSet' && args.balancePerShare !== undefined)
        out.balancePerShare.push({ value: args.balancePerShare.toString(), ...at });
      if (
        decoded.eventName === 'MultiplierScheduled' &&
        args.newMultiplier !== undefined &&
        args.activationTime !== undefined &&
        Number(args.activationTime) > nowSeconds
      ) {
        out.scheduled.push({ value: args.newMultiplier.toString(), activationTime: Number(args.activationTime) });
      }
    }
  } catch (err) {
    out.errors.push(`events: ${err instanceof Error ? err.message : String(err)}`);
    if (token.corporateActions === 'multiplier') {
      out.multiplierUpdates = await multiplierHistoryFromViews(rpc, address).catch(() => []);
    }
  }

  if (token.corporateActions === 'multiplier') {
    const [fee, period] = await Promise.allSettled([view(rpc, address, 'feePerPeriod'), view(rpc, address, 'periodLength')]);
    if (fee.status === 'fulfilled' && period.status === 'fulfilled' && (period.value as bigint) > 0n) {
      out.annualFeeBps = annualFeeBps(fee.value as bigint, period.value as bigint).toString();
    }
  }

  if (options.account) {
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
      out.errors.push(`dividends: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}
