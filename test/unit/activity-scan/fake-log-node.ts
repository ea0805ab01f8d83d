// An in-memory node that answers eth_blockNumber and eth_getLogs from a list of Transfer logs,
// filtering by address, topics and block range as a real node does. It records the ranges it
// was asked for, and can refuse logs (always, above a range size, or from some block on).
import { pad, toHex } from 'viem';
import { TRANSFER_TOPIC } from '../../../lib/activity-scan';
import type { RpcCall } from '../../../lib/ports';

export interface FakeTransfer {
  token: string;
  from: string;
  to: string;
  amount: bigint;
  block: number;
  hash: string;
  logIndex?: number;
}

export interface FakeLogNode {
  rpc: RpcCall;
  latest: number;
  transfers: FakeTransfer[];
  /** [fromBlock, toBlock] of every eth_getLogs asked. */
  ranges: [number, number][];
  /** What eth_getLogs answers instead of the filtered logs, when set (a refusal when it throws). */
  refuse?: (from: number, to: number) => string | undefined;
  /** Extra raw logs answered with every request (a node answering more than was asked). */
  extra: unknown[];
}

export const hashOf = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

export function createFakeLogNode(latest: number): FakeLogNode {
  const node: FakeLogNode = {
    latest,
    transfers: [],
    ranges: [],
    extra: [],
    rpc: async (method, params = []) => {
      if (method === 'eth_blockNumber') return toHex(node.latest);
      if (method !== 'eth_getLogs') throw new Error(`unexpected ${method}`);
      const filter = params[0] as { address: string[]; topics: (string | null)[]; fromBlock: string; toBlock: string };
      const from = Number(filter.fromBlock);
      const to = Number(filter.toBlock);
      node.ranges.push([from, to]);
      const refused = node.refuse?.(from, to);
      if (refused) throw Object.assign(new Error(refused), { code: -32005 });
      const addresses = filter.address.map((a) => a.toLowerCase());
      const logs = node.transfers
        .filter((t) => t.block >= from && t.block <= to && addresses.includes(t.token.toLowerCase()))
        .map((t) => ({
          address: t.token,
          topics: [TRANSFER_TOPIC, pad(t.from as `0x${string}`), pad(t.to.toLowerCase() as `0x${string}`)],
          data: pad(toHex(t.amount)),
          blockNumber: toHex(t.block),
          transactionHash: t.hash,
          logIndex: toHex(t.logIndex ?? 0),
          removed: false,
        }))
        .filter((log) => filter.topics.every((topic, i) => topic === null || log.topics[i]?.toLowerCase() === topic.toLowerCase()));
      return [...logs, ...node.extra];
    },
  };
  return node;
}
