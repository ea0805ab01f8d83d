/**
 * The sender's holdings, for a transaction the guard cannot follow: when a call is not decoded and
 * no dry run succeeded, nothing says it leaves alone the restricted tokens the sending account
 * holds (an unknown contract may spend them by an earlier allowance, or trade them through a
 * router it calls). Such a request is refused when the account holds a token whose rule (or whose
 * own contracts, on chain) covers the user and forbids some dealing; a token whose rule merely
 * cannot be confirmed (no rule on record, a region, no country set) does not refuse it, so a
 * resident the rules allow is never held up by what they hold.
 */
import { type Address, getAddress } from 'viem';
import type { SimulationResult } from '../intent';
import { type RestrictionVerdict, type RuleAction, restrictionFor } from './jurisdiction';
import { isUndecoded, type RoleIntent } from './roles';
import type { TokenPolicy, TokenPolicyLookup } from './rule';
import type { ComplianceReason } from './types';

/** What the guard read of the sending account's balances for one request. */
export interface SenderHoldings {
  account: Address;
  /** Tokens the account holds (a balance above zero). */
  held: readonly Address[];
  /** Tokens whose balance could not be read (the batch or its slot failed): judged as held. */
  unread: readonly Address[];
}

const ALL_ACTIONS: RuleAction[] = ['acquire', 'redeem', 'dispose'];

/** Whether the sender's holdings decide the request: it is not fully decoded and no dry run shows what it does. */
export function holdingsMatter(intent: RoleIntent, simulation: SimulationResult | undefined): boolean {
  return isUndecoded(intent) && !simulation?.ok;
}

/** The refusal a held token carries for a resident: its rule, or its own contracts, cover them and forbid some dealing. */
export function heldRestriction(policy: TokenPolicy | undefined, jurisdiction: string | undefined): RestrictionVerdict | undefined {
  if (!policy?.security) return undefined;
  for (const action of ALL_ACTIONS) {
    const restriction = restrictionFor(policy, jurisdiction, action);
    if (!restriction.allowed && restriction.standing === 'covered') return restriction;
  }
  return undefined;
}

const short = (a: Address) => `${a.slice(0, 6)}…${a.slice(-4)}`;

function why(simulation: SimulationResult | undefined): string {
  if (!simulation) return 'no dry run was made';
  if (simulation.ok) return 'its dry run succeeded';
  return simulation.reason === 'reverted' ? 'its dry run fails' : 'it could not be simulated on this network';
}

export interface HoldingReasonsParameters {
  holdings: SenderHoldings;
  jurisdiction: string | undefined;
  chainId: number;
  lookupToken: TokenPolicyLookup;
  simulation?: SimulationResult;
  /** Tokens the request itself touches: judged by what it does with them, not again here. */
  touched: ReadonlySet<Address>;
}

/**
 * One block reason per restricted token the sender holds; one more, naming the first of them, for
 * the restricted tokens whose balance could not be read (the guard fails closed on those).
 */
export function holdingReasons(params: HoldingReasonsParameters): ComplianceReason[] {
  const { holdings, jurisdiction, touched } = params;
  const account = short(holdings.account);
  const tail = `this request is not fully decoded and ${why(params.simulation)}: Sharekeep cannot confirm that it does not sell, move or trade the token, and will not sign it.`;
  const restricted = (tokens: readonly Address[]) =>
    [...new Set(tokens.map((t) => getAddress(t)))].flatMap((token) => {
      if (touched.has(token)) return [];
      let policy: TokenPolicy | undefined;
      try {
        policy = params.lookupToken(params.chainId, token);
      } catch {
        policy = undefined;
      }
      const refused = heldRestriction(policy, jurisdiction);
      return refused ? [refused] : [];
    });
  const reasons: ComplianceReason[] = restricted(holdings.held).map((refused) => ({
    code: 'restricted-token-held',
    severity: 'block',
    message: `${refused.message} Your account ${account} holds it, and ${tail}`,
    source: refused.source ?? undefined,
  }));
  const unread = restricted(holdings.unread.filter((t) => !holdings.held.some((h) => getAddress(h) === getAddress(t))));
  if (unread.length) {
    const others = unread.length > 1 ? ` (and ${unread.length - 1} other restricted token${unread.length > 2 ? 's' : ''})` : '';
    reasons.push({
      code: 'restricted-holding-unread',
      severity: 'block',
      message: `${unread[0].message} Sharekeep could not read whether your account ${account} holds it${others}, and ${tail}`,
      source: unread[0].source ?? undefined,
    });
  }
  return reasons;
}
