/**
 * The token-detail view: what a tokenized stock is (underlying, issuer, structure,
 * custodian), whether its reserves cover its supply, what corporate actions changed the
 * balance, which rights it does not give, and whether the user's country may hold it.
 * Facts the registry has not verified say so; chain readings say when they were read.
 */
import type { Hex } from 'viem';
import {
  balanceKey,
  buildPortfolioCalls,
  type CorporateActions,
  decodeAggregate3,
  encodeAggregate3Compact,
  type HoldingPrice,
  holdingValue,
  type MarketState,
  MULTICALL3_ADDRESS,
  marketStatus,
  type PortfolioReadings,
  type PriceRound,
  readPortfolioResults,
  readPriceHistory,
  rightsNotGiven,
  tokenPriceFrom,
  underlyingEquivalent,
  VALUE_DECIMALS,
  WAD,
} from '../portfolio';
import { policyFor, type RestrictionVerdict, restrictionFor } from '../compliance';
import { type Imitation, imitationLabel } from '../names';
import {
  type CorporateActionModel,
  type Fact,
  type FeedKind,
  FOUND_ON_CHAIN_LABEL,
  type ChainDex,
  type IssuerStructure,
  imitationOf,
  priceFeedOf,
  type Registry,
  type RpcRequester,
  type Token,
  unverifiedFeeds,
} from '../registry';
import { type BackingView, backingView, type SupplySources } from './backing';
import type { PayoutCurrency } from './dividends';

/** A fact as the detail shows it: its value (null: not known), where it comes from, whether it was checked. */
export interface FactView<T = string> {
  value: T | null;
  source: string | null;
  verified: boolean;
}

export interface CorporateActionsView {
  model: CorporateActionModel;
  /** The multiplier, balance-per-share or oracle sValue in force (18 decimals). */
  factor: string | null;
  /** Past changes of the factor, oldest first. */
  history: CorporateActions['multiplierUpdates'];
  scheduled: CorporateActions['scheduled'];
  dividends: (CorporateActions['dividends'][number] & { currency: PayoutCurrency | null })[];
  /** Distributions the dShare's distributor announced, newest first, with their payout currency. */
  announced: (CorporateActions['announced'][number] & { currency: PayoutCurrency | null })[];
  /** Management fee per year, basis points, compounded, from feePerPeriod and periodLength; null when the token states none on-chain. */
  annualFeeBps: string | null;
  /** The fee as the token's views give it (per period, period length, last applied, periods accrued since). */
  fee: CorporateActions['fee'];
  /** Where the history was read: the token's events, or its multiplierUpdates(i) views when the node refused the log query. */
  historySource: CorporateActions['historySource'];
  errors: string[];
}

/** The price feed's recent rounds for the chart; nothing to draw without a feed or when they could not be read. */
export type PriceHistoryView =
  | { status: 'no-feed' }
  | { status: 'unavailable'; reason: string }
  | { status: 'ok'; feed: string; decimals: number; rounds: PriceRound[] };

export interface TokenDetailView {
  chainId: number;
  address: string;
  symbol: string;
  name: string;
  decimals: number;
  listed: boolean;
  verified: boolean;
  /** For a token outside the registry: the symbol it imitates, and what that is. */
  lookalikeOf?: string;
  imitation?: Imitation;
  /** How the wallet names it: never as the token it imitates. */
  label: string;
  /** Set for a token found on chain, not bundled: "found on chain via the issuer's factory". */
  foundOnChain?: string;
  underlying: FactView<{ ticker: string; name: string; exchange?: string; isin?: string }>;
  issuer: { id: string; name: FactView; legalEntity: FactView; jurisdiction: FactView };
  structure: FactView<IssuerStructure>;
  custodian: FactView;
  backing: BackingView;
  corporateActions: CorporateActionsView;
  rightsNotGiven: readonly string[];
  /** Whether the user's country may acquire (and so hold) it: compliance's one lookup, as the signing verdict asks it. */
  restriction: RestrictionVerdict;
  market: { status: MarketState; nextOpen: number | null; holiday?: string };
  /** The wallet's price (feed, or the deepest DEX pool with that pool); the same rule as the portfolio row. */
  price: (HoldingPrice & { ageSeconds: number }) | null;
  /** The selected account's position; null when it holds none. */
  holding: { account: string; amount: string; underlyingAmount: string | null; value: string | null; valueDecimals: number } | null;
  blockNumber: string | null;
  priceHistory: PriceHistoryView;
  /** The feeds behind its price, shares or backing that the registry marks unverified; absent when none is. */
  unverifiedFeeds?: FeedKind[];
}

const UNKNOWN: FactView<never> = { value: null, source: null, verified: false };
const factView = <T>(fact: Fact<T> | undefined): FactView<T> =>
  fact ? { value: fact.value, source: fact.source, verified: fact.verified } : UNKNOWN;

/** Reads the token's factors, feeds, supply and the account's balance in one Multicall3 call. */
export async function readTokenState(
  rpc: RpcRequester,
  token: Token,
  account: string | undefined,
  dex?: ChainDex,
  multicall = MULTICALL3_ADDRESS,
): Promise<PortfolioReadings> {
  const { calls, reads } = buildPortfolioCalls([token], account ? [account] : [], multicall, dex);
  // totalSupply is read only with a reserve feed; that is the only time the detail needs it.
  const data = await rpc.request({ method: 'eth_call', params: [{ to: multicall, data: encodeAggregate3Compact(calls) }, 'latest'] });
  if (typeof data !== 'string' || !data.startsWith('0x') || data === '0x') throw new Error('the Multicall3 read returned nothing');
  return readPortfolioResults(reads, decodeAggregate3(data as Hex, calls.length));
}

function factorOf(token: Token, readings: PortfolioReadings): bigint | null {
  switch (token.corporateActions) {
    case 'multiplier':
      return readings.multiplier.get(0) ?? null;
    case 'balance-per-share':
      return readings.balancePerShare.get(0) ?? null;
    case 'oracle-multiplier': {
      const oracle = token.feeds?.multiplierOracle && readings.feeds.get(token.feeds.multiplierOracle.address.toLowerCase());
      return oracle ? (oracle.answer * WAD) / 10n ** BigInt(oracle.decimals) : null;
    }
    case 'none':
      return null;
  }
}

export interface BuildTokenDetailInput {
  token: Token;
  registry: Registry | undefined;
  jurisdiction: string | undefined;
  account: string | undefined;
  /** The chain state; null when it could not be read (the facts are still shown). */
  readings: PortfolioReadings | null;
  corporateActions: CorporateActions;
  dividendCurrencies: (PayoutCurrency | null)[];
  /** The payout currency of each announced distribution, in the same order. */
  announcedCurrencies?: (PayoutCurrency | null)[];
  priceHistory: PriceHistoryView;
  nowMs: number;
  /** Where the supply of the token's other chains comes from (their portfolio snapshots); without it, none is known. */
  supplySources?: SupplySources;
}

export function buildTokenDetail(input: BuildTokenDetailInput): TokenDetailView {
  const { token, registry, readings, nowMs } = input;
  const entry = registry?.findToken(token.chainId, token.address);
  const listed = entry !== undefined;
  const issuer = listed ? registry?.issuer(token.issuer) : undefined;
  const imitation = listed ? undefined : imitationOf(registry, token.chainId, token.address, token);
  const trusted = listed && token.verified;
  const market = marketStatus(nowMs);

  const factor = readings ? factorOf(token, readings) : null;
  const priced = readings ? tokenPriceFrom(token, 0, readings, market, nowMs) : null;
  const price = priced?.price ?? null;
  const balance = readings?.balances.get(balanceKey(0, 0)) ?? null;
  const underlyingAmount =
    balance === null
      ? null
      : underlyingEquivalent(token.corporateActions, balance, { sValue: token.corporateActions === 'oracle-multiplier' ? factor : undefined });
  const value = balance === null ? null : holdingValue(balance, underlyingAmount, price, token.decimals);
  const ca = input.corporateActions;
  const history = token.corporateActions === 'balance-per-share' ? ca.balancePerShare : ca.multiplierUpdates;
  const unverified = listed ? unverifiedFeeds(token) : [];

  return {
    chainId: token.chainId,
    address: token.address,
    symbol: token.symbol,
    name: token.name,
    decimals: token.decimals,
    listed,
    verified: trusted,
    ...(imitation ? { lookalikeOf: imitation.of, imitation } : {}),
    label: imitationLabel(token.symbol, imitation),
    ...(entry?.discovery ? { foundOnChain: FOUND_ON_CHAIN_LABEL } : {}),
    underlying: { value: token.underlying, source: listed ? 'registry' : null, verified: trusted },
    issuer: {
      id: token.issuer,
      name: { value: issuer?.name ?? null, source: listed ? 'registry' : null, verified: trusted },
      legalEntity: factView(issuer?.legalEntity),
      jurisdiction: factView(issuer?.jurisdiction),
    },
    structure: factView(issuer?.structure),
    custodian: factView(issuer?.custodian),
    backing: backingView(token, issuer ? factView(issuer.proofOfReserve) : UNKNOWN, readings, nowMs, registry, input.supplySources),
    corporateActions: {
      model: token.corporateActions,
      factor: factor?.toString() ?? null,
      history,
      scheduled: ca.scheduled,
      dividends: ca.dividends.map((d, i) => ({ ...d, currency: input.dividendCurrencies[i] ?? null })),
      announced: ca.announced.map((d, i) => ({ ...d, currency: input.announcedCurrencies?.[i] ?? null })),
      annualFeeBps: ca.annualFeeBps,
      fee: ca.fee,
      historySource: ca.historySource,
      errors: ca.errors,
    },
    rightsNotGiven: rightsNotGiven(issuer?.structure.value),
    restriction: restrictionFor(entry ? policyFor(entry, issuer) : undefined, input.jurisdiction, 'acquire'),
    market: { status: market.status, nextOpen: market.nextOpen, ...(market.holiday ? { holiday: market.holiday } : {}) },
    price: price ? { ...price, ageSeconds: priced?.ageSeconds ?? 0 } : null,
    holding:
      input.account && balance !== null && balance > 0n
        ? {
            account: input.account,
            amount: balance.toString(),
            underlyingAmount: underlyingAmount?.toString() ?? null,
            value: value?.toString() ?? null,
            valueDecimals: VALUE_DECIMALS,
          }
        : null,
    blockNumber: readings?.blockNumber?.toString() ?? null,
    priceHistory: input.priceHistory,
    ...(unverified.length > 0 ? { unverifiedFeeds: unverified } : {}),
  };
}

/** The price feed's recent rounds (one Multicall3 batch after the token's state), never throwing. */
export async function priceHistoryOf(rpc: RpcRequester, token: Token, readings: PortfolioReadings | null): Promise<PriceHistoryView> {
  const feed = priceFeedOf(token)?.feed;
  if (!feed) return { status: 'no-feed' };
  const latest = readings?.feeds.get(feed.address.toLowerCase());
  if (!latest || latest.roundId === undefined) return { status: 'unavailable', reason: 'The price feed could not be read.' };
  try {
    const rounds = await readPriceHistory({ rpc, feed: feed.address, latestRoundId: latest.roundId });
    return { status: 'ok', feed: feed.address, decimals: latest.decimals, rounds };
  } catch (err) {
    return { status: 'unavailable', reason: err instanceof Error ? err.message : String(err) };
  }
}
