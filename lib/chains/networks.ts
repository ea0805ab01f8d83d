/** The networks tokenized stocks live on, plus the local devnet. RPC URLs are user-editable. */

export interface Network {
  chainId: number;
  name: string;
  rpcUrl: string;
  nativeCurrency: { name: string; symbol: string; decimals: number };
  blockExplorerUrl?: string;
  /** Added by a dApp (wallet_addEthereumChain) or by hand, rather than built in. */
  custom?: boolean;
}

const ether = { name: 'Ether', symbol: 'ETH', decimals: 18 };

export const BUILT_IN_NETWORKS: readonly Network[] = [
  { chainId: 1, name: 'Ethereum', rpcUrl: 'https://ethereum-rpc.publicnode.com', nativeCurrency: ether, blockExplorerUrl: 'https://etherscan.io' },
  { chainId: 42161, name: 'Arbitrum One', rpcUrl: 'https://arb1.arbitrum.io/rpc', nativeCurrency: ether, blockExplorerUrl: 'https://arbiscan.io' },
  { chainId: 8453, name: 'Base', rpcUrl: 'https://mainnet.base.org', nativeCurrency: ether, blockExplorerUrl: 'https://basescan.org' },
  {
    chainId: 56,
    name: 'BNB Chain',
    rpcUrl: 'https://bsc-dataseed.bnbchain.org',
    nativeCurrency: { name: 'BNB', symbol: 'BNB', decimals: 18 },
    blockExplorerUrl: 'https://bscscan.com',
  },
  {
    chainId: 57073,
    name: 'Ink',
    rpcUrl: 'https://rpc-gel.inkonchain.com',
    nativeCurrency: ether,
    blockExplorerUrl: 'https://explorer.inkonchain.com',
  },
  {
    chainId: 5000,
    name: 'Mantle',
    rpcUrl: 'https://rpc.mantle.xyz',
    nativeCurrency: { name: 'Mantle', symbol: 'MNT', decimals: 18 },
    blockExplorerUrl: 'https://mantlescan.xyz',
  },
  { chainId: 999, name: 'HyperEVM', rpcUrl: 'https://rpc.hyperliquid.xyz/evm', nativeCurrency: { name: 'HYPE', symbol: 'HYPE', decimals: 18 } },
  { chainId: 31337, name: 'Localhost 8545', rpcUrl: 'http://127.0.0.1:8545', nativeCurrency: ether },
];

export const DEFAULT_CHAIN_ID = 1;

export function toHexChainId(chainId: number): `0x${string}` {
  return `0x${chainId.toString(16)}`;
}

/** Parses a chain id as dApps send it (hex string, decimal string or number); undefined if malformed. */
export function parseChainId(value: unknown): number | undefined {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^0x[0-9a-fA-F]{1,15}$/.test(value)) n = Number.parseInt(value, 16);
  else if (typeof value === 'string' && /^[0-9]{1,16}$/.test(value)) n = Number(value);
  else return undefined;
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
