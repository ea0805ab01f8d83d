/**
 * What the portfolio's batch reads to find tokens an issuer listed after a release: each
 * DShareFactory's list, and the metadata of listed addresses the registry does not know.
 */
import { decodeFunctionResult, type Hex, parseAbi } from 'viem';
import { uintWord } from './multicall.ts';

export type ProbeField = 'symbol' | 'name' | 'decimals' | 'balancePerShare';
export const PROBE_FIELDS: readonly ProbeField[] = ['symbol', 'name', 'decimals', 'balancePerShare'];

/**
 * Discovery reads that ride in the same batch: each DShareFactory's getDShares() (Dinari's
 * v0.4.0 interface, https://github.com/dinaricrypto/sbt-contracts/blob/main/src/DShareFactory.sol)
 * and the metadata of addresses an earlier batch listed but the registry does not know.
 */
export interface DiscoveryReads {
  dShareFactories: readonly string[];
  probe: readonly string[];
}

export type ProbeReading = { [F in ProbeField]: F extends 'decimals' ? number | null : F extends 'balancePerShare' ? bigint | null : string | null };

export const discoveryAbi = parseAbi([
  'function getDShares() view returns (address[] dShares, address[] wrappedDShares)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function decimals() view returns (uint8)',
]);

export function decodeProbe(field: ProbeField, data: Hex): string | number | bigint {
  if (field === 'balancePerShare') return uintWord(data);
  if (field === 'decimals') {
    const decimals = Number(decodeFunctionResult({ abi: discoveryAbi, functionName: 'decimals', data }));
    if (decimals > 36) throw new Error('implausible decimals');
    return decimals;
  }
  return String(decodeFunctionResult({ abi: discoveryAbi, functionName: field, data }));
}
