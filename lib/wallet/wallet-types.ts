/**
 * The wallet's shape: the ports the composition root (wallet.ts) is built from, and the parts it
 * hands the background and the commands.
 */
import type { IncomingScanner } from '../activity-scan';
import type { ApprovalQueue } from '../approvals';
import type { Network, RpcCall } from '../chains';
import type { IssuerCredentialStore, IssuerService } from '../issuers';
import type { KeyManager, PublicAccount } from '../keyring';
import type { CustomNetwork, WatchCandidate } from '../networks';
import type { PermissionStore } from '../permissions';
import type { AllowlistedFetch, Clock, KeyValueStore, RpcTransport } from '../ports';
import type { ProviderEventName } from '../provider';
import type { DShareAnswers, DShareReads, Registry, RegistryData, RpcRequester } from '../registry';
import type { Signing } from '../signing';
import type { ActivityLog, AddressBook, SettingChangeLog, Settings, SettingsStore } from '../state';
import type { TokenLookup } from '../tokens';
import type { RequestContext } from './methods';

export interface WalletPorts {
  local: KeyValueStore;
  session: KeyValueStore;
  clock: Clock;
  rpc: RpcTransport;
  /** HTTP to allowlisted issuer origins only (mint/redeem); without it no issuer is reached. */
  issuerFetch?: AllowlistedFetch;
  openApproval(): Promise<void>;
  /** Sends a provider event to the pages of one origin, or of every origin when null. */
  emit(origin: string | null, event: ProviderEventName, data: unknown): void;
  /** The UI's view of the wallet changed. */
  stateChanged(): void;
  /** The tokenized-stock registry; loaded on first need, never at start-up. */
  loadRegistry(): Promise<RegistryData>;
  /**
   * The bundled phishing list file (lib/sites/data/phishing-list.json); read on the first connect
   * request, never at start-up. Without it every site is checked against an empty list.
   */
  loadPhishingList?(): Promise<unknown>;
  /** Contracts that pay dShare dividends, per chain id (a devnet build names its distributor). */
  dividendDistributors?: Readonly<Record<number, readonly string[]>>;
  kdfIterations?: number;
  initialSettings?: Partial<Settings>;
}

/** Networks and watched tokens, for the popup's commands. */
export interface WalletNetworks {
  inspectToken(address: string): Promise<WatchCandidate>;
  watchToken(token: WatchCandidate): Promise<void>;
  rpcServesChain(rpcUrl: string): Promise<number | string>;
  saveCustomNetwork(network: CustomNetwork): Promise<void>;
}

export interface Wallet {
  readonly settings: SettingsStore;
  readonly keys: KeyManager;
  readonly permissions: PermissionStore;
  readonly approvals: ApprovalQueue;
  readonly activity: ActivityLog;
  /** Incoming transfers of tracked tokens, scanned from the chain's logs. */
  readonly incoming: IncomingScanner;
  /** The user's names for recipients. */
  readonly contacts: AddressBook;
  /** Changes of the settings the guard depends on (the jurisdiction), shown with the activity. */
  readonly settingChanges: SettingChangeLog;
  readonly tokens: TokenLookup;
  readonly signing: Signing;
  readonly networks: WalletNetworks;
  readonly issuers: IssuerService;
  /** The user's own credentials for issuer APIs that need them (Dinari's key pair); the pages see only which are set. */
  readonly issuerCredentials: IssuerCredentialStore;
  readonly clock: Clock;
  /** storage.local, for caches of other services (the portfolio snapshot). */
  readonly local: KeyValueStore;
  readonly dividendDistributors: Readonly<Record<number, readonly string[]>>;
  /** JSON-RPC to the active network's node. */
  readonly rpc: RpcCall;
  /** JSON-RPC to a given network's node (the portfolio reads every enabled chain). */
  rpcFor(network: Network): RpcCall;
  /** Picks the vault key back up after a worker restart, and loads the registry and settings once. */
  ready(): Promise<boolean>;
  registry(): Registry | undefined;
  /** Looks for tokens the registry's issuer factories announced up to `toBlock` (throttled); found ones join the registry. */
  discoverTokens(chainId: number, toBlock: number, rpc: RpcRequester): Promise<void>;
  /**
   * Reads the NewToken log of every factory the registry lists on each enabled network, up to
   * its latest block (eth_blockNumber + eth_getLogs, each chain at most every 10 minutes). Owned by
   * the background on its own alarm, so a portfolio refresh never waits for or pays for it.
   */
  scanFactories(): Promise<void>;
  /** The Dinari discovery reads the chain's portfolio batch carries (getDShares(), new dShares' metadata). */
  dShareReads(chainId: number): DShareReads | undefined;
  /** What those reads answered: new dShares join the registry, new listings are probed in the next batch. */
  noteDShares(chainId: number, answered: DShareAnswers): Promise<void>;
  visibleAccounts(): Promise<PublicAccount[]>;
  selectedAddress(): Promise<string | undefined>;
  accountsFor(origin: string): Promise<string[]>;
  notifyAccounts(formerSites?: string[]): Promise<void>;
  revokeSite(origin: string): Promise<boolean>;
  /** The user's jurisdiction: sealed in the vault, the one every compliance check reads. */
  jurisdiction(): Promise<string | undefined>;
  /** Names the wallet knows addresses by on a chain (own accounts, issuer and protocol contracts, the address book), lower-cased keys. */
  labelsFor(chainId: number, addresses: readonly (string | undefined)[]): Promise<Record<string, string>>;
  switchChain(chainId: number): Promise<void>;
  /**
   * A non-secret flag in storage.session that wallet pages read before painting cached data:
   * after a browser restart (session storage cleared) a cached "unlocked" view is not shown.
   */
  markUnlocked(unlocked: boolean): Promise<void>;
  /** Every page request lands here; it answers with a result or throws an EIP-1193 error. */
  handleProviderRequest(ctx: RequestContext, payload: unknown): Promise<unknown>;
}
