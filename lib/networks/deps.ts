import type { ApprovalKind } from '../approvals';
import type { Network, RpcCall } from '../chains';
import type { SettingsStore } from '../state';
import type { TokenInfoCache, TokenLookup } from '../tokens';

/** What adding networks and watching tokens needs from the rest of the wallet. */
export interface NetworkDeps {
  settings: SettingsStore;
  tokens: TokenLookup;
  tokenInfo: TokenInfoCache;
  /** JSON-RPC to one configured network's node. */
  rpcFor(network: Network): RpcCall;
  /** Reaches an RPC URL that is not configured yet: only to check a network being added. */
  probeRpc(url: string, method: string): Promise<unknown>;
  approve(origin: string, kind: ApprovalKind, details: unknown): Promise<unknown>;
  switchChain(chainId: number): Promise<void>;
  stateChanged(): void;
  /** Loads the registry and settings on first need: a token is judged against the registry, never without it. */
  ready(): Promise<unknown>;
}
