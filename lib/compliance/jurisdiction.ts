import type { TokenPolicy } from './types';

export type Restriction = { restricted: false } | { restricted: true; rule: string };

const COUNTRY = /^[A-Z]{2}$/;

export function normalizeJurisdiction(jurisdiction: string | undefined): string | undefined {
  const upper = jurisdiction?.trim().toUpperCase();
  return upper && COUNTRY.test(upper) ? upper : undefined;
}

const list = (countries: string[]) => countries.map((c) => c.toUpperCase()).join(', ');

/**
 * Whether a resident of `jurisdiction` may not hold the token. An unknown
 * jurisdiction cannot satisfy an allowed-only list nor prove it is not excluded.
 */
export function restrictionFor(policy: TokenPolicy, jurisdiction: string | undefined): Restriction {
  const { excluded = [], allowedOnly } = policy.restrictions;
  const country = normalizeJurisdiction(jurisdiction);
  const hasRule = excluded.length > 0 || allowedOnly !== undefined;
  if (!hasRule) return { restricted: false };
  if (!country) return { restricted: true, rule: `${policy.symbol} has jurisdiction rules and your country is not set; set it in settings` };
  if (excluded.some((c) => c.toUpperCase() === country)) {
    return { restricted: true, rule: `${policy.symbol} (issued by ${policy.issuerName}) may not be held by residents of ${country}` };
  }
  if (allowedOnly && !allowedOnly.some((c) => c.toUpperCase() === country)) {
    return {
      restricted: true,
      rule: `${policy.symbol} (issued by ${policy.issuerName}) is offered only to residents of ${list(allowedOnly)}, not ${country}`,
    };
  }
  return { restricted: false };
}
