import type { Address } from 'viem';
import type { ApprovalKind, RequestOptions } from '../approvals';
import type { Network, RpcCall } from '../chains';
import type { KeyManager } from '../keyring';
import type { Clock, KeyValueStore } from '../ports';
import type { Registry } from '../registry';
import type { ActivityLog } from '../state';
import type { OnchainStandards, TokenInfoCache, TokenLookup } from '../tokens';

/**
 * What the signing pipeline needs from the rest of the wallet, and nothing more. The wallet
 * composes it; tests can hand in their own.
 */
export interface SigningDeps {
  keys: Pick<KeyManager, 'listAccounts' | 'isUnlocked' | 'signMessage' | 'signTypedData' | 'signTransaction'>;
  clock: Clock;
  /** storage.local, for the nonce reservations that survive a worker restart. */
  local: KeyValueStore;
  tokens: TokenLookup;
  tokenInfo: TokenInfoCache;
  /** The permissioned-token standards of the tokens a request touches, and what they say about the user. */
  standards: OnchainStandards;
  /** The network a new request is judged and signed for. */
  activeNetwork(): Promise<Network>;
  /** JSON-RPC to one network's node: every call of a request goes to the network it was approved on. */
  rpcFor(network: Network): RpcCall;
  /** The user's ISO 3166 country ('' when unknown). */
  jurisdiction(): Promise<string>;
  /** Shows the approval window and resolves with the user's (parsed) choice when they approve; rejects with 4001 otherwise. */
  approve(origin: string, kind: ApprovalKind, details: unknown, options?: Pick<RequestOptions, 'parse'>): Promise<unknown>;
  /**
   * The account `address` if the site `origin` may use it now: connected to the site and the
   * wallet unlocked. Throws 4100 otherwise.
   */
  requireAccount(origin: string, address: unknown): Promise<Address>;
  /** For the wallet's own requests (send, mint, redeem): the account is this wallet's and the wallet is unlocked. Throws otherwise. */
  ownAccount(address: Address): Promise<Address>;
  /** Loads the registry and settings on first need. */
  ready(): Promise<unknown>;
  /** The registry, once loaded: issuer contracts are named from it. */
  registry(): Registry | undefined;
  /** The activity list, as the send road writes it: before the node sees a transaction, then its answer. */
  activity: Pick<ActivityLog, 'add' | 'replace' | 'acknowledge' | 'withdraw' | 'list' | 'sending'>;
  /** The user's address book (lower-cased address -> name); its names label requests after the wallet's own. */
  contacts?(): Promise<Record<string, string>>;
  stateChanged(): void;
}
