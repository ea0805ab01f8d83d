/**
 * The composition root: builds every part of the wallet from its ports and wires them together.
 * The background builds it with browser ports; tests build it with in-memory ones. The rules
 * live in the parts; this file only connects them.
 */
import { createIncomingScanner } from '../activity-scan';
import { type ApprovalKind, createApprovalQueue, type RequestOptions } from '../approvals';
import { createRpcCall, type Network, type RpcCall, toHexChainId } from '../chains';
import { createIssuerCredentialStore } from '../issuers';
import { createKeyManager } from '../keyring';
import { type NetworkDeps, rpcServesChain, saveCustomNetwork, inspectToken, watchToken } from '../networks';
import { createPermissionStore } from '../permissions';
import {
  createDiscoveredTokens,
  createRegistry,
  hasAnnouncingFactory,
  mergeRegistryData,
  type Registry,
  type RegistryData,
  type RpcRequester,
  type Token,
} from '../registry';
import { contractLabels, createSigning } from '../signing';
import { createSiteChecker, EMPTY_PHISHING_LIST, parsePhishingList } from '../sites';
import { createActivityLog, createAddressBook, createIncomingLog, createSettingChangeLog, createSettingsStore, UNLOCKED_FLAG } from '../state';
import { createOnchainStandards, createTokenInfoCache, createTokenLookup } from '../tokens';
import { createAccess } from './accounts';
import { composeIssuerService } from './issuer-service';
import { answerProviderRequest, createMethodTable } from './methods';
import type { Wallet, WalletPorts } from './wallet-types';

export type { Wallet, WalletNetworks, WalletPorts } from './wallet-types';

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
