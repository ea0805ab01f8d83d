/**
 * Protocol contracts the wallet decodes, by the address they have on every chain they are
 * deployed to (sources in ../shared/REFERENCE.md). Only sourced addresses are listed.
 */
import type { Address } from 'viem';
import { PERMIT2_ADDRESS } from './decoders/permit2';

export const PROTOCOL_CONTRACTS: readonly { address: Address; name: string }[] = [
  { address: PERMIT2_ADDRESS, name: 'Permit2 (Uniswap)' },
  { address: '0x9008D19f58AAbD9eD0D60971565AA8510560ab41', name: 'CoW Protocol settlement' },
];
