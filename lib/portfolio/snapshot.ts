/**
 * A portfolio snapshot: what the popup paints and what is cached between refreshes.
 * JSON-serialisable (amounts are decimal strings), and parsed with a schema when read
 * back from storage.
 */
import * as v from 'valibot';

const amount = v.pipe(v.string(), v.regex(/^\d+$/, 'a non-negative integer as a decimal string'));
const signedAmount = v.pipe(v.string(), v.regex(/^-?\d+$/));

export const HOLDING_FIELDS = ['balance', 'factor', 'price', 'backing'] as const;
export type HoldingField = (typeof HOLDING_FIELDS)[number];

/** The pool a DEX price comes from and how deep it is. */
export const DexPriceSourceSchema = v.object({
  protocol: v.picklist(['uniswap-v3', 'uniswap-v2']),
  pool: v.string(),
  /** V3 fee tier in hundredths of a bip; null for a V2 pair. */
  fee: v.nullable(v.number()),
  /** Symbol of the quote token (USDC, USDT, WETH). */
  quote: v.string(),
  /** Quote tokens in the pool, in `depthDecimals`. */
  depth: amount,
  depthDecimals: v.number(),
  /** That depth in USD, with the price's decimals. */
  depthUsd: amount,
});

export const PriceSchema = v.object({
  answer: signedAmount,
  decimals: v.number(),
  updatedAt: v.number(),
  status: v.picklist(['fresh', 'stale']),
  reasons: v.array(v.picklist(['older-than-heartbeat', 'market-closed'])),
  /** Where the price comes from: the token's price feed, or the deepest DEX pool; absent in snapshots older than DEX prices (a feed). */
  source: v.optional(v.picklist(['feed', 'dex'])),
  /** 'token': the feed prices the token itself (its multiplier already in it); absent: one share (or, for a DEX price, the token). */
  per: v.optional(v.literal('token')),
  dex: v.optional(DexPriceSourceSchema),
});

export const HoldingSchema = v.object({
  token: v.object({ chainId: v.number(), address: v.string(), symbol: v.string(), decimals: v.number() }),
  /** Token balance, in the token's decimals. */
  amount,
  /** Underlying shares the balance stands for, in the token's decimals; null when unknown. */
  underlyingAmount: v.nullable(amount),
  corporateActions: v.picklist(['multiplier', 'balance-per-share', 'oracle-multiplier', 'none']),
  /** The multiplier, balance-per-share or sValue in force (18 decimals), when the model has one. */
  factor: v.nullable(amount),
  price: v.nullable(PriceSchema),
  /** USD value with `valueDecimals` decimals; null without a price or underlying amount. */
  value: v.nullable(amount),
  valueDecimals: v.literal(8),
  backing: v.nullable(
    v.object({
      ratioBps: v.nullable(amount),
      reserves: amount,
      reservesDecimals: v.number(),
      supply: amount,
      updatedAt: v.number(),
      fresh: v.boolean(),
    }),
  ),
  /** Fields this refresh could not read (a reverting feed, a failed call). */
  unavailable: v.array(v.picklist(HOLDING_FIELDS)),
  /** Fields carried over from an earlier snapshot, and when that was read. */
  fromLastGood: v.optional(v.object({ fields: v.array(v.picklist(HOLDING_FIELDS)), fetchedAt: v.number() })),
});

export const PortfolioIssueSchema = v.object({
  code: v.string(),
  message: v.string(),
  token: v.optional(v.string()),
});

export const PortfolioSnapshotSchema = v.object({
  chainId: v.number(),
  /** Epoch ms when the answers were read. */
  fetchedAt: v.number(),
  blockNumber: v.nullable(amount),
  /** ok: every read answered; partial: some reads failed; failed: no answer at all. */
  status: v.picklist(['ok', 'partial', 'failed']),
  market: v.object({ status: v.picklist(['open', 'closed', 'weekend', 'holiday']), nextOpen: v.nullable(v.number()) }),
  accounts: v.array(v.object({ address: v.string(), holdings: v.array(HoldingSchema) })),
  errors: v.array(PortfolioIssueSchema),
  /**
   * totalSupply of the tokens read for backing (a reserve feed here or on another chain of the
   * token's family), by lower-case address; null when the read failed. Absent in older snapshots.
   */
  supplies: v.optional(v.record(v.string(), v.nullable(amount))),
  /** Set when the holdings shown are older than this refresh. */
  notice: v.optional(v.object({ code: v.literal('portfolio.showing_last_good'), message: v.string(), since: v.number() })),
});

export type Holding = v.InferOutput<typeof HoldingSchema>;
export type HoldingPrice = v.InferOutput<typeof PriceSchema>;
export type PortfolioIssue = v.InferOutput<typeof PortfolioIssueSchema>;
export type PortfolioSnapshot = v.InferOutput<typeof PortfolioSnapshotSchema>;

/** Parses a snapshot read from storage; undefined when it is missing or not a snapshot. */
export function parsePortfolioSnapshot(input: unknown): PortfolioSnapshot | undefined {
  const result = v.safeParse(PortfolioSnapshotSchema, input);
  return result.success ? result.output : undefined;
}
