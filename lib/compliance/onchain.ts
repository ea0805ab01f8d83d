/**
 * What a token's own contracts say about the user, read on chain for one request (lib/tokens
 * detects the standard and reads the checks), and how the one rule weighs it: an on-chain "no"
 * refuses an acquisition; a check that could not be read, or a detection that answered a probe
 * but could not finish, fails closed; a detected security whose chain cannot confirm the user's
 * country (only ERC-3643 country modules can) is judged by its registry rule, else fails closed.
 */
import { alpha2Country, numericCountry } from './country-codes';
import type { TokenPolicy } from './rule';

export type OnchainStandard = 'erc3643' | 'erc1404' | 'ondo-gm' | 'backed' | 'dinari';

export const STANDARD_NAMES: Record<OnchainStandard, string> = {
  erc3643: 'ERC-3643',
  erc1404: 'ERC-1404',
  'ondo-gm': 'Ondo-GM-style compliance',
  backed: 'Backed-style',
  dinari: 'Dinari-style transfer restrictor',
};

/** One answer of the token's contracts: 'no' refuses, 'unknown' (not readable) fails closed. */
export interface OnchainCheck {
  standard: OnchainStandard;
  /** The contract function asked, e.g. 'IdentityRegistry.isVerified'. */
  check: string;
  outcome: 'yes' | 'no' | 'unknown';
  /** What the answer means for the user, e.g. "your address is not verified in its identity registry". */
  detail: string;
}

export interface OnchainFindings {
  /** The standards the token answered probes for; empty: a plain token. */
  standards: OnchainStandard[];
  /** Some probe answered, but the detection could not be finished (a follow-up read failed). */
  incomplete: boolean;
  checks: OnchainCheck[];
  /** The chain confirms residents of the declared country may receive it (ERC-3643 country modules). */
  countryConfirmed: boolean;
  /** The country the token's identity registry records for the user, when it differs from the declared one. */
  chainCountry?: number;
  /** The node did not answer the probes: whether the token is a permissioned one is not known. */
  unchecked?: true;
}

const list = (standards: OnchainStandard[]) => standards.map((s) => STANDARD_NAMES[s]).join(', ');

export interface OnchainStanding {
  allowed: boolean;
  standing: 'covered' | 'not-covered' | 'unconfirmed';
  message: string;
}

/**
 * The on-chain part of the rule for an acquisition (the checks are about the user receiving
 * the token), or undefined when the chain has nothing to add (or the action is no acquisition)
 * and the registry rule decides.
 */
export function onchainStanding(policy: TokenPolicy, place: string | undefined, acquiring: boolean): OnchainStanding | undefined {
  const found = policy.onchain;
  if (!acquiring || !found || (!found.standards.length && !found.incomplete)) return undefined;
  const token = `${policy.symbol} (issued by ${policy.issuerName})`;
  const refused = found.checks.find((c) => c.outcome === 'no');
  if (refused) {
    const message = `${token} refuses you on chain: its ${STANDARD_NAMES[refused.standard]} check ${refused.check} says ${refused.detail}.`;
    return { allowed: false, standing: 'covered', message };
  }
  const who = `residents of ${place ?? 'your country'}`;
  const unread = found.checks.find((c) => c.outcome === 'unknown');
  const lead = `Sharekeep cannot confirm that ${who} may hold this token, ${token}:`;
  if (found.incomplete) {
    return {
      allowed: false,
      standing: 'unconfirmed',
      message: `${lead} it answers as a permissioned token on chain, but its checks could not be found.`,
    };
  }
  if (unread) {
    return {
      allowed: false,
      standing: 'unconfirmed',
      message: `${lead} its ${STANDARD_NAMES[unread.standard]} check ${unread.check} could not be read.`,
    };
  }
  // A registry token is judged by its registry rule (or fails closed for want of one); the chain raised no objection.
  if (policy.rule || !policy.detectedOnChain) return undefined;
  if (found.countryConfirmed) {
    return {
      allowed: true,
      standing: 'not-covered',
      message: `${token} is detected on chain as ${list(found.standards)}; its compliance allows ${who}.`,
    };
  }
  const why =
    place && numericCountry(place) === undefined
      ? `and Sharekeep has no ISO 3166-1 numeric code for ${place} to check it by`
      : 'whose jurisdiction terms are not on chain';
  return {
    allowed: false,
    standing: 'unconfirmed',
    message: `${lead} it is detected on chain as ${list(found.standards)}, ${why}.`,
  };
}

/** A note when the token's identity registry records another country for the user than the declared one. */
export function countryMismatch(policy: TokenPolicy, place: string | undefined): string | undefined {
  const chain = policy.onchain?.chainCountry;
  if (chain === undefined) return undefined;
  return `${policy.symbol}'s identity registry records your country as ${alpha2Country(chain)} (${chain}), not ${place ?? 'the one you declared'}${
    numericCountry(place) !== undefined ? ` (${numericCountry(place)})` : ''
  }; the token's own checks use the recorded one.`;
}

/**
 * The policy the guard judges a token by in one request: the registry's with the chain's
 * findings beside it; a token outside the registry that answered a standard's probe is a
 * security of an issuer Sharekeep does not know, with no rule on record. A plain token keeps
 * what it had (no policy), so it is never judged a security.
 */
export function withFindings(policy: TokenPolicy | undefined, findings: OnchainFindings | undefined, symbol: string): TokenPolicy | undefined {
  if (!findings || (!findings.standards.length && !findings.incomplete)) return policy;
  if (policy) return { ...policy, onchain: findings };
  return {
    symbol,
    issuerName: "an issuer not in Sharekeep's registry",
    security: true,
    rule: null,
    terms: null,
    verified: false,
    onchain: findings,
    detectedOnChain: true,
  };
}
