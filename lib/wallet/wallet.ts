/**
 * The composition root: builds every part of the wallet from its ports and wires them together.
 * The background builds it with browser ports; tests build it with in-memory ones. The rules
 * live in the parts; this file only connects them.
 */
import { createIncomingScanner, type IncomingScanner } from '../activity-scan';
import { type ApprovalKind, type ApprovalQueue, createApprovalQueue, type RequestOptions } from '../approvals';
import { createRpcCall, type Network, type RpcCall, toHexChainId } from '../chains';
import { createIssuerCredentialStore, type IssuerCredentialStore, type IssuerService } from '../issuers';
import { createKeyManager, type KeyManager, type PublicAccount } from '../keyring';
import { type NetworkDeps, rpcServesChain, saveCustomNetwork, type CustomNetwork, inspectToken, watchToken, type WatchCandidate } from '../networks';
import { createPermissionStore, type PermissionStore } from '../permissions';
import type { AllowlistedFetch, Clock, KeyValueStore, RpcTransport } from '../ports';
import type { ProviderEventName } from '../provider';
import {
  createDiscoveredTokens,
  createRegistry,
  hasAnnouncingFactory,
  type DShareAnswers,
  type DShareReads,
  mergeRegistryData,
  type Registry,
  type RegistryData,
  type RpcRequester,
  type Token,
} from '../registry';
import { contractLabels, createSigning, type Signing } from '../signing';
import { createSiteChecker, EMPTY_PHISHING_LIST, parsePhishingList } from '../sites';
import {
  type ActivityLog,
  type AddressBook,
  createActivityLog,
  createAddressBook,
  createIncomingLog,
  createSettingChangeLog,
  createSettingsStore,
  type SettingChangeLog,
  type Settings,
  type SettingsStore,
  UNLOCKED_FLAG,
} from '../state';
import { createOnchainStandards, createTokenInfoCache, createTokenLookup, type TokenLookup } from '../tokens';
import { createAccess } from './accounts';
import { composeIssuerService } from './issuer-service';
import { answerProviderRequest, createMethodTable, type RequestContext } from './methods';

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

export function createWallet(ports: WalletPorts): Wallet {
  const { clock } = ports;
  const settings = createSettingsStore(ports.local, ports.initialSettings);
  const keys = createKeyManager({ local: ports.local, session: ports.session, clock, kdfIterations: ports.kdfIterations });
  const permissions = createPermissionStore(ports.local);
  const activity = createActivityLog(ports.local);
  const incoming = createIncomingScanner({ log: createIncomingLog(ports.local), clock });
  const contacts = createAddressBook(ports.local);
  const issuerCredentials = createIssuerCredentialStore(ports.local);
  const settingChanges = createSettingChangeLog(ports.local);
  const approvals = createApprovalQueue({ clock, onChange: ports.stateChanged, openWindow: ports.openApproval, store: ports.session });
  const rpcFor = (network: Network): RpcCall => createRpcCall(ports.rpc, async () => network.rpcUrl);
  const rpc: RpcCall = createRpcCall(ports.rpc, async () => (await settings.activeNetwork()).rpcUrl);

  // A restarted service worker picks the vault key back up from storage.session once, and
  // loads the registry and settings the first time a request needs them.
  // Tokens found on chain since (discovered) join the bundled ones.
  let registry: Registry | undefined;
  let restored: Promise<boolean> | undefined;
  const discovered = createDiscoveredTokens({ local: ports.local, clock });
  const withFound = (data: RegistryData, found: Token[]) => (found.length ? mergeRegistryData(data, { issuers: [], tokens: found }) : data);
  const ready = () => {
    restored ??= Promise.all([
      ports.loadRegistry().then(
        async (data) => {
          registry = createRegistry(withFound(data, await discovered.cached().catch(() => [])));
        },
        () => undefined,
      ),
      settings.get(),
    ]).then(() => keys.restore().catch(() => false));
    return restored;
  };
  // ready() has loaded the settings, so watched tokens are read from them as they are now.
  const tokens = createTokenLookup(
    () => registry,
    () => settings.loaded()?.watchedTokens ?? [],
  );
  const tokenInfo = createTokenInfoCache({ known: (chainId, address) => tokens.info(chainId, address) });
  const loadPhishingList = ports.loadPhishingList;
  const checkSite = createSiteChecker(async () => parsePhishingList(loadPhishingList ? await loadPhishingList() : EMPTY_PHISHING_LIST));
  const access = createAccess({
    keys,
    settings,
    settingChanges,
    permissions,
    approvals,
    clock,
    ready,
    emit: ports.emit,
    stateChanged: ports.stateChanged,
    checkSite,
  });
  const approve = (origin: string, kind: ApprovalKind, details: unknown, options?: Pick<RequestOptions, 'parse'>) =>
    approvals.request(origin, kind, details, options);

  const switchChain = async (chainId: number) => {
    if ((await settings.get()).activeChainId === chainId) return;
    await settings.update({ activeChainId: chainId });
    ports.emit(null, 'chainChanged', toHexChainId(chainId));
    ports.stateChanged();
  };

  const signing = createSigning({
    keys,
    clock,
    local: ports.local,
    tokens,
    tokenInfo,
    standards: createOnchainStandards(),
    activeNetwork: () => settings.activeNetwork(),
    rpcFor,
    jurisdiction: async () => (await access.jurisdiction()) ?? '',
    approve,
    requireAccount: access.requireAccount,
    ownAccount: access.ownAccount,
    ready,
    registry: () => registry,
    activity,
    contacts: () => contacts.all(),
    stateChanged: ports.stateChanged,
  });

  const networkDeps: NetworkDeps = {
    settings,
    tokens,
    tokenInfo,
    rpcFor,
    // Reaches an RPC URL that is not configured yet: only to check a network the user is adding.
    probeRpc: (url, method) => createRpcCall(ports.rpc, async () => url)(method),
    approve,
    switchChain,
    stateChanged: ports.stateChanged,
    ready,
  };

  const issuers = composeIssuerService({
    ready,
    registry: () => registry,
    fetch: ports.issuerFetch,
    credentials: (issuerId) => issuerCredentials.get(issuerId),
    rpc,
    settings,
    tokens,
    access,
    signing,
    activity,
    stateChanged: ports.stateChanged,
    unlocked: () => keys.isUnlocked(),
    clock,
    local: ports.local,
  });

  const methods = createMethodTable({ access, settings, signing, networks: networkDeps, rpc, approve, switchChain });

  async function discoverTokens(chainId: number, toBlock: number, rpc: RpcRequester): Promise<void> {
    if (!registry) return;
    const found = await discovered.scan(registry, chainId, rpc, toBlock);
    if (found.length === 0 || !registry) return;
    registry = createRegistry(withFound(registry.data, found));
    ports.stateChanged();
  }

  return {
    settings,
    keys,
    permissions,
    approvals,
    activity,
    incoming,
    contacts,
    settingChanges,
    tokens,
    signing,
    issuers,
    issuerCredentials,
    clock,
    rpc,
    rpcFor,
    local: ports.local,
    dividendDistributors: ports.dividendDistributors ?? {},
    networks: {
      inspectToken: (address) => inspectToken(networkDeps, address),
      watchToken: (token) => watchToken(networkDeps, token),
      rpcServesChain: (url) => rpcServesChain(networkDeps, url),
      saveCustomNetwork: (network) => saveCustomNetwork(networkDeps, network),
    },
    ready,
    registry: () => registry,
    discoverTokens,
    async scanFactories() {
      await ready();
      if (!registry) return;
      const { disabledChainIds, activeChainId } = await settings.get();
      const off = new Set(disabledChainIds);
      const networks = (await settings.networks()).filter(
        (n) => (n.chainId === activeChainId || !off.has(n.chainId)) && registry !== undefined && hasAnnouncingFactory(registry, n.chainId),
      );
      await Promise.all(
        networks.map(async (network) => {
          const call = rpcFor(network);
          const rpc: RpcRequester = { request: ({ method, params }) => call(method, params ? [...params] : []) };
          const block = await call('eth_blockNumber', []).catch(() => undefined);
          if (typeof block !== 'string' || !/^0x[0-9a-fA-F]+$/.test(block)) return;
          await discoverTokens(network.chainId, Number(BigInt(block)), rpc).catch(() => undefined);
        }),
      );
    },
    dShareReads: (chainId) => (registry ? discovered.dShareReads(registry, chainId) : undefined),
    async noteDShares(chainId, answered) {
      if (!registry) return;
      const before = discovered.dShareReads(registry, chainId);
      const found = await discovered.noteDShares(registry, chainId, answered);
      if (found.length > 0 && registry) registry = createRegistry(withFound(registry.data, found));
      // Found dShares show, and newly listed ones are probed, on the next refresh: tell the views.
      if (found.length > 0 || (registry && discovered.dShareReads(registry, chainId) !== before)) ports.stateChanged();
    },
    visibleAccounts: access.visibleAccounts,
    selectedAddress: access.selectedAddress,
    accountsFor: access.accountsFor,
    notifyAccounts: access.notifyAccounts,
    revokeSite: access.revokeSite,
    jurisdiction: access.jurisdiction,
    labelsFor: (chainId, addresses) => contractLabels({ keys, registry: () => registry, contacts: () => contacts.all() }, chainId, addresses),
    switchChain,
    async markUnlocked(unlocked) {
      if (unlocked) await ports.session.set({ [UNLOCKED_FLAG]: true });
      else await ports.session.remove(UNLOCKED_FLAG);
    },
    handleProviderRequest: (ctx, payload) => answerProviderRequest(methods, rpc, ctx, payload),
  };
}
