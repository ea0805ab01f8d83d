/**
 * Network fees for a transaction, estimated before the approval window opens: slow, normal and
 * fast caps from `eth_feeHistory` reward percentiles and the next block's base fee; the latest
 * block's base fee and the node's tip where the node serves no fee history; a legacy gas price
 * where the chain has no base fee.
 */
import type { RpcCall } from '../chains';
import type { TransactionParams } from './transaction-params';

export const FEE_SPEEDS = ['slow', 'normal', 'fast'] as const;
export type FeeSpeed = (typeof FEE_SPEEDS)[number];

/** The fee fields of a signed transaction. */
export type FeeCaps = { type: 'eip1559'; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint } | { type: 'legacy'; gasPrice: bigint };

export interface FeeEstimate {
  /** The base fee the next block will charge; undefined on a chain without EIP-1559. */
  baseFee?: bigint;
  options: Record<FeeSpeed, FeeCaps>;
}

const FALLBACK_TIP = 1_000_000_000n;
/** Reward percentiles asked of eth_feeHistory for slow, normal and fast, over this many blocks. */
const PERCENTILES = [10, 50, 90] as const;
const HISTORY_BLOCKS = 10;
/** How far the base fee may rise before the transaction is mined, per speed (numerator / 4). */
const BASE_HEADROOM: Record<FeeSpeed, bigint> = { slow: 5n, normal: 8n, fast: 10n };
/** Legacy gas price per speed, in percent of the node's suggestion. */
const LEGACY_PERCENT: Record<FeeSpeed, bigint> = { slow: 100n, normal: 110n, fast: 125n };

const hex = (value: unknown): bigint | undefined => (typeof value === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(value) ? BigInt(value) : undefined);

const median = (values: bigint[]): bigint | undefined => {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor(sorted.length / 2)];
};

interface History {
  baseFee: bigint;
  /** Median reward of each percentile over the blocks; undefined where no block had a paying transaction. */
  tips: (bigint | undefined)[];
}

async function feeHistory(rpc: RpcCall): Promise<History | undefined> {
  const answer = (await rpc('eth_feeHistory', [`0x${HISTORY_BLOCKS.toString(16)}`, 'latest', [...PERCENTILES]]).catch(() => undefined)) as
    | { baseFeePerGas?: unknown; reward?: unknown }
    | undefined;
  const bases = Array.isArray(answer?.baseFeePerGas) ? answer.baseFeePerGas : [];
  // The last entry is the base fee of the block after the newest one: the one this transaction meets.
  const baseFee = hex(bases[bases.length - 1]);
  if (baseFee === undefined) return undefined;
  const rows = Array.isArray(answer?.reward) ? answer.reward.filter((r): r is unknown[] => Array.isArray(r)) : [];
  const tips = PERCENTILES.map((_, i) => median(rows.map((row) => hex(row[i])).filter((t): t is bigint => t !== undefined && t > 0n)));
  return { baseFee, tips };
}

async function nodeTip(rpc: RpcCall): Promise<bigint> {
  return hex(await rpc('eth_maxPriorityFeePerGas').catch(() => undefined)) ?? FALLBACK_TIP;
}

const gasPrice = async (rpc: RpcCall) => BigInt((await rpc('eth_gasPrice')) as string);

/** Slow, normal and fast fee caps on the network `rpc` serves. */
export async function estimateFees(rpc: RpcCall): Promise<FeeEstimate> {
  let history = await feeHistory(rpc);
  if (!history) {
    const block = (await rpc('eth_getBlockByNumber', ['latest', false])) as { baseFeePerGas?: unknown } | null;
    const baseFee = hex(block?.baseFeePerGas);
    if (baseFee !== undefined) history = { baseFee, tips: [] };
  }
  if (!history) {
    const price = await gasPrice(rpc);
    const legacy = (speed: FeeSpeed): FeeCaps => ({ type: 'legacy', gasPrice: (price * LEGACY_PERCENT[speed]) / 100n });
    return { options: { slow: legacy('slow'), normal: legacy('normal'), fast: legacy('fast') } };
  }
  const { baseFee, tips } = history;
  // Empty blocks pay no tips: then the node's suggestion stands for every speed.
  const suggested = tips.some((t) => t !== undefined) ? undefined : await nodeTip(rpc);
  const caps = (speed: FeeSpeed, i: number): FeeCaps => {
    const tip = tips[i] ?? suggested ?? tips.find((t) => t !== undefined) ?? FALLBACK_TIP;
    return { type: 'eip1559', maxFeePerGas: (baseFee * BASE_HEADROOM[speed]) / 4n + tip, maxPriorityFeePerGas: tip };
  };
  return { baseFee, options: { slow: caps('slow', 0), normal: caps('normal', 1), fast: caps('fast', 2) } };
}

/** The fees a site put in its request, if any: kept unless the user picks another. */
export function siteFees(tx: TransactionParams, estimate: FeeEstimate): FeeCaps | undefined {
  if (tx.gasPrice !== undefined) return { type: 'legacy', gasPrice: tx.gasPrice };
  if (tx.maxFeePerGas === undefined && tx.maxPriorityFeePerGas === undefined) return undefined;
  const normal = estimate.options.normal;
  if (normal.type === 'legacy') return { type: 'legacy', gasPrice: tx.maxFeePerGas ?? tx.maxPriorityFeePerGas ?? normal.gasPrice };
  const maxFeePerGas = tx.maxFeePerGas ?? normal.maxFeePerGas;
  const tip = tx.maxPriorityFeePerGas ?? normal.maxPriorityFeePerGas;
  // A tip above the max fee is capped by it, as nodes would.
  if (tip > maxFeePerGas) return { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas: maxFeePerGas };
  return { type: 'eip1559', maxFeePerGas, maxPriorityFeePerGas: tip };
}

/** The highest price per gas the caps allow. */
export const maxPerGas = (caps: FeeCaps): bigint => (caps.type === 'legacy' ? caps.gasPrice : caps.maxFeePerGas);

/** Gas for the transaction: the caller's, or the node's estimate with headroom (gas use can grow before inclusion). */
export async function gasFor(rpc: RpcCall, tx: TransactionParams): Promise<bigint> {
  if (tx.gas !== undefined) return tx.gas;
  const request = { from: tx.from, to: tx.to, data: tx.data, value: `0x${tx.value.toString(16)}` };
  return (BigInt((await rpc('eth_estimateGas', [request])) as string) * 5n) / 4n + 25_000n;
}
