/**
 * What the popup's portfolio screen shows: the cached snapshot with each holding named
 * from the registry, prices re-judged against the clock (a cached price gets older, and
 * the market opens and closes), and a total per account.
 */
import {
  computeBackingRatio,
  DEFAULT_HEARTBEAT_SECONDS,
  DEX_MARKET,
  type Holding,
  type MarketState,
  marketStatus,
  type PortfolioIssue,
  type PortfolioSnapshot,
  priceStatus,
  VALUE_DECIMALS,
} from '../portfolio';
import { type Imitation, imitationLabel } from '../names';
import { FOUND_ON_CHAIN_LABEL, type FeedKind, imitationOf, priceFeedOf, type Registry, type Token, unverifiedFeeds } from '../registry';
import { type BackingCoverage, familySupplyOf, type SupplySources } from './backing';

/**
 * A holding's backing: the reserve feed against the supply summed over the chains of the
 * token's family (`supply`), with which chains that sum covers; `coverage` is absent when the
 * other chains were not looked at (no registry family known).
 */
export type HoldingBacking = NonNullable<Holding['backing']> & { coverage?: BackingCoverage };

export interface HoldingView extends Omit<Holding, 'price' | 'backing'> {
  name: string;
  /** The token is in the bundled registry (else the user added it). */
  listed: boolean;
  /** The registry's facts about it were checked against a primary source. */
  verified: boolean;
  underlying: { ticker: string; name: string } | null;
  /** For a token outside the registry: the symbol it imitates (a registry token's or a well-known one). */
  lookalikeOf?: string;
  /** What it imitates, with the registry token's address when it is one. */
  imitation?: Imitation;
  /** How the wallet names it: never as the token it imitates. */
  label: string;
  /** Set for a token found on chain, not bundled: "found on chain via the issuer's factory". */
  foundOnChain?: string;
  /** The feeds behind its price, shares or backing that the registry marks unverified; absent when none is. */
  unverifiedFeeds?: FeedKind[];
  backing: HoldingBacking | null;
  /** The price with its age now; `source` is always set ('feed' or 'dex'). */
  price: (NonNullable<Holding['price']> & { ageSeconds: number; source: 'feed' | 'dex' }) | null;
}

/** A sum of holdings' USD values and how many holdings it leaves out for want of a value. */
export interface PortfolioTotal {
  /** Sum of the holdings' USD values, VALUE_DECIMALS decimals. */
  totalValue: string;
  /** Some holding has no value (no price feed or no underlying amount). */
  totalIncomplete: boolean;
  /** How many holdings the total leaves out for want of a value. */
  unpricedCount: number;
}

export interface PortfolioAccountView extends PortfolioTotal {
  address: string;
  /** Holdings of every chain read, each naming its chain in `token.chainId`. */
  holdings: HoldingView[];
  /** The same total per chain, for a view filtered to one chain (chains without holdings are absent). */
  byChain: (PortfolioTotal & { chainId: number })[];
}

/** One network's part of the portfolio: when it was read, and whether that worked. */
export interface PortfolioChainView {
  chainId: number;
  name: string;
  fetchedAt: number | null;
  blockNumber: string | null;
  status: PortfolioSnapshot['status'] | 'empty';
  /** Set when its holdings are older than its last refresh (the node failed or answered for another chain). */
  notice?: PortfolioSnapshot['notice'];
  errors: PortfolioIssue[];
  /** A refresh is reading it now. */
  refreshing?: boolean;
}

export interface PortfolioView {
  /** The active chain. */
  chainId: number;
  /** When the least recently read chain was read; null before the first refresh. */
  fetchedAt: number | null;
  /** The active chain's block. */
  blockNumber: string | null;
  /** empty: nothing read yet; failed: no chain answered; partial: some chain or read failed; ok: all answered. */
  status: PortfolioSnapshot['status'] | 'empty';
  market: { status: MarketState; nextOpen: number | null; holiday?: string };
  /** The active chain's notice (each chain's is in `chains`). */
  notice?: PortfolioSnapshot['notice'];
  /** Every chain's issues. */
  errors: PortfolioIssue[];
  /** The chains read, the active one first. */
  chains: PortfolioChainView[];
  accounts: PortfolioAccountView[];
  valueDecimals: number;
}

export interface PortfolioResult {
  view: PortfolioView;
  /** A refresh is under way; the view may change soon. */
  refreshing: boolean;
}

/** The row's backing over the token's family; the chain's own ratio when the other chains were not given. */
function familyBacking(
  h: Holding,
  token: Token | undefined,
  registry: Registry | undefined,
  sources: SupplySources | undefined,
): HoldingBacking | null {
  const backing = h.backing;
  if (!backing || !token || !sources) return backing;
  const { summed, coverage } = familySupplyOf(registry, token, BigInt(backing.supply), sources);
  const ratio = computeBackingRatio(BigInt(backing.reserves), backing.reservesDecimals, summed.supply, summed.decimals);
  return { ...backing, supply: summed.supply.toString(), ratioBps: ratio === null ? null : ratio.toString(), coverage };
}

function holdingView(
  h: Holding,
  token: Token | undefined,
  registry: Registry | undefined,
  market: { status: MarketState },
  nowMs: number,
  sources?: SupplySources,
): HoldingView {
  const listed = token !== undefined && registry?.findToken(token.chainId, token.address) !== undefined;
  const imitation = listed ? undefined : imitationOf(registry, h.token.chainId, h.token.address, { symbol: h.token.symbol, name: token?.name });
  const source = h.price?.source ?? 'feed';
  // A DEX price is read at refresh time and a pool trades around the clock: judged by age alone.
  const heartbeat = source === 'feed' ? (priceFeedOf(token)?.feed.heartbeat ?? DEFAULT_HEARTBEAT_SECONDS) : DEFAULT_HEARTBEAT_SECONDS;
  const price = h.price && { ...h.price, ...priceStatus(h.price.updatedAt, heartbeat, source === 'dex' ? DEX_MARKET : market, nowMs) };
  const unverified = listed ? unverifiedFeeds(token) : [];
  // The holding's fields named one by one, not spread: a spread followed by more fields is several
  // times slower in V8, and a view has a row for every token of every chain.
  return {
    token: h.token,
    amount: h.amount,
    underlyingAmount: h.underlyingAmount,
    corporateActions: h.corporateActions,
    factor: h.factor,
    value: h.value,
    valueDecimals: h.valueDecimals,
    unavailable: h.unavailable,
    ...(h.fromLastGood ? { fromLastGood: h.fromLastGood } : {}),
    backing: familyBacking(h, token, registry, sources),
    name: token?.name ?? h.token.symbol,
    listed,
    verified: listed && token.verified,
    underlying: token?.underlying ? { ticker: token.underlying.ticker, name: token.underlying.name } : null,
    ...(imitation ? { lookalikeOf: imitation.of, imitation } : {}),
    label: imitationLabel(h.token.symbol, imitation),
    ...(listed && token.discovery ? { foundOnChain: FOUND_ON_CHAIN_LABEL } : {}),
    ...(unverified.length > 0 ? { unverifiedFeeds: unverified } : {}),
    price: price
      ? {
          answer: price.answer,
          decimals: price.decimals,
          updatedAt: price.updatedAt,
          status: price.status,
          reasons: price.reasons,
          ageSeconds: price.ageSeconds,
          source,
          ...(price.per ? { per: price.per } : {}),
          ...(price.dex ? { dex: price.dex } : {}),
        }
      : null,
  };
}

export function emptyPortfolioView(chainId: number, nowMs: number): PortfolioView {
  const market = marketStatus(nowMs);
  return {
    chainId,
    fetchedAt: null,
    blockNumber: null,
    status: 'empty',
    market: { status: market.status, nextOpen: market.nextOpen, ...(market.holiday ? { holiday: market.holiday } : {}) },
    errors: [],
    chains: [],
    accounts: [],
    valueDecimals: VALUE_DECIMALS,
  };
}

export function totalOf(holdings: readonly HoldingView[]): PortfolioTotal {
  const totalValue = holdings.reduce((sum, h) => sum + (h.value === null ? 0n : BigInt(h.value)), 0n);
  const unpricedCount = holdings.filter((h) => h.value === null).length;
  return { totalValue: totalValue.toString(), totalIncomplete: unpricedCount > 0, unpricedCount };
}

/** A chain's snapshot (undefined before its first refresh) with the network's name. */
export interface ChainSnapshot {
  chainId: number;
  name: string;
  snapshot: PortfolioSnapshot | undefined;
}

function chainView({ chainId, name, snapshot }: ChainSnapshot): PortfolioChainView {
  if (!snapshot || snapshot.chainId !== chainId) return { chainId, name, fetchedAt: null, blockNumber: null, status: 'empty', errors: [] };
  return {
    chainId,
    name,
    fetchedAt: snapshot.fetchedAt,
    blockNumber: snapshot.blockNumber,
    status: snapshot.status,
    ...(snapshot.notice ? { notice: snapshot.notice } : {}),
    errors: snapshot.errors,
  };
}

function overallStatus(chains: readonly PortfolioChainView[]): PortfolioView['status'] {
  const read = chains.filter((c) => c.status !== 'empty');
  if (read.length === 0) return 'empty';
  if (read.every((c) => c.status === 'failed')) return 'failed';
  return chains.every((c) => c.status === 'ok') ? 'ok' : 'partial';
}

/**
 * The view of every chain's snapshot for the accounts the user sees now (an account hidden
 * since the refresh drops out), the active chain first. `findToken` names tokens from the
 * registry or the watch list.
 */
export function buildPortfolioView(
  snapshots: readonly ChainSnapshot[],
  options: {
    chainId: number;
    accounts: readonly string[];
    registry: Registry | undefined;
    findToken(chainId: number, address: string): Token | undefined;
    nowMs: number;
    /**
     * The networks the wallet knows and which the portfolio reads: with it, a row's backing sums
     * the supply of every chain of the token's family (from these snapshots) and names those missing.
     */
    chainsKnown?: { networks: SupplySources['networks']; read: SupplySources['read'] };
  },
): PortfolioView {
  const empty = emptyPortfolioView(options.chainId, options.nowMs);
  const chains = snapshots.map(chainView);
  const read = snapshots.filter((c): c is ChainSnapshot & { snapshot: PortfolioSnapshot } => c.snapshot?.chainId === c.chainId);
  const byAddress = read.map((c) => new Map(c.snapshot.accounts.map((a) => [a.address.toLowerCase(), a])));
  const sources: SupplySources | undefined = options.chainsKnown && {
    ...options.chainsKnown,
    snapshot: (chainId) => read.find((c) => c.chainId === chainId)?.snapshot,
  };
  const accounts = options.accounts.flatMap((address) => {
    const parts = byAddress.map((m) => m.get(address.toLowerCase()));
    if (parts.every((p) => p === undefined)) return [];
    const perChain = read.map((c, i) =>
      (parts[i]?.holdings ?? [])
        .filter((h) => h.amount !== '0')
        .map((h) => holdingView(h, options.findToken(c.chainId, h.token.address), options.registry, empty.market, options.nowMs, sources)),
    );
    const holdings = perChain.flat();
    const byChain = read.flatMap((c, i) => (perChain[i].length > 0 ? [{ chainId: c.chainId, ...totalOf(perChain[i]) }] : []));
    return [{ address, ...totalOf(holdings), holdings, byChain }];
  });
  const active = chains.find((c) => c.chainId === options.chainId);
  const fetched = chains.flatMap((c) => (c.fetchedAt === null ? [] : [c.fetchedAt]));
  return {
    ...empty,
    fetchedAt: fetched.length > 0 ? Math.min(...fetched) : null,
    blockNumber: active?.blockNumber ?? null,
    status: overallStatus(chains),
    ...(active?.notice ? { notice: active.notice } : {}),
    errors: chains.flatMap((c) => c.errors),
    chains,
    accounts,
  };
}
