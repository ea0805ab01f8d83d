/**
 * The wallet core: the provider method table, key custody, permissions, approvals,
 * networks and activity behind one object. The background builds it with browser ports;
 * tests build it with in-memory ones.
 */
import { type Address, getAddress, isAddress } from 'viem';
import { createApprovalQueue, type ApprovalKind } from '../approvals';
import { parseChainId, toHexChainId } from '../chains';
import { ProviderRpcError, RpcErrorCode, rpcErrors } from '../errors';
import { createKeyManager, type KeyManager, type PublicAccount } from '../keyring';
import { createPermissionStore, toEip2255 } from '../permissions';
import type { AllowlistedFetch, Clock, KeyValueStore, RpcTransport } from '../ports';
import { createRegistry, type Registry, type RegistryData } from '../registry';
import type { ProviderEventName } from '../provider/protocol';
import { createActivityLog } from '../state/activity';
import { parseProviderRequest, positional } from './provider-request';
import { createRpcCall, type RpcCall } from '../chains/rpc-client';
import { createSettingsStore, type Settings } from '../state/settings';
import { createSigningFlows } from '../signing/flows';
import { createTokenLookup } from '../tokens/token-lookup';
import { UNLOCKED_FLAG } from '../state/flags';

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
  /** Contracts that pay dShare dividends, per chain id (a devnet build names its distributor). */
  dividendDistributors?: Readonly<Record<number, readonly string[]>>;
  kdfIterations?: number;
  initialSettings?: Partial<Settings>;
}

export interface RequestContext {
  /** The requesting site, from the browser's sender info, never from the message. */
  origin: string;
}

/** Read-only methods answered by the active network's node. */
const PASSTHROUGH = new Set([
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_getBalance',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getBlockTransactionCountByHash',
  'eth_getBlockTransactionCountByNumber',
  'eth_getCode',
  'eth_getLogs',
  'eth_getProof',
  'eth_getStorageAt',
  'eth_getTransactionByBlockHashAndIndex',
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
  'eth_getUncleCountByBlockHash',
  'eth_getUncleCountByBlockNumber',
  'eth_maxPriorityFeePerGas',
  'eth_protocolVersion',
  'eth_syncing',
  'net_listening',
  'web3_clientVersion',
  'eth_blobBaseFee',
]);

type Handler = (ctx: RequestContext, params: unknown[]) => Promise<unknown>;

export type Wallet = ReturnType<typeof createWallet>;

export function createWallet(ports: WalletPorts) {
  const { clock } = ports;
  const settings = createSettingsStore(ports.local, ports.initialSettings);
  const keys: KeyManager = createKeyManager({ local: ports.local, session: ports.session, clock, kdfIterations: ports.kdfIterations });
  const permissions = createPermissionStore(ports.local);
  const activity = createActivityLog(ports.local);
  const approvals = createApprovalQueue({ clock, onChange: ports.stateChanged, openWindow: ports.openApproval });
  const rpc: RpcCall = createRpcCall(ports.rpc, async () => (await settings.activeNetwork()).rpcUrl);

  // A restarted service worker picks the vault key back up from storage.session once, and
  // loads the registry and settings the first time a request needs them.
  let registry: Registry | undefined;
  let restored: Promise<boolean> | undefined;
  const ready = () => {
    restored ??= Promise.all([
      ports.loadRegistry().then(
        (data) => {
          registry = createRegistry(data);
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

  const visibleAccounts = async (): Promise<PublicAccount[]> => (await keys.listAccounts()).filter((a) => !a.hidden);

  const selectedAddress = async (): Promise<string | undefined> => {
    const accounts = await visibleAccounts();
    const chosen = (await settings.get()).selectedAddress;
    return accounts.find((a) => a.address === chosen)?.address ?? accounts[0]?.address;
  };

  /** What eth_accounts answers a site: its granted accounts, selected first; nothing while locked. */
  const accountsFor = async (origin: string): Promise<string[]> => {
    await ready();
    if (!keys.isUnlocked()) return [];
    const grant = await permissions.get(origin);
    if (!grant) return [];
    const known = new Set((await keys.listAccounts()).map((a) => a.address.toLowerCase()));
    const granted = grant.accounts.filter((a) => known.has(a.toLowerCase()));
    const selected = await selectedAddress();
    return selected && granted.includes(selected) ? [selected, ...granted.filter((a) => a !== selected)] : granted;
  };

  /** Tells every connected site (and `formerSites`, whose grant just went) which accounts it now sees. */
  const notifyAccounts = async (formerSites: string[] = []) => {
    const origins = new Set([...(await permissions.list()).map((site) => site.origin), ...formerSites]);
    for (const origin of origins) ports.emit(origin, 'accountsChanged', await accountsFor(origin));
  };

  /** Disconnects a site, from the site itself or from settings; the site is told it sees no account. */
  const revokeSite = async (origin: string): Promise<boolean> => {
    if (!(await permissions.revoke(origin))) return false;
    ports.emit(origin, 'accountsChanged', []);
    ports.stateChanged();
    return true;
  };

  const permissionsOf = async (origin: string) => {
    const grant = await permissions.get(origin);
    return grant ? [toEip2255(grant)] : [];
  };

  const requireAccount = async (origin: string, address: unknown): Promise<Address> => {
    if (typeof address !== 'string' || !isAddress(address, { strict: false })) throw rpcErrors.invalidParams('Expected an account address.');
    const accounts = await accountsFor(origin);
    const match = accounts.find((a) => a.toLowerCase() === address.toLowerCase());
    if (!match) throw rpcErrors.unauthorized();
    return getAddress(match);
  };

  const approve = (origin: string, kind: ApprovalKind, details: unknown, options?: { onePerOrigin?: boolean }) =>
    approvals.request(origin, kind, details, options);

  const connect = async (origin: string): Promise<string[]> => {
    await ready();
    const existing = await accountsFor(origin);
    if (existing.length) return existing;
    const chosen = (await approve(origin, 'connect', { origin }, { onePerOrigin: true })) as { accounts?: string[] } | undefined;
    const accounts = await visibleAccounts();
    const selection = (chosen?.accounts ?? []).filter((a) => accounts.some((x) => x.address === a));
    const granted = selection.length ? selection : [(await selectedAddress()) ?? ''].filter(Boolean);
    if (!granted.length) throw rpcErrors.userRejected('No account to connect.');
    await permissions.grant(origin, granted, clock.now());
    ports.stateChanged();
    const result = await accountsFor(origin);
    ports.emit(origin, 'accountsChanged', result);
    return result;
  };

  const switchChain = async (chainId: number) => {
    const current = (await settings.get()).activeChainId;
    if (current === chainId) return;
    await settings.update({ activeChainId: chainId });
    ports.emit(null, 'chainChanged', toHexChainId(chainId));
    ports.stateChanged();
  };

  /** Reaches an RPC URL that is not configured yet: only to check a network the user is adding. */
  const probeRpc = (url: string, method: string) => createRpcCall(ports.rpc, async () => url)(method);

  const signing = createSigningFlows({
    keys,
    settings,
    rpc,
    activity,
    clock,
    approve,
    requireAccount,
    tokens,
    local: ports.local,
    ready,
    stateChanged: ports.stateChanged,
    probeRpc,
  });

  const methods: Record<string, Handler> = {
    eth_chainId: async () => toHexChainId((await settings.get()).activeChainId),
    net_version: async () => String((await settings.get()).activeChainId),
    eth_accounts: async (ctx) => accountsFor(ctx.origin),
    eth_coinbase: async (ctx) => (await accountsFor(ctx.origin))[0] ?? null,
    eth_requestAccounts: async (ctx) => connect(ctx.origin),
    wallet_requestPermissions: async (ctx, params) => {
      const wanted = params[0];
      if (typeof wanted !== 'object' || wanted === null || !Object.hasOwn(wanted, 'eth_accounts') || Object.keys(wanted).length !== 1) {
        throw rpcErrors.invalidParams('Sharekeep grants the "eth_accounts" permission only.');
      }
      await connect(ctx.origin);
      return permissionsOf(ctx.origin);
    },
    wallet_getPermissions: async (ctx) => permissionsOf(ctx.origin),
    wallet_revokePermissions: async (ctx, params) => {
      const wanted = params[0];
      if (typeof wanted !== 'object' || wanted === null || !Object.hasOwn(wanted, 'eth_accounts'))
        throw rpcErrors.invalidParams('Expected {"eth_accounts": {}}.');
      await revokeSite(ctx.origin);
      return null;
    },
    wallet_switchEthereumChain: async (ctx, params) => {
      const requested = params[0] as { chainId?: unknown } | undefined;
      const chainId = parseChainId(requested?.chainId);
      if (!chainId || typeof requested?.chainId !== 'string') throw rpcErrors.invalidParams('Expected {chainId} as a 0x-prefixed hex string.');
      const network = await settings.network(chainId);
      if (!network) throw rpcErrors.unrecognizedChain(requested.chainId);
      if ((await settings.get()).activeChainId === chainId) return null;
      await approve(ctx.origin, 'switch-chain', { chainId, name: network.name, rpcUrl: network.rpcUrl });
      await switchChain(chainId);
      return null;
    },
    wallet_addEthereumChain: async (ctx, params) => signing.addChain(ctx.origin, params, switchChain),
    wallet_watchAsset: async (ctx, params) => signing.watchAsset(ctx.origin, params),
    personal_sign: async (ctx, params) => signing.personalSign(ctx.origin, params),
    eth_signTypedData_v3: async (ctx, params) => signing.signTypedData(ctx.origin, params, 'V3'),
    eth_signTypedData_v4: async (ctx, params) => signing.signTypedData(ctx.origin, params, 'V4'),
    eth_sendTransaction: async (ctx, params) => signing.sendTransaction(ctx.origin, params),
    eth_sign: async () => {
      throw new ProviderRpcError(
        RpcErrorCode.unsupportedMethod,
        'eth_sign is refused: it signs an opaque hash that could be a transaction. Use personal_sign or eth_signTypedData_v4.',
      );
    },
  };

  return {
    settings,
    keys,
    permissions,
    approvals,
    activity,
    rpc,
    issuerFetch: ports.issuerFetch,
    ready,
    accountsFor,
    notifyAccounts,
    revokeSite,
    switchChain,
    signing,
    selectedAddress,
    tokens,
    registry: () => registry,
    /** storage.local, for caches of other services (the portfolio snapshot). */
    local: ports.local,
    dividendDistributors: ports.dividendDistributors ?? {},

    /**
     * A non-secret flag in storage.session that wallet pages read before painting cached data:
     * after a browser restart (session storage cleared) a cached "unlocked" view is not shown.
     */
    async markUnlocked(unlocked: boolean) {
      if (unlocked) await ports.session.set({ [UNLOCKED_FLAG]: true });
      else await ports.session.remove(UNLOCKED_FLAG);
    },

    /** Every page request lands here; it answers with a result or throws an EIP-1193 error. */
    async handleProviderRequest(ctx: RequestContext, payload: unknown): Promise<unknown> {
      const request = parseProviderRequest(payload);
      const params = positional(request.params);
      const handler = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
      if (handler) return handler(ctx, params);
      if (PASSTHROUGH.has(request.method)) return rpc(request.method, params);
      throw rpcErrors.unsupportedMethod(request.method);
    },
  };
}
