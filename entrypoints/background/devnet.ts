// A devnet build (SHAREKEEP_DEVNET=path/to/deployment.json) ships the local market's tokens,
// issuers and RPC URL; a local-chain build (SHAREKEEP_LOCAL_CHAIN, see wxt.config.ts) ships the
// store registry plus what one local node standing in for a public chain adds; a store build ships none of it.
import { BUILT_IN_NETWORKS } from '@/lib/chains';
import { type DevnetDeployment, mergeRegistryData, parseRegistryData, type RegistryData, registryFromDevnet } from '@/lib/registry';
import type { Settings } from '@/lib/state';

declare const __SHAREKEEP_DEVNET__: (DevnetDeployment & { rpcUrl: string; chainId: number; contracts: Record<string, string> }) | null;
declare const __SHAREKEEP_LOCAL_CHAIN__: { chainId: number; rpcUrl: string; registry: unknown } | null;

export const devnet = __SHAREKEEP_DEVNET__;
const localChain = __SHAREKEEP_LOCAL_CHAIN__;

/** The registry this build reads: the bundled one, with the devnet's or the local chain's entries added. */
export function buildRegistry(bundled: RegistryData): RegistryData {
  if (devnet) return mergeRegistryData(bundled, registryFromDevnet(devnet));
  // Checked once merged: the local chain's entries name the bundled issuers.
  if (localChain) return parseRegistryData(mergeRegistryData(bundled, localChain.registry as RegistryData));
  return bundled;
}

/** A devnet or local-chain build reads its local node only, never the public networks the bundled registry lists. */
export function buildInitialSettings(): Partial<Settings> | undefined {
  const local = devnet ?? localChain;
  if (!local) return undefined;
  return {
    activeChainId: local.chainId,
    rpcOverrides: { [local.chainId]: local.rpcUrl },
    disabledChainIds: BUILT_IN_NETWORKS.map((n) => n.chainId).filter((id) => id !== local.chainId),
  };
}
