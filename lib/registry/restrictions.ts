/** Whether a holder in a given jurisdiction may hold a token, and which rule says so. */
import type { Issuer, Token } from './schema.ts';

export interface RestrictionVerdict {
  allowed: boolean;
  /**
   * excluded: the issuer excludes a list of countries; allowed-only: only listed countries
   * may hold; none: the source states no restriction; unknown: no rule is on record.
   */
  rule: 'excluded' | 'allowed-only' | 'none' | 'unknown';
  countries: string[];
  source: string | null;
  verified: boolean;
}

/**
 * Applies the token's own rule when it has one, else its issuer's. A missing
 * jurisdiction cannot satisfy an allowed-only list nor prove it is not excluded.
 */
export function restrictionFor(token: Token, issuer: Issuer | undefined, jurisdiction: string | undefined): RestrictionVerdict {
  const rule = token.restrictions ? { value: token.restrictions, source: token.restrictions.source, verified: token.verified } : issuer?.restrictions;
  if (!rule || rule.value === null) {
    return { allowed: true, rule: 'unknown', countries: [], source: rule?.source ?? null, verified: false };
  }
  const country = jurisdiction?.toUpperCase();
  const { source, verified } = rule;
  const { allowedOnly, excluded } = rule.value;
  if (allowedOnly) {
    return { allowed: country !== undefined && allowedOnly.includes(country), rule: 'allowed-only', countries: allowedOnly, source, verified };
  }
  if (excluded && excluded.length > 0) {
    return { allowed: country !== undefined && !excluded.includes(country), rule: 'excluded', countries: excluded, source, verified };
  }
  return { allowed: true, rule: 'none', countries: [], source, verified };
}
