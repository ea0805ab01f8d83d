/**
 * The jurisdiction rule, in the one shape every part of the wallet uses: which residents an
 * issuer's terms cover, what the terms forbid them, and where and when the terms were read.
 * The registry stores rules in this shape; `restrictionFor` (jurisdiction.ts) is the one
 * lookup over them.
 */
import * as v from 'valibot';
import type { OnchainFindings } from './onchain';

/**
 * What a rule forbids, as its source words it: acquiring (subscribing, buying, receiving
 * through a trade, minting), redeeming with the issuer, or all dealing. A source that does
 * not say is recorded as 'all'.
 */
export const RULE_FORBIDS = ['acquire', 'redeem', 'all'] as const;
export type RuleForbid = (typeof RULE_FORBIDS)[number];

/** An ISO 3166-1 alpha-2 country (US) or, where the source names a region, its ISO 3166-2 code (UA-43, Crimea). */
export const PLACE_PATTERN = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
export const PlaceSchema = v.pipe(v.string(), v.regex(PLACE_PATTERN, 'an ISO 3166-1 alpha-2 country or an ISO 3166-2 region (UA-43)'));

export const RuleSchema = v.object({
  /**
   * excluded: residents of `places` are covered by the rule (an empty list: the source states
   * no restriction); allowed-only: residents of anywhere but `places` are covered.
   */
  kind: v.picklist(['excluded', 'allowed-only']),
  places: v.array(PlaceSchema),
  forbids: v.pipe(v.array(v.picklist(RULE_FORBIDS)), v.minLength(1, 'a rule forbids something')),
  /** The issuer's published terms: an https URL, or `devnet:` for the local development chain. */
  source: v.pipe(v.string(), v.regex(/^(https:\/\/|devnet:)/, 'a source is an https URL or devnet:')),
  /** The day the source was read, YYYY-MM-DD. */
  read: v.pipe(v.string(), v.isoDate('the day the source was read, YYYY-MM-DD')),
});
export type Rule = v.InferOutput<typeof RuleSchema>;

/** What compliance knows about a token: who issues it, whether it is a security, and its rule. */
export interface TokenPolicy {
  symbol: string;
  issuerName: string;
  /**
   * Known to be a security: a tokenized stock of the registry, or a token whose issuer's
   * terms carry a rule. A security whose rule is unknown cannot be acquired (fail closed).
   */
  security: boolean;
  /** null: no rule is on record. */
  rule: Rule | null;
  /** The issuer's terms, linked in every reason about the token; null when none is known. */
  terms: string | null;
  /** Whether the registry entry was checked against the issuer's own sources. */
  verified: boolean;
  /** What the token's own contracts answered for this request (detected standards and their checks). */
  onchain?: OnchainFindings;
  /** Known as a security only because it answered a standard's probe on chain: no registry entry. */
  detectedOnChain?: boolean;
}

export type TokenPolicyLookup = (chainId: number, address: `0x${string}`) => TokenPolicy | undefined;

/** The parts of a registry token the rule depends on (declared here so compliance needs no registry import). */
export interface RuleBearingToken {
  symbol: string;
  issuer: string;
  kind: 'stock' | 'stablecoin';
  verified: boolean;
  /** The token's own rule; absent, its issuer's applies; null, none is on record for it. */
  rule?: Rule | null;
}

export interface RuleBearingIssuer {
  name: string;
  rule: Rule | null;
  /** Where the issuer publishes who may hold its tokens. */
  terms: string;
}

/** The policy of a registry token: its own rule, else its issuer's. */
export function policyFor(token: RuleBearingToken, issuer: RuleBearingIssuer | undefined): TokenPolicy {
  const rule = token.rule !== undefined ? token.rule : (issuer?.rule ?? null);
  return {
    symbol: token.symbol,
    issuerName: issuer?.name ?? token.issuer,
    security: token.kind === 'stock' || rule !== null,
    rule,
    terms: rule?.source ?? issuer?.terms ?? null,
    verified: token.verified,
  };
}
