/**
 * The one lookup of the jurisdiction rule: may a resident of a country do something with a
 * token. The signing verdict, the token detail, send and the issuer flow all ask here, so
 * they can never disagree.
 */
import { onchainStanding } from './onchain';
import { PLACE_PATTERN, type Rule, type RuleForbid, type TokenPolicy } from './rule';

/** What a request does with a token, in the rule's terms. dispose: sell, trade away, let another party spend. */
export type RuleAction = 'acquire' | 'redeem' | 'dispose';

export interface RestrictionVerdict {
  /** Whether the resident may do the action asked about. */
  allowed: boolean;
  /**
   * covered: the rule covers residents of the jurisdiction; not-covered: it does not;
   * unconfirmed: no rule is on record, no country is set, or the rule names regions of
   * the country given; not-a-security: the wallet does not know the token as a security.
   */
  standing: 'covered' | 'not-covered' | 'unconfirmed' | 'not-a-security';
  /** none: the source states no restriction; unknown: no rule is on record. */
  rule: 'excluded' | 'allowed-only' | 'none' | 'unknown';
  places: string[];
  forbids: RuleForbid[];
  /** The rule's source, or the issuer's terms when no rule is on record. */
  source: string | null;
  /** The day the rule's source was read. */
  read: string | null;
  /** A rule is on record and the registry entry was checked against the issuer's sources. */
  verified: boolean;
  jurisdiction: string | null;
  /** One sentence saying what the rule means for this resident; a refusal quotes it. */
  message: string;
}

export function normalizeJurisdiction(jurisdiction: string | undefined): string | undefined {
  const upper = jurisdiction?.trim().toUpperCase();
  return upper && PLACE_PATTERN.test(upper) ? upper : undefined;
}

const countryOf = (place: string) => place.slice(0, 2);

/** Whether the rule covers a resident of `place`; 'unconfirmed' when the rule names regions of a country given alone. */
function coverage(rule: Rule, place: string | undefined): RestrictionVerdict['standing'] {
  if (!place) return 'unconfirmed';
  const named = rule.places.includes(place) || rule.places.includes(countryOf(place));
  const regionsOfCountry = place.length === 2 && rule.places.some((p) => p.length > 2 && countryOf(p) === place);
  if (rule.kind === 'excluded') return named ? 'covered' : regionsOfCountry ? 'unconfirmed' : 'not-covered';
  return named ? 'not-covered' : regionsOfCountry ? 'unconfirmed' : 'covered';
}

const forbidden = (forbids: RuleForbid[], action: RuleAction) => forbids.includes('all') || forbids.includes(action as RuleForbid);

const PARTICIPLE: Record<RuleForbid, string> = { acquire: 'acquired', redeem: 'redeemed', all: 'held or traded' };
const GERUND: Record<RuleAction, string> = { acquire: 'acquiring', redeem: 'redeeming', dispose: 'selling or trading' };
const cap = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const verbs = (forbids: RuleForbid[]) => forbids.map((f) => PARTICIPLE[f]).join(' or ');

function ruleMessage(policy: TokenPolicy, rule: Rule, standing: RestrictionVerdict['standing'], place: string | undefined, action: RuleAction) {
  const token = `${policy.symbol} (issued by ${policy.issuerName})`;
  const list = rule.places.join(', ');
  const forbiddenHere = forbidden(rule.forbids, action);
  if (standing === 'unconfirmed') {
    const why = place
      ? `its rule names regions of ${place} (${rule.places.filter((p) => countryOf(p) === place && p.length > 2).join(', ')}) and your setting names only the country`
      : 'it has jurisdiction rules and your country is not set; set it in settings';
    const lead = `Sharekeep cannot confirm that residents of ${place ?? 'your country'} may hold this token, ${token}: ${why}.`;
    return forbiddenHere ? lead : `${lead} ${cap(GERUND[action])} it is not among what the rule forbids.`;
  }
  if (standing === 'covered') {
    const base =
      rule.kind === 'excluded'
        ? `${token} may not be ${verbs(rule.forbids)} by residents of ${place}.`
        : `${token} is offered only to residents of ${list}; it may not be ${verbs(rule.forbids)} by residents of ${place}.`;
    return forbiddenHere ? base : `${base} ${cap(GERUND[action])} it is not forbidden.`;
  }
  if (rule.kind === 'excluded' && rule.places.length === 0) return `The issuer states no country restriction: you may hold it in ${place}.`;
  return rule.kind === 'excluded'
    ? `You may hold it in ${place} (holders in ${list} are excluded).`
    : `You may hold it in ${place} (only holders in ${list} may hold it).`;
}

/**
 * Whether a resident of `jurisdiction` may do `action` with the token. A token not known
 * as a security is never restricted. A security fails closed: with no rule on record, or
 * no country (or region) to judge by, an acquisition is refused; and what the rule forbids
 * is refused unless the rule clearly does not cover the resident.
 */
export function restrictionFor(
  policy: TokenPolicy | undefined,
  jurisdiction: string | undefined,
  action: RuleAction = 'acquire',
): RestrictionVerdict {
  const place = normalizeJurisdiction(jurisdiction);
  const base = { jurisdiction: place ?? null, source: policy?.terms ?? null, read: null, places: [], forbids: [] };
  if (!policy?.security) {
    const message = policy
      ? `No jurisdiction rule is on record for ${policy.symbol}, and Sharekeep does not know it as a security.`
      : "This token is not in Sharekeep's registry: no jurisdiction rule is on record for it.";
    return { ...base, allowed: true, standing: 'not-a-security', rule: 'unknown', verified: false, message };
  }
  const onchain = onchainStanding(policy, place, action === 'acquire');
  if (onchain) return { ...base, ...onchain, rule: policy.rule?.kind ?? 'unknown', verified: false };
  const rule = policy.rule;
  if (!rule) {
    const allowed = action !== 'acquire';
    const lead = `Sharekeep cannot confirm that residents of ${place ?? 'your country'} may hold this token, ${policy.symbol} (issued by ${policy.issuerName}): no rule of its issuer is on record.`;
    const message = allowed ? `${lead} ${cap(GERUND[action])} it is not refused.` : `${lead} Check the issuer's terms.`;
    return { ...base, allowed, standing: 'unconfirmed', rule: 'unknown', verified: false, message };
  }
  const standing = coverage(rule, place);
  return {
    ...base,
    allowed: standing === 'not-covered' || !forbidden(rule.forbids, action),
    standing,
    rule: rule.kind === 'excluded' && rule.places.length === 0 ? 'none' : rule.kind,
    places: rule.places,
    forbids: rule.forbids,
    source: rule.source,
    read: rule.read,
    verified: policy.verified,
    message: ruleMessage(policy, rule, standing, place, action),
  };
}
