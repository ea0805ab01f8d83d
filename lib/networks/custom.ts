/** Networks added by a dApp or by hand: checking the node serves the claimed chain, and saving. */
import { parseChainId } from '../chains';
import type { NetworkDeps } from './deps';

export interface CustomNetwork {
  chainId: number;
  name: string;
  rpcUrl: string;
  symbol: string;
  /** Where Activity links its transactions (https only). */
  blockExplorerUrl?: string;
}

/**
 * Asks an RPC URL that is not configured yet which chain it serves: only for a network the
 * user is adding. Returns the chain id it serves, what it said instead, or 'unreachable'.
 */
export async function rpcServesChain(deps: Pick<NetworkDeps, 'probeRpc'>, rpcUrl: string): Promise<number | string> {
  let answered: unknown;
  try {
    answered = await deps.probeRpc(rpcUrl, 'eth_chainId');
  } catch {
    return 'unreachable';
  }
  return parseChainId(answered) ?? String(answered).slice(0, 80);
}

export async function saveCustomNetwork(
  deps: Pick<NetworkDeps, 'settings'>,
  { chainId, name, rpcUrl, symbol, blockExplorerUrl }: CustomNetwork,
): Promise<void> {
  await deps.settings.update((s) => ({
    customNetworks: [
      ...s.customNetworks.filter((n) => n.chainId !== chainId),
      {
        chainId,
        name,
        rpcUrl,
        nativeCurrency: { name: symbol, symbol, decimals: 18 },
        ...(blockExplorerUrl ? { blockExplorerUrl } : {}),
        custom: true,
      },
    ],
  }));
}
