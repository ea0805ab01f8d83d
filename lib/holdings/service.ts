/**
 * The background's portfolio: reads every registry and watched token of every enabled chain
 * (the active one, and each other network the user did not turn off that has something to
 * read) for every visible account, one Multicall3 batch per chain, the chains in parallel;
 * keeps each chain's last snapshot in storage.local so the popup paints at once, and keeps a
 * chain's last good data (with a notice) when its node fails or answers for another chain,
 * while the other chains still show. The popup asks for a refresh every few seconds while it
 * is open; a chain with no new block since its last read costs one eth_blockNumber, and a
 * chain still being read by an earlier refresh is not waited for by a refresh that reads
 * other chains (its cached data shows).
 * Nothing here runs while no page asks.
 */
import { WalletError } from '../errors';
import {
  corporateActionsOf,
  emptyCorporateActions,
  failedSnapshot,
  type HoldingPrice,
  mergeWithLastGood,
  type PortfolioSnapshot,
  readTokenPrice,
  refreshPortfolio,
} from '../portfolio';
import type { Network } from '../chains';
import type { Clock, KeyValueStore, RpcCall } from '../ports';
import { type DShareAnswers, type DShareReads, type Registry, readChainId, type RpcRequester, type Token } from '../registry';
import type { Settings } from '../state';
import { createSupplyNeeded, type SupplySources } from './backing';
import { type CacheEntry, coverageOf, createSnapshotCache } from './cache';
import { createChainTokens, type PortfolioChain, portfolioChains } from './chains';
import { buildTokenDetail, priceHistoryOf, readTokenState, type TokenDetailView } from './detail';
import { createPayoutCurrencies } from './dividends';
import { findPortfolioToken } from './tokens';
import { buildPortfolioView, type PortfolioResult } from './view';

/** What the portfolio needs from the wallet (the wallet object itself fits). */
export interface HoldingsDeps {
  ready(): Promise<unknown>;
  keys: { isUnlocked(): boolean };
  settings: { get(): Promise<Settings>; activeNetwork(): Promise<Network>; networks(): Promise<Network[]> };
  /** The accounts the user did not hide, in wallet order. */
  visibleAccounts(): Promise<readonly { address: string }[]>;
  /** The user's jurisdiction, as the signing verdict reads it. */
  jurisdiction(): Promise<string | undefined>;
  registry(): Registry | undefined;
  /** Dinari's factory listings and new dShares' metadata, read inside the portfolio batch. */
  dShareReads?(chainId: number): DShareReads | undefined;
  noteDShares?(chainId: number, answered: DShareAnswers): Promise<void>;
  /** JSON-RPC to a network's node. */
  rpcFor(network: Network): RpcCall;
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

export interface PortfolioService {
  /** The cached portfolio of every enabled chain, at once, and whether a refresh is running. */
  get(options?: { account?: string }): Promise<PortfolioResult>;
  /**
   * Reads every enabled chain again (each once per new block unless forced), in parallel;
   * concurrent calls share one read per chain; a chain an earlier call is still reading is
   * shown from its cache rather than waited for, unless this call has no other chain to read.
   */
  refresh(options?: { force?: boolean; account?: string }): Promise<PortfolioResult>;
  /** Everything the token-detail screen shows about one token of a network the wallet knows. */
  detail(params: { chainId: number; address: string; account?: string }): Promise<TokenDetailView & { readError: string | null }>;
  /** The wallet's price of a token now, with its source (feed, or DEX pool and depth); null when it has none. */
  price(params: { chainId: number; address: string }): Promise<HoldingPrice | null>;
}

export function createPortfolioService(wallet: HoldingsDeps, options: PortfolioServiceOptions): PortfolioService {
  const { clock } = options;
  const chainCheckTtlMs = options.chainCheckTtlMs ?? 5 * 60_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const inFlight = new Map<number, Promise<PortfolioSnapshot>>();
  const chainCheckedAt = new Map<string, number>();
  const tokensOn = createChainTokens();
  const supplyNeeded = createSupplyNeeded();

  // One requester (and one payout-currency memo) per network and RPC URL.
  const requesters = new Map<string, { rpc: RpcRequester; payouts: ReturnType<typeof createPayoutCurrencies> }>();
  const nodeOf = (network: Network) => {
    const key = `${network.chainId}@${network.rpcUrl}`;
    let node = requesters.get(key);
    if (!node) {
      const call = wallet.rpcFor(network);
      const rpc: RpcRequester = { request: ({ method, params }) => call(method, params ? [...params] : []) };
      node = { rpc, payouts: createPayoutCurrencies(() => rpc) };
      requesters.set(key, node);
    }
    return node;
  };

  async function context() {
    await wallet.ready();
    if (!wallet.keys.isUnlocked()) throw new WalletError('portfolio.locked', 'Unlock Sharekeep to see your portfolio.');
    const settings = await wallet.settings.get();
    const network = await wallet.settings.activeNetwork();
    const networks = await wallet.settings.networks();
    const accounts = (await wallet.visibleAccounts()).map((a) => a.address);
    const registry = wallet.registry();
    const chainId = network.chainId;
    const chains = portfolioChains(networks, network, settings, (id) => tokensOn(registry, settings.watchedTokens, id));
    const selected = accounts.find((a) => a === settings.selectedAddress) ?? accounts[0];
    return { settings, network, networks, chainId, accounts, selected, registry, chains };
  }
  type Context = Awaited<ReturnType<typeof context>>;

  /** A token of a network the wallet knows (registry or watch list), with that network; else a WalletError saying what to do. */
  function tokenOf(ctx: Context, chainId: number, address: string): { token: Token; network: Network } {
    const network = ctx.networks.find((n) => n.chainId === chainId);
    if (!network) throw new WalletError('portfolio.other_chain', 'Sharekeep does not know this network. Add it first.');
    const token = findPortfolioToken(ctx.registry, ctx.settings.watchedTokens, chainId, address);
    if (!token) throw new WalletError('portfolio.unknown_token', 'Sharekeep does not know this token. Add it first.');
    return { token, network };
  }

  const { readCache, writeCache, saveCache } = createSnapshotCache(wallet.local, clock);

  /** Refuses a node that answers for another chain; a good answer holds for chainCheckTtlMs. */
  async function checkChain(network: Network): Promise<void> {
    const key = `${network.chainId}@${network.rpcUrl}`;
    const checked = chainCheckedAt.get(key);
    if (checked !== undefined && clock.now() - checked < chainCheckTtlMs) return;
    const actual = await readChainId(nodeOf(network).rpc);
    if (actual !== network.chainId) {
      chainCheckedAt.delete(key);
      throw new WalletError(
        'portfolio.wrong_chain',
        `The RPC node answers for chain ${actual}, not ${network.chainId}. Check the network's RPC URL in Settings.`,
      );
    }
    chainCheckedAt.set(key, clock.now());
  }

  /** True when the cached snapshot still describes the chain: same coverage, recent, and no block since. */
  async function cacheIsCurrent(cached: CacheEntry | undefined, coverage: string, rpc: RpcRequester): Promise<boolean> {
    const s = cached?.snapshot;
    if (!s || cached.coverage !== coverage || s.status === 'failed' || s.notice || s.blockNumber === null) return false;
    if (clock.now() - s.fetchedAt >= maxAgeMs) return false;
    const block = await rpc.request({ method: 'eth_blockNumber' });
    return typeof block === 'string' && /^0x[0-9a-fA-F]+$/.test(block) && BigInt(block) === BigInt(s.blockNumber);
  }

  async function runRefresh(ctx: Context, { network, tokens }: PortfolioChain, force: boolean): Promise<PortfolioSnapshot> {
    const { chainId } = network;
    const cached = await readCache(chainId);
    const coverage = coverageOf(ctx.accounts, tokens);
    const { rpc } = nodeOf(network);
    let next: PortfolioSnapshot;
    // What the batch's discovery reads found is noted before the refresh resolves (the wallet then tells the views).
    let noted: Promise<void> | undefined;
    try {
      await checkChain(network);
      const discovery = wallet.dShareReads?.(chainId);
      // Listed dShares still to be probed are read now, not on the next block.
      if (!force && !discovery?.probe.length && (await cacheIsCurrent(cached, coverage, rpc))) return cached!.snapshot;
      next = await refreshPortfolio({
        discovery,
        onDiscovery: (answered) => {
          noted = wallet.noteDShares?.(chainId, answered).catch(() => undefined);
        },
        rpc,
        chainId,
        accounts: ctx.accounts,
        tokens,
        dex: ctx.registry?.dexOn(chainId),
        // A reserve feed of the same token elsewhere reports the issue of every chain: its supply here is read in this batch.
        supplyOf: supplyNeeded(ctx.registry, tokens),
        now: () => clock.now(),
      });
    } catch (err) {
      next = failedSnapshot(chainId, err, clock.now());
    }
    await noted;
    // New xStocks (the factory's NewToken log) are scanned on the background's own alarm
    // (wallet.scanFactories), not here: a refresh costs only its batch.
    const merged = mergeWithLastGood(cached?.snapshot, next);
    // A failure keeps the coverage of the data it shows, so the next refresh reads everything again.
    writeCache(chainId, { coverage: next.status === 'failed' ? (cached?.coverage ?? '') : coverage, snapshot: merged });
    return merged;
  }

  /** Each chain's cached snapshot, for the supply of a token's other chains. */
  async function supplySources(ctx: Context): Promise<SupplySources> {
    const read = new Set(ctx.chains.map(({ network }) => network.chainId));
    const snapshots = new Map<number, PortfolioSnapshot | undefined>();
    await Promise.all([...read].map(async (chainId) => snapshots.set(chainId, (await readCache(chainId))?.snapshot)));
    return { networks: ctx.networks, read, snapshot: (chainId) => snapshots.get(chainId) };
  }

  /** The view for every visible account, or only for `account` when it names one (a smaller message for the popup). */
  async function resultOf(ctx: Context, account?: string): Promise<PortfolioResult> {
    const watched = ctx.settings.watchedTokens;
    const only = account === undefined ? undefined : ctx.accounts.filter((a) => a.toLowerCase() === account.toLowerCase());
    const snapshots = await Promise.all(
      ctx.chains.map(async ({ network }) => ({
        chainId: network.chainId,
        name: network.name,
        snapshot: (await readCache(network.chainId))?.snapshot,
      })),
    );
    const view = buildPortfolioView(snapshots, {
      chainId: ctx.chainId,
      accounts: only ?? ctx.accounts,
      registry: ctx.registry,
      findToken: (chainId, address) => findPortfolioToken(ctx.registry, watched, chainId, address),
      nowMs: clock.now(),
      chainsKnown: { networks: ctx.networks, read: new Set(ctx.chains.map(({ network }) => network.chainId)) },
    });
    const reading = ctx.chains.filter(({ network }) => inFlight.has(network.chainId)).map(({ network }) => network.chainId);
    return { view: { ...view, chains: view.chains.map((c) => ({ ...c, refreshing: reading.includes(c.chainId) })) }, refreshing: reading.length > 0 };
  }

  return {
    async get(options: { account?: string } = {}): Promise<PortfolioResult> {
      return resultOf(await context(), options.account);
    },

    async refresh(refreshOptions: { force?: boolean; account?: string } = {}): Promise<PortfolioResult> {
      const ctx = await context();
      const started: Promise<PortfolioSnapshot>[] = [];
      const joined: Promise<PortfolioSnapshot>[] = [];
      for (const chain of ctx.chains) {
        const { chainId } = chain.network;
        const running = inFlight.get(chainId);
        if (running) {
          joined.push(running);
          continue;
        }
        const read = runRefresh(ctx, chain, refreshOptions.force === true).finally(() => inFlight.delete(chainId));
        inFlight.set(chainId, read);
        started.push(read);
      }
      // A chain an earlier refresh is still reading shows from its cache, so a slow node holds up no
      // other chain; a call that has nothing of its own to read shares the reads under way.
      await Promise.all(started.length > 0 ? started : joined);
      return resultOf(ctx, refreshOptions.account).finally(saveCache);
    },

    async price({ chainId, address }) {
      const ctx = await context();
      const { token, network } = tokenOf(ctx, chainId, address);
      await checkChain(network);
      return readTokenPrice({ rpc: nodeOf(network).rpc, token, dex: ctx.registry?.dexOn(chainId), now: () => clock.now() });
    },

    async detail(params) {
      const ctx = await context();
      const { chainId, address } = params;
      const account = ctx.accounts.find((a) => a.toLowerCase() === params.account?.toLowerCase()) ?? ctx.selected;
      const { token, network } = tokenOf(ctx, chainId, address);
      const { rpc, payouts } = nodeOf(network);

      let readError: string | null = null;
      const readings = await checkChain(network)
        .then(() => readTokenState(rpc, token, account, ctx.registry?.dexOn(chainId)))
        .catch((err: unknown) => {
          readError = err instanceof Error ? err.message : String(err);
          return null;
        });
      const distributors = token.corporateActions === 'balance-per-share' ? (options.dividendDistributors?.[chainId] ?? []) : [];
      const [corporateActions, priceHistory] = await Promise.all([
        readings
          ? corporateActionsOf(rpc, token, { account, distributors, toBlock: readings.blockNumber ?? undefined, now: () => clock.now() })
          : emptyCorporateActions(),
        priceHistoryOf(rpc, token, readings),
      ]);
      const [dividendCurrencies, announcedCurrencies] = await Promise.all([
        Promise.all(corporateActions.dividends.map((d) => payouts.of(chainId, d.contract, d.distributionId))),
        // A reclaimed distribution names no token any more: its currency is unknown.
        Promise.all(corporateActions.announced.map((d) => (d.reclaimed ? null : payouts.of(chainId, d.contract, d.distributionId)))),
      ]);
      const view = buildTokenDetail({
        token,
        registry: ctx.registry,
        jurisdiction: await wallet.jurisdiction(),
        account,
        readings,
        corporateActions,
        dividendCurrencies,
        announcedCurrencies,
        priceHistory,
        nowMs: clock.now(),
        supplySources: await supplySources(ctx),
      });
      return { ...view, readError };
    },
  };
}
