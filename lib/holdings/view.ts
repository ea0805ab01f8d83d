/**
 * What the popup's portfolio screen shows: the cached snapshot with each holding named
 * from the registry, prices re-judged against the clock (a cached price gets older, and
 * the market opens and closes), and a total per account.
 */
import {
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
import { FOUND_ON_CHAIN_LABEL, imitationOf, type Registry, type Token } from '../registry';

export interface HoldingView extends Omit<Holding, 'price'> {
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
  /** The price with its age now; `source` is always set ('feed' or 'dex'). */
  price: (NonNullable<Holding['price']> & { ageSeconds: number; source: 'feed' | 'dex' }) | null;
}

export interface PortfolioAccountView {
  address: string;
  /** Sum of the holdings' USD values, VALUE_DECIMALS decimals. */
  totalValue: string;
  /** Some holding has no value (no price feed or no underlying amount). */
  totalIncomplete: boolean;
  /** How many holdings the total leaves out for want of a value. */
  unpricedCount: number;
  holdings: HoldingView[];
}

export interface PortfolioView {
  chainId: number;
  /** When the holdings were read; null before the first refresh. */
  fetchedAt: number | null;
  blockNumber: string | null;
  status: PortfolioSnapshot['status'] | 'empty';
  market: { status: MarketState; nextOpen: number | null; holiday?: string };
  notice?: PortfolioSnapshot['notice'];
  errors: PortfolioIssue[];
  accounts: PortfolioAccountView[];
  valueDecimals: number;
}

export interface PortfolioResult {
  view: PortfolioView;
  /** A refresh is under way; the view may change soon. */
  refreshing: boolean;
}

function holdingView(
  h: Holding,
  token: Token | undefined,
  registry: Registry | undefined,
  market: { status: MarketState },
  nowMs: number,
): HoldingView {
  const listed = token !== undefined && registry?.findToken(token.chainId, token.address) !== undefined;
  const imitation = listed ? undefined : imitationOf(registry, h.token.chainId, h.token.address, { symbol: h.token.symbol, name: token?.name });
  const source = h.price?.source ?? 'feed';
  // A DEX price is read at refresh time and a pool trades around the clock: judged by age alone.
  const heartbeat = source === 'feed' ? (token?.feeds?.price?.heartbeat ?? DEFAULT_HEARTBEAT_SECONDS) : DEFAULT_HEARTBEAT_SECONDS;
  const price = h.price && { ...h.price, ...priceStatus(h.price.updatedAt, heartbeat, source === 'dex' ? DEX_MARKET : market, nowMs) };
  return {
    ...h,
    name: token?.name ?? h.token.symbol,
    listed,
    verified: listed && token.verified,
    underlying: token?.underlying ? { ticker: token.underlying.ticker, name: token.underlying.name } : null,
    ...(imitation ? { lookalikeOf: imitation.of, imitation } : {}),
    label: imitationLabel(h.token.symbol, imitation),
    ...(listed && token.discovery ? { foundOnChain: FOUND_ON_CHAIN_LABEL } : {}),
    price: price
      ? {
          answer: price.answer,
          decimals: price.decimals,
          updatedAt: price.updatedAt,
          status: price.status,
          reasons: price.reasons,
          ageSeconds: price.ageSeconds,
          source,
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
    accounts: [],
    valueDecimals: VALUE_DECIMALS,
  };
}

/**
 * The view of a snapshot for the accounts the user sees now (an account hidden since the
 * refresh drops out). `findToken` names tokens from the registry or the watch list.
 */
export function buildPortfolioView(
  snapshot: PortfolioSnapshot | undefined,
  options: {
    chainId: number;
    accounts: readonly string[];
    registry: Registry | undefined;
    findToken(address: string): Token | undefined;
    nowMs: number;
  },
): PortfolioView {
  const empty = emptyPortfolioView(options.chainId, options.nowMs);
  if (!snapshot || snapshot.chainId !== options.chainId) return empty;
  const byAddress = new Map(snapshot.accounts.map((a) => [a.address.toLowerCase(), a]));
  const accounts = options.accounts.flatMap((address) => {
    const account = byAddress.get(address.toLowerCase());
    if (!account) return [];
    const holdings = account.holdings
      .filter((h) => h.amount !== '0')
      .map((h) => holdingView(h, options.findToken(h.token.address), options.registry, empty.market, options.nowMs));
    const totalValue = holdings.reduce((sum, h) => sum + (h.value === null ? 0n : BigInt(h.value)), 0n);
    const unpricedCount = holdings.filter((h) => h.value === null).length;
    return [{ address, totalValue: totalValue.toString(), totalIncomplete: unpricedCount > 0, unpricedCount, holdings }];
  });
  return {
    ...empty,
    fetchedAt: snapshot.fetchedAt,
    blockNumber: snapshot.blockNumber,
    status: snapshot.status,
    ...(snapshot.notice ? { notice: snapshot.notice } : {}),
    errors: snapshot.errors,
    accounts,
  };
}
