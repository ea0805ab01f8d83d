/**
 * The background's portfolio: reads every registry and watched token of the active chain
 * for every visible account in one Multicall3 batch, keeps the last snapshot in
 * storage.local so the popup paints at once, and keeps the last good data (with a notice)
 * when the node fails or answers for another chain. The popup asks for a refresh every few
 * seconds while it is open; a refresh with no new block since the last one costs one
 * eth_blockNumber. Nothing here runs while no page asks.
 */
import { WalletError } from '../errors';
import {
  emptyCorporateActions,
  failedSnapshot,
  type HoldingPrice,
  mergeWithLastGood,
  type PortfolioSnapshot,
  parsePortfolioSnapshot,
  readTokenPrice,
  refreshPortfolio,
} from '../portfolio';
import type { Network } from '../chains';
import type { Clock, KeyValueStore, RpcCall } from '../ports';
import { type Registry, readChainId, type RpcRequester, type Token } from '../registry';
import type { Settings } from '../state';
import { buildTokenDetail, corporateActionsOf, readTokenState, type TokenDetailView } from './detail';
import { createPayoutCurrencies } from './dividends';
import { findPortfolioToken, portfolioTokens } from './tokens';
import { buildPortfolioView, type PortfolioResult } from './view';

/** What the portfolio needs from the wallet (the wallet object itself fits). */
export interface HoldingsDeps {
  ready(): Promise<unknown>;
  keys: { isUnlocked(): boolean };
  settings: { get(): Promise<Settings>; activeNetwork(): Promise<Network> };
  /** The accounts the user did not hide, in wallet order. */
  visibleAccounts(): Promise<readonly { address: string }[]>;
  /** The user's jurisdiction, as the signing verdict reads it. */
  jurisdiction(): Promise<string | undefined>;
  registry(): Registry | undefined;
  /** Looks for tokens the issuers' factories announced up to that block (the wallet throttles it). */
  discoverTokens?(chainId: number, toBlock: number, rpc: RpcRequester): Promise<void>;
  /** JSON-RPC to the active network's node. */
  rpc: RpcCall;
  /** storage.local, for the last snapshot per chain. */
  local: KeyValueStore;
  dividendDistributors?: Readonly<Record<number, readonly string[]>>;
}

export interface PortfolioServiceOptions {
  clock: Clock;
  /** Contracts that pay dShare dividends (emit Distributed), per chain id. */
  dividendDistributors?: Readonly<Record<number, readonly string[]>>;
  /** How long a check of the node's chain id holds, ms (default 5 minutes). */
  chainCheckTtlMs?: number;
  /** A snapshot older than this is read again even without a new block, ms (default 60 s). */
  maxAgeMs?: number;
}

interface CacheEntry {
  /** Which accounts and tokens the snapshot covers. */
  coverage: string;
  snapshot: PortfolioSnapshot;
}

export interface PortfolioService {
  /** The cached portfolio of the active chain, at once, and whether a refresh is running. */
  get(options?: { account?: string }): Promise<PortfolioResult>;
  /** Reads the chain again (once per new block unless forced); concurrent calls share one read. */
  refresh(options?: { force?: boolean; account?: string }): Promise<PortfolioResult>;
  /** Everything the token-detail screen shows about one token of the active chain. */
  detail(params: { chainId: number; address: string; account?: string }): Promise<TokenDetailView & { readError: string | null }>;
  /** The wallet's price of a token of the active chain now, with its source (feed, or DEX pool and depth); null when it has none. */
  price(params: { chainId: number; address: string }): Promise<HoldingPrice | null>;
}

export const PORTFOLIO_CACHE_PREFIX = 'portfolio.snapshot.';

/** FNV-1a over the covered addresses: a short key that changes when an account or token is added. */
function coverageOf(accounts: readonly string[], tokens: readonly Token[]): string {
  let hash = 0x811c9dc5;
  const text = [...accounts, '|', ...tokens.map((t) => t.address)].join(',').toLowerCase();
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${accounts.length}:${tokens.length}:${hash.toString(16)}`;
}

export function createPortfolioService(wallet: HoldingsDeps, options: PortfolioServiceOptions): PortfolioService {
  const { clock } = options;
  const chainCheckTtlMs = options.chainCheckTtlMs ?? 5 * 60_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const rpc: RpcRequester = { request: ({ method, params }) => wallet.rpc(method, params ? [...params] : []) };
  const inFlight = new Map<number, Promise<PortfolioSnapshot>>();
  const chainCheckedAt = new Map<string, number>();
  const payouts = createPayoutCurrencies(() => rpc);

  // The same token list (same array) while the registry and watch list stay: the refresh reuses its encoded batch.
  let lastTokens: { key: readonly unknown[]; tokens: Token[] } | undefined;
  const tokensFor = (registry: Registry | undefined, watched: Settings['watchedTokens'], chainId: number) => {
    const key = [registry, watched, chainId];
    if (!lastTokens || lastTokens.key.some((k, i) => k !== key[i])) lastTokens = { key, tokens: portfolioTokens(registry, watched, chainId) };
    return lastTokens.tokens;
  };

  async function context() {
    await wallet.ready();
    if (!wallet.keys.isUnlocked()) throw new WalletError('portfolio.locked', 'Unlock Sharekeep to see your portfolio.');
    const settings = await wallet.settings.get();
    const network = await wallet.settings.activeNetwork();
    const accounts = (await wallet.visibleAccounts()).map((a) => a.address);
    const registry = wallet.registry();
    const chainId = network.chainId;
    const tokens = tokensFor(registry, settings.watchedTokens, chainId);
    const selected = accounts.find((a) => a === settings.selectedAddress) ?? accounts[0];
    return { settings, network, chainId, accounts, selected, registry, tokens };
  }
  type Context = Awaited<ReturnType<typeof context>>;

  /** A token of the active chain the wallet knows (registry or watch list), else a WalletError saying what to do. */
  function tokenOf(ctx: Context, chainId: number, address: string): Token {
    if (chainId !== ctx.chainId) throw new WalletError('portfolio.other_chain', "Switch to that token's network to see its details.");
    const token = findPortfolioToken(ctx.registry, ctx.settings.watchedTokens, chainId, address);
    if (!token) throw new WalletError('portfolio.unknown_token', 'Sharekeep does not know this token. Add it first.');
    return token;
  }

  const cacheKey = (chainId: number) => `${PORTFOLIO_CACHE_PREFIX}${chainId}`;

  // The last entry per chain stays in memory: storage is read (and schema-checked) once per worker start.
  const remembered = new Map<number, CacheEntry>();

  async function readCache(chainId: number): Promise<CacheEntry | undefined> {
    const known = remembered.get(chainId);
    if (known) return known;
    const entry = await wallet.local.get<{ coverage?: unknown; snapshot?: unknown }>(cacheKey(chainId));
    const snapshot = parsePortfolioSnapshot(entry?.snapshot);
    const parsed = snapshot && typeof entry?.coverage === 'string' ? { coverage: entry.coverage, snapshot } : undefined;
    if (parsed) remembered.set(chainId, parsed);
    return parsed;
  }

  /** Remembers at once; the storage write (for the next worker start) does not hold up the answer. */
  function writeCache(chainId: number, entry: CacheEntry): void {
    remembered.set(chainId, entry);
    // Serialising a large snapshot is synchronous work: do it after the answer has gone out.
    void clock.sleep(0).then(() => wallet.local.set({ [cacheKey(chainId)]: entry }).catch(() => undefined));
  }

  /** Refuses a node that answers for another chain; a good answer holds for chainCheckTtlMs. */
  async function checkChain(ctx: Context): Promise<void> {
    const key = `${ctx.chainId}@${ctx.network.rpcUrl}`;
    const checked = chainCheckedAt.get(key);
    if (checked !== undefined && clock.now() - checked < chainCheckTtlMs) return;
    const actual = await readChainId(rpc);
    if (actual !== ctx.chainId) {
      chainCheckedAt.delete(key);
      throw new WalletError(
        'portfolio.wrong_chain',
        `The RPC node answers for chain ${actual}, not ${ctx.chainId}. Check the network's RPC URL in Settings.`,
      );
    }
    chainCheckedAt.set(key, clock.now());
  }

  /** True when the cached snapshot still describes the chain: same coverage, recent, and no block since. */
  async function cacheIsCurrent(cached: CacheEntry | undefined, coverage: string): Promise<boolean> {
    const s = cached?.snapshot;
    if (!s || cached.coverage !== coverage || s.status === 'failed' || s.notice || s.blockNumber === null) return false;
    if (clock.now() - s.fetchedAt >= maxAgeMs) return false;
    const block = await rpc.request({ method: 'eth_blockNumber' });
    return typeof block === 'string' && /^0x[0-9a-fA-F]+$/.test(block) && BigInt(block) === BigInt(s.blockNumber);
  }

  async function runRefresh(ctx: Context, force: boolean): Promise<PortfolioSnapshot> {
    const cached = await readCache(ctx.chainId);
    const coverage = coverageOf(ctx.accounts, ctx.tokens);
    let next: PortfolioSnapshot;
    try {
      await checkChain(ctx);
      if (!force && (await cacheIsCurrent(cached, coverage))) return cached!.snapshot;
      next = await refreshPortfolio({
        rpc,
        chainId: ctx.chainId,
        accounts: ctx.accounts,
        tokens: ctx.tokens,
        dex: ctx.registry?.dexOn(ctx.chainId),
        now: () => clock.now(),
      });
    } catch (err) {
      next = failedSnapshot(ctx.chainId, err, clock.now());
    }
    // New tokens of the issuers' factories, up to the block just read: shown from the next refresh on.
    if (next.blockNumber !== null) void wallet.discoverTokens?.(ctx.chainId, Number(next.blockNumber), rpc).catch(() => undefined);
    const merged = mergeWithLastGood(cached?.snapshot, next);
    // A failure keeps the coverage of the data it shows, so the next refresh reads everything again.
    writeCache(ctx.chainId, { coverage: next.status === 'failed' ? (cached?.coverage ?? '') : coverage, snapshot: merged });
    return merged;
  }

  /** The view for every visible account, or only for `account` when it names one (a smaller message for the popup). */
  function resultOf(ctx: Context, snapshot: PortfolioSnapshot | undefined, account?: string): PortfolioResult {
    const watched = ctx.settings.watchedTokens;
    const only = account === undefined ? undefined : ctx.accounts.filter((a) => a.toLowerCase() === account.toLowerCase());
    return {
      view: buildPortfolioView(snapshot, {
        chainId: ctx.chainId,
        accounts: only ?? ctx.accounts,
        registry: ctx.registry,
        findToken: (address) => findPortfolioToken(ctx.registry, watched, ctx.chainId, address),
        nowMs: clock.now(),
      }),
      refreshing: inFlight.has(ctx.chainId),
    };
  }

  return {
    /** The cached portfolio of the active chain, at once, and whether a refresh is running. */
    async get(options: { account?: string } = {}): Promise<PortfolioResult> {
      const ctx = await context();
      return resultOf(ctx, (await readCache(ctx.chainId))?.snapshot, options.account);
    },

    /** Reads the chain again (once per new block unless forced); concurrent calls share one read. */
    async refresh(refreshOptions: { force?: boolean; account?: string } = {}): Promise<PortfolioResult> {
      const ctx = await context();
      let running = inFlight.get(ctx.chainId);
      if (!running) {
        running = runRefresh(ctx, refreshOptions.force === true).finally(() => inFlight.delete(ctx.chainId));
        inFlight.set(ctx.chainId, running);
      }
      const snapshot = await running;
      return resultOf(ctx, snapshot, refreshOptions.account);
    },

    async price({ chainId, address }) {
      const ctx = await context();
      const token = tokenOf(ctx, chainId, address);
      await checkChain(ctx);
      return readTokenPrice({ rpc, token, dex: ctx.registry?.dexOn(chainId), now: () => clock.now() });
    },

    /** Everything the token-detail screen shows about one token of the active chain. */
    async detail(params) {
      const ctx = await context();
      const { chainId, address } = params;
      const account = ctx.accounts.find((a) => a.toLowerCase() === params.account?.toLowerCase()) ?? ctx.selected;
      const token = tokenOf(ctx, chainId, address);

      let readError: string | null = null;
      const readings = await checkChain(ctx)
        .then(() => readTokenState(rpc, token, account, ctx.registry?.dexOn(chainId)))
        .catch((err: unknown) => {
          readError = err instanceof Error ? err.message : String(err);
          return null;
        });
      const distributors = token.corporateActions === 'balance-per-share' ? (options.dividendDistributors?.[chainId] ?? []) : [];
      const corporateActions = readings
        ? await corporateActionsOf(rpc, token, { account, distributors, now: () => clock.now() })
        : emptyCorporateActions();
      const dividendCurrencies = await Promise.all(corporateActions.dividends.map((d) => payouts.of(chainId, d.contract, d.distributionId)));
      const view = buildTokenDetail({
        token,
        registry: ctx.registry,
        jurisdiction: await wallet.jurisdiction(),
        account,
        readings,
        corporateActions,
        dividendCurrencies,
        nowMs: clock.now(),
      });
      return { ...view, readError };
    },
  };
}
