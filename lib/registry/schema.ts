/**
 * The registry's shape: who issues a tokenized stock and what each token is.
 * Every issuer fact carries the URL it came from and whether it was checked against a
 * primary source; an unverified fact is shown as such, never as fact.
 */
import * as v from 'valibot';
import { RuleSchema } from '../compliance/index.ts';
import { ChainDexSchema } from './dexes.ts';

const address = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/, 'an address is 0x and 40 hex digits'));
const countryCode = v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code'));
const chainId = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Where a fact comes from: a URL, or `devnet:` for the local development chain. */
const sourceUrl = v.pipe(v.string(), v.regex(/^(https:\/\/|devnet:)/, 'a source is an https URL or devnet:'));

export const FactSourceSchema = v.object({ url: sourceUrl, verified: v.boolean() });

/** The day a source was read, YYYY-MM-DD. */
const readOn = v.pipe(v.string(), v.isoDate('a read date is YYYY-MM-DD'));

/** A fact whose value may be unknown (null) but whose source is always stated. */
function fact<T extends v.GenericSchema>(value: T) {
  return v.object({ value: v.nullable(value), source: sourceUrl, verified: v.boolean() });
}

export const ISSUER_STRUCTURES = ['custody-backed', 'synthetic', 'derivative'] as const;
export const CORPORATE_ACTION_MODELS = ['multiplier', 'balance-per-share', 'oracle-multiplier', 'none'] as const;

export const ISSUER_CONTRACT_ROLES = [
  'mint',
  'redeem',
  'mint-redeem',
  'factory',
  'redemption-deposit',
  'payout',
  // A Dinari-style issuer: the key that signs its fee quotes, and the stablecoin its orders pay in
  // (an Ondo-style issuer's too: the stablecoin its manager takes and pays out).
  'fee-quote-signer',
  'payment-token',
  // An Ondo-style issuer: the key that signs its attestations.
  'attestation-signer',
] as const;
/** Roles that name an address the wallet checks against, never a contract it calls or labels. */
export const NON_CONTRACT_ROLES: readonly string[] = ['fee-quote-signer', 'payment-token', 'attestation-signer'];
/**
 * `price` is one underlying share's price (the wallet counts the shares a token is); `tokenPrice` is
 * the token's own price with its multiplier already in it (Chainlink's Ondo GM "total return value"
 * feeds), read only where no share price feed is named.
 */
export const FEED_KINDS = ['price', 'reserve', 'multiplierOracle', 'tokenPrice'] as const;

export const RedemptionSchema = v.object({
  stablecoin: v.nullable(v.string()),
  fee: v.nullable(v.string()),
  minimums: v.nullable(v.string()),
  settlement: v.nullable(v.string()),
  /** Orders execute only while the underlying market is open. */
  marketHours: v.nullable(v.boolean()),
});

/**
 * A contract or address the issuer uses on one chain: to mint, redeem or list tokens; for an
 * issuer that redeems by deposit (Backed), the registered address tokens are sent to
 * (`redemption-deposit`) and the address its stablecoin payouts come from (`payout`).
 */
export const IssuerContractSchema = v.object({
  chainId,
  address,
  role: v.picklist(ISSUER_CONTRACT_ROLES),
  verified: v.boolean(),
  source: sourceUrl,
  read: v.optional(readOn),
});

export const UnderlyingSchema = v.object({
  ticker: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.minLength(1)),
  exchange: v.optional(v.string()),
  isin: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}[A-Z0-9]{9}[0-9]$/))),
});

export const FeedSchema = v.object({
  address,
  /** Seconds between guaranteed updates. */
  heartbeat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Where the feed's address comes from, when it was read, and whether a primary source confirms it. */
  source: v.optional(sourceUrl),
  read: v.optional(readOn),
  verified: v.optional(v.boolean()),
});

/**
 * A feed the issuer publishes for one of its products on a chain whose token the registry does
 * not list (Backed's reserve feeds on Polygon): recorded with its source, read by nothing until
 * the token itself is listed.
 */
export const IssuerFeedSchema = v.object({
  chainId,
  /** The issuer's symbol of the product the feed reports on, e.g. bIB01. */
  product: v.pipe(v.string(), v.minLength(1)),
  kind: v.picklist(FEED_KINDS),
  address,
  heartbeat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  source: sourceUrl,
  read: v.optional(readOn),
  verified: v.boolean(),
});

export const IssuerSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9._-]+$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  legalEntity: fact(v.string()),
  jurisdiction: fact(countryCode),
  structure: fact(v.picklist(ISSUER_STRUCTURES)),
  custodian: fact(v.string()),
  proofOfReserve: fact(v.string()),
  redemption: fact(RedemptionSchema),
  /** The jurisdiction rule of the issuer's tokens (compliance's shape); null: none is on record. */
  rule: v.nullable(RuleSchema),
  /** Where the issuer publishes who may hold its tokens, linked when no rule is on record. */
  terms: sourceUrl,
  /** The issuer API the wallet speaks at those origins: Ondo GM's attestation API, Dinari's Enterprise API v2; absent, the devnet's issuer API. See lib/issuers/credentials.ts. */
  api: v.optional(v.picklist(['ondo-gm', 'dinari-v2'])),
  /** Origins the wallet may talk to for this issuer's mint/redeem API. */
  origins: v.array(v.object({ origin: v.pipe(v.string(), v.regex(/^https?:\/\/[^/]+$/)), verified: v.boolean(), source: sourceUrl })),
  contracts: v.array(IssuerContractSchema),
  /**
   * The issuer redeems tokens sent from a pre-approved wallet to its registered deposit address
   * (a `redemption-deposit` contract entry, when one is sourced) and pays out in stablecoins
   * within `settlementDays` business days; `onboarding` is where a user gets a wallet approved.
   */
  redemptionByDeposit: v.optional(
    v.object({ onboarding: sourceUrl, settlementDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30)) }),
  ),
  /** Feeds of the issuer's products whose tokens the registry does not list (see IssuerFeedSchema). */
  feeds: v.optional(v.array(IssuerFeedSchema)),
});

export const TokenSchema = v.object({
  chainId,
  address,
  symbol: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.minLength(1)),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
  issuer: v.string(),
  /** 'stock' for a tokenized share or fund; 'stablecoin' for the issuer's cash token. */
  kind: v.picklist(['stock', 'stablecoin']),
  underlying: v.nullable(UnderlyingSchema),
  corporateActions: v.picklist(CORPORATE_ACTION_MODELS),
  feeds: v.optional(
    v.object({
      price: v.optional(FeedSchema),
      reserve: v.optional(FeedSchema),
      multiplierOracle: v.optional(FeedSchema),
      tokenPrice: v.optional(FeedSchema),
    }),
  ),
  /** The token's own rule, over its issuer's (all Ondo GM stocks, an ERC-3643 token's country list); null: none on record. */
  rule: v.optional(v.nullable(RuleSchema)),
  verified: v.boolean(),
  /**
   * Not from the bundled registry: found on chain, through the user's RPC, in an event of the
   * issuer's factory (xStocks' NewToken) at `blockNumber`. The wallet caches it; it is never bundled.
   */
  discovery: v.optional(
    v.object({ via: v.literal('issuer-factory'), factory: address, blockNumber: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
  ),
});

export const RegistryDataSchema = v.pipe(
  v.object({
    issuers: v.array(IssuerSchema),
    tokens: v.array(TokenSchema),
    /** Where stocks without a price feed are priced on-chain, per chain (see dexes.ts). */
    dexes: v.optional(v.array(ChainDexSchema)),
  }),
  v.check((data) => data.tokens.every((t) => data.issuers.some((i) => i.id === t.issuer)), 'every token names an issuer of the registry'),
  v.check((data) => data.tokens.every((t) => t.kind !== 'stock' || t.underlying !== null), 'a stock token names its underlying'),
);

export type Fact<T> = { value: T | null; source: string; verified: boolean };
export type IssuerStructure = (typeof ISSUER_STRUCTURES)[number];
export type CorporateActionModel = (typeof CORPORATE_ACTION_MODELS)[number];
export type Redemption = v.InferOutput<typeof RedemptionSchema>;
export type IssuerContract = v.InferOutput<typeof IssuerContractSchema>;
export type Issuer = v.InferOutput<typeof IssuerSchema>;
export type Underlying = v.InferOutput<typeof UnderlyingSchema>;
export type Feed = v.InferOutput<typeof FeedSchema>;
export type FeedKind = (typeof FEED_KINDS)[number];
export type IssuerFeed = v.InferOutput<typeof IssuerFeedSchema>;
export type Token = v.InferOutput<typeof TokenSchema>;
export type RegistryData = v.InferOutput<typeof RegistryDataSchema>;

/** Parses registry data from any source; throws a ValiError naming the bad entry. */
export function parseRegistryData(input: unknown): RegistryData {
  return v.parse(RegistryDataSchema, input);
}
