// A devnet build (SHAREKEEP_DEVNET=path/to/deployment.json) ships the local market's tokens,
// issuers and RPC URL; a store build ships none of it.
import type { DevnetDeployment } from '@/lib/registry';

declare const __SHAREKEEP_DEVNET__: (DevnetDeployment & { rpcUrl: string; chainId: number; contracts: Record<string, string> }) | null;

export const devnet = __SHAREKEEP_DEVNET__;
