/** The few chain reads the issuer adapters need, over the wallet's RPC, answers validated. */
import * as v from 'valibot';
import { type Abi, type Address, decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { erc20Abi } from './abis';
import type { RpcCall } from '../ports';
import { issuerError } from './errors';

export type { RpcCall };

const hex = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]*$/));
const LogSchema = v.object({
  address: hex,
  topics: v.array(hex),
  data: hex,
  blockNumber: v.optional(v.nullable(hex)),
  transactionHash: v.optional(v.nullable(hex)),
});
const ReceiptSchema = v.object({ status: hex, blockNumber: hex, logs: v.array(LogSchema) });
const BlockSchema = v.object({ timestamp: hex });

export type ChainLog = { address: Address; topics: [Hex, ...Hex[]] | []; data: Hex; blockNumber?: Hex | null };
export type ChainReceipt = { success: boolean; blockNumber: bigint; logs: ChainLog[] };

export interface ChainReader {
  read<const A extends Abi>(to: Address, abi: A, functionName: string, args?: readonly unknown[]): Promise<unknown>;
  receipt(hash: Hex): Promise<ChainReceipt | null>;
  /** The node still knows the transaction (pending or mined); false once it was replaced or dropped. */
  known(hash: Hex): Promise<boolean>;
  logs(filter: { address: Address; topics: (Hex | null)[]; fromBlock: bigint }): Promise<ChainLog[]>;
  /** Seconds, from the latest block: the clock issuer contracts check quotes against. */
  chainTime(): Promise<bigint>;
  balanceOf(token: Address, account: Address): Promise<bigint>;
}

function parseOr<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw issuerError('issuer.failed', `The network answered a malformed ${what}. Try again in a moment.`);
  return result.output;
}

const asLog = (log: v.InferOutput<typeof LogSchema>): ChainLog => ({
  address: log.address as Address,
  topics: log.topics as ChainLog['topics'],
  data: log.data as Hex,
  blockNumber: (log.blockNumber ?? null) as Hex | null,
});

export function createChainReader(rpc: RpcCall): ChainReader {
  const self: ChainReader = {
    async read(to, abi, functionName, args = []) {
      const data = encodeFunctionData({ abi, functionName, args } as never);
      const result = parseOr(hex, await rpc('eth_call', [{ to, data }, 'latest']), 'call result') as Hex;
      return decodeFunctionResult({ abi, functionName, data: result } as never);
    },
    async receipt(hash) {
      const answer = await rpc('eth_getTransactionReceipt', [hash]);
      if (answer === null || answer === undefined) return null;
      const receipt = parseOr(ReceiptSchema, answer, 'receipt');
      return { success: BigInt(receipt.status) === 1n, blockNumber: BigInt(receipt.blockNumber), logs: receipt.logs.map(asLog) };
    },
    async known(hash) {
      const answer = await rpc('eth_getTransactionByHash', [hash]);
      return answer !== null && answer !== undefined;
    },
    async logs({ address, topics, fromBlock }) {
      const answer = await rpc('eth_getLogs', [{ address, topics, fromBlock: `0x${fromBlock.toString(16)}`, toBlock: 'latest' }]);
      return parseOr(v.array(LogSchema), answer, 'log list').map(asLog);
    },
    async chainTime() {
      return BigInt(parseOr(BlockSchema, await rpc('eth_getBlockByNumber', ['latest', false]), 'block').timestamp);
    },
    async balanceOf(token, account) {
      return (await self.read(token, erc20Abi, 'balanceOf', [account])) as bigint;
    },
  };
  return self;
}

/** Polls for a receipt until it comes or `attempts` run out (then null: still pending). */
export async function waitForReceipt(
  chain: ChainReader,
  hash: Hex,
  sleep: (ms: number) => Promise<void>,
  attempts = 120,
): Promise<ChainReceipt | null> {
  for (let i = 0; i < attempts; i++) {
    const receipt = await chain.receipt(hash);
    if (receipt) return receipt;
    await sleep(500);
  }
  return null;
}
