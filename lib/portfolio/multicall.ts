/** Multicall3 aggregate3 with allowFailure on every call: one revert fails only its own slot. */
import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { multicall3Abi } from './abis.ts';

export interface Call3 {
  target: `0x${string}`;
  allowFailure: boolean;
  callData: Hex;
}

export interface Call3Result {
  success: boolean;
  returnData: Hex;
}

export function encodeAggregate3(calls: readonly Call3[]): Hex {
  return encodeFunctionData({ abi: multicall3Abi, functionName: 'aggregate3', args: [calls] });
}

/** Decodes the answer of an aggregate3 eth_call; throws when it does not hold one result per call. */
export function decodeAggregate3(data: Hex, expected: number): Call3Result[] {
  const results = decodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', data });
  if (results.length !== expected) throw new Error(`aggregate3 returned ${results.length} results for ${expected} calls`);
  return results.map((r) => ({ success: r.success, returnData: r.returnData }));
}
