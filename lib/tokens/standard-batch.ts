/** One Multicall3 aggregate3 eth_call with allowFailure on every call, and readers for its slots. */
import { type Abi, type Address, type ContractFunctionName, decodeFunctionResult, encodeFunctionData, type Hex, zeroAddress } from 'viem';
import type { RpcCall } from '../chains';
import { type Call3, type Call3Result, decodeAggregate3, encodeAggregate3, MULTICALL3_ADDRESS } from '../portfolio';

/** The calls' results in order, or undefined when the node did not answer the batch readably. */
export async function aggregate(rpc: RpcCall, calls: readonly Call3[]): Promise<Call3Result[] | undefined> {
  if (!calls.length) return [];
  try {
    const answer = await rpc('eth_call', [{ to: MULTICALL3_ADDRESS, data: encodeAggregate3(calls) }, 'latest']);
    return typeof answer === 'string' && /^0x([0-9a-fA-F]{2})*$/.test(answer) ? decodeAggregate3(answer as Hex, calls.length) : undefined;
  } catch {
    return undefined;
  }
}

export function call3<const abi extends Abi>(
  target: Address,
  abi: abi,
  functionName: ContractFunctionName<abi>,
  args: readonly unknown[] = [],
): Call3 {
  return { target, allowFailure: true, callData: encodeFunctionData({ abi, functionName, args } as never) };
}

/**
 * The decoded answer of one slot, or undefined when the call failed or the answer is not of the
 * function's shape (an EOA or a contract without the function answers empty data).
 */
export function answer<T>(result: Call3Result | undefined, abi: Abi, functionName: string): T | undefined {
  if (!result?.success || result.returnData.length < 66) return undefined;
  try {
    const value = decodeFunctionResult({ abi, functionName, data: result.returnData } as never) as T;
    // viem reads a bool or an address from any word; a real one is canonical.
    if (typeof value === 'boolean' && BigInt(result.returnData.slice(0, 66)) > 1n) return undefined;
    if (typeof value === 'string' && value.startsWith('0x') && BigInt(result.returnData.slice(0, 66)) >> 160n !== 0n) return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** An address answer that names a contract to ask next: the zero address names none. */
export const usable = (address: Address | undefined): address is Address => address !== undefined && address !== zeroAddress;
