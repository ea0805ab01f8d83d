import type { Address } from 'viem';
import type { DecodeContext, TokenInfo } from '../../../lib/intent';

export const USER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const OTHER: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const SPENDER: Address = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
export const ROUTER: Address = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
export const USDC: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
export const TSLA: Address = '0x8aD3c73F833d3F9A523aB01476625F269aEB7Cf0';
export const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';
export const UNKNOWN_TOKEN: Address = '0x9999999999999999999999999999999999999999';

export const MAX_UINT256 = 2n ** 256n - 1n;
export const MAX_UINT160 = 2n ** 160n - 1n;

const known: Record<string, TokenInfo> = {
  [USDC.toLowerCase()]: { symbol: 'USDC', decimals: 6 },
  [TSLA.toLowerCase()]: { symbol: 'TSLAx', decimals: 18 },
  [WETH.toLowerCase()]: { symbol: 'WETH', decimals: 18 },
};

export const ctx: DecodeContext = { tokenInfo: (address) => known[address.toLowerCase()] };
export const CHAIN_ID = 31337;
