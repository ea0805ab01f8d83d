import { type Address, getAddress } from 'viem';
import type { IntentWarning, SimulationResult } from '../intent';
import { normalizeJurisdiction, type RuleAction, restrictionFor } from './jurisdiction';
import { holdingReasons, holdingsMatter, type SenderHoldings } from './holdings';
import { countryMismatch } from './onchain';
import { type CollectParameters, collectUses, describeUse, isUndecoded, type Role, type RoleIntent, type Uses } from './roles';
import type { TokenPolicy, TokenPolicyLookup } from './rule';
import type { ComplianceReason, ComplianceResult, Severity } from './types';

export interface EvaluateParameters {
  intent: RoleIntent;
  /** ISO 3166-1 alpha-2 country of the user. */
  jurisdiction: string | undefined;
  lookupToken: TokenPolicyLookup;
  chainId: number;
  /** The dry run of a transaction; absent for typed data, or when none was run. */
  simulation?: SimulationResult;
  /**
   * Recipients of the intent's transfers (`intent.deliveries` with reason 'transfer')
   * that hold code, read with eth_getCode. A restricted token sent to a contract (a
   * pool, a pair) is judged as a sale; without this list it is judged as a transfer.
   */
  contracts?: readonly Address[];
  /**
   * Tokens whose own contracts the node would not let Sharekeep probe for a permissioned-token
   * standard: an acquisition of one is warned about, as nothing says it is a plain token.
   */
  unchecked?: readonly Address[];
  /**
   * What the sending account holds, read for a transaction that is not decoded and has no
   * successful dry run: a restricted token among them refuses it (holdings.ts).
   */
  sender?: SenderHoldings;
}

function safeLookup(lookup: TokenPolicyLookup, chainId: number, token: Address): TokenPolicy | undefined {
  try {
    return lookup(chainId, token);
  } catch {
    return undefined;
  }
}

const short = (a: Address) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** Which of the rule's actions each way of touching a token is: a swap step trades it either way. */
const ACTIONS_OF: Partial<Record<Role, RuleAction[]>> = {
  acquire: ['acquire'],
  'acquire-elsewhere': ['acquire'],
  redeem: ['redeem'],
  sell: ['dispose'],
  approve: ['dispose'],
  'sell-to-contract': ['dispose'],
  moved: ['dispose'],
  trade: ['acquire', 'dispose'],
};
/** What a request might do with a token Sharekeep cannot see it handle: anything. */
const ANY_DEALING: RuleAction[] = ['acquire', 'redeem', 'dispose'];

/** Why the guard cannot see what an undecoded request does with a token. */
function unconfirmedWhy(simulation: SimulationResult | undefined): string {
  if (!simulation) return 'no dry run was made';
  if (simulation.ok) return 'the dry run does not show it moving';
  return simulation.reason === 'reverted' ? 'its dry run fails' : 'it could not be simulated on this network';
}

function refusalOf(policy: TokenPolicy, jurisdiction: string | undefined, actions: readonly RuleAction[]) {
  for (const action of actions) {
    const restriction = restrictionFor(policy, jurisdiction, action);
    if (!restriction.allowed) return restriction;
  }
  return undefined;
}

function judgeTokens(uses: Uses, params: EvaluateParameters, undecoded: boolean): ComplianceReason[] {
  const reasons: ComplianceReason[] = [];
  for (const [token, use] of uses) {
    const policy = safeLookup(params.lookupToken, params.chainId, token);
    if (!policy) continue;
    const terms = policy.terms ?? undefined;
    if (!policy.verified) {
      reasons.push({
        code: 'unverified-token',
        severity: 'warn',
        message: `${policy.symbol} at ${token} is not verified against its issuer's records.`,
        source: terms,
      });
    }
    const mismatch = countryMismatch(policy, normalizeJurisdiction(params.jurisdiction));
    if (mismatch) reasons.push({ code: 'onchain-country-mismatch', severity: 'warn', message: mismatch, source: terms });
    const dealt = [...use.roles].flatMap((role) => ACTIONS_OF[role] ?? []);
    const refused = refusalOf(policy, params.jurisdiction, dealt);
    if (refused) {
      reasons.push({
        code: refused.standing === 'covered' ? 'restricted-token' : 'unconfirmed-rule',
        severity: 'block',
        message: `${refused.message} Sharekeep will not sign a request that would ${describeUse(use, short)}.`,
        source: refused.source ?? undefined,
      });
      continue;
    }
    if (dealt.length) continue;
    // Named in data Sharekeep cannot read, or touched by a request it cannot follow: judged as any dealing.
    const hidden = use.roles.has('named') || (undecoded && !params.simulation?.ok && !use.roles.has('send'));
    const unseen = hidden ? refusalOf(policy, params.jurisdiction, ANY_DEALING) : undefined;
    if (unseen) {
      const why = use.roles.has('named')
        ? 'This request names it in data Sharekeep cannot read, so Sharekeep cannot confirm it does not buy or sell it'
        : `Sharekeep cannot confirm what this request does with it: the request is not fully decoded and ${unconfirmedWhy(params.simulation)}`;
      reasons.push({
        code: 'restricted-token-unconfirmed',
        severity: 'block',
        message: `${unseen.message} ${why}, and will not sign it.`,
        source: unseen.source ?? undefined,
      });
      continue;
    }
    const standing = restrictionFor(policy, params.jurisdiction, 'acquire');
    if (standing.standing !== 'covered') continue;
    const sent = use.roles.has('send');
    reasons.push({
      code: sent ? 'restricted-token-transfer' : 'restricted-token-involved',
      severity: 'warn',
      message: `${standing.message} This request ${sent ? 'moves it without trading it' : 'touches its contract'}; check it is what you intend.`,
      source: standing.source ?? undefined,
    });
  }
  return reasons;
}

function uncheckedReasons(uses: Uses, unchecked: readonly Address[] = []): ComplianceReason[] {
  return unchecked.flatMap((raw) => {
    const token = getAddress(raw);
    const roles = [...(uses.get(token)?.roles ?? [])];
    if (!roles.some((role) => ACTIONS_OF[role]?.includes('acquire'))) return [];
    const message = `Sharekeep could not read the contracts of ${short(token)} on this network, so it cannot tell whether the token restricts who may hold it (ERC-3643, ERC-1404 and issuers' own checks).`;
    return [{ code: 'onchain-unchecked', severity: 'warn' as const, message }];
  });
}

const WARNING_SEVERITY: Partial<Record<IntentWarning['code'], Severity>> = {
  'malformed-calldata': 'block',
  'trailing-calldata': 'info',
  'fee-portion': 'info',
};

function intentReasons(warnings: IntentWarning[]): ComplianceReason[] {
  return warnings.map((w) => ({
    code: w.code,
    severity: WARNING_SEVERITY[w.code] ?? 'warn',
    message: w.code === 'malformed-calldata' ? `${w.message} Sharekeep will not sign malformed data.` : w.message,
  }));
}

function simulationReasons(simulation: SimulationResult | undefined): ComplianceReason[] {
  if (!simulation || simulation.ok) return [];
  if (simulation.reason === 'reverted') {
    return [
      {
        code: 'simulation-reverted',
        severity: 'warn',
        message: `A dry run says this transaction would fail (${simulation.revertReason}); you would still pay gas.`,
      },
    ];
  }
  return [{ code: 'simulation-unavailable', severity: 'warn', message: `Balance changes could not be simulated: ${simulation.message}` }];
}

export function verdictOf(reasons: ComplianceReason[]): ComplianceResult['verdict'] {
  if (reasons.some((r) => r.severity === 'block')) return 'block';
  if (reasons.some((r) => r.severity === 'warn')) return 'warn';
  return 'allow';
}

/**
 * Judges a decoded request for the user's jurisdiction. Blocks any request that buys
 * (for the user or for another address), sells, approves, permits, orders or trades a
 * token restricted there, sends one to a contract, or names one in data Sharekeep
 * cannot read; blocks a restricted token touched by a request that is not fully
 * decoded when no successful dry run shows what happens, and such a transaction from an account
 * holding a restricted token; blocks malformed data. Warns
 * about plain transfers of restricted tokens, unlimited approvals, unknown typed data,
 * unverified tokens and failed or unavailable simulations; allows the rest.
 */
export function evaluate(params: EvaluateParameters): ComplianceResult {
  const undecoded = isUndecoded(params.intent);
  const uses = collectUses(params);
  const reasons = [
    ...judgeTokens(uses, params, undecoded),
    ...uncheckedReasons(uses, params.unchecked),
    ...intentReasons(params.intent.warnings),
    ...simulationReasons(params.simulation),
  ];
  if (params.sender && holdingsMatter(params.intent, params.simulation)) {
    const { jurisdiction, chainId, lookupToken, simulation } = params;
    reasons.push(...holdingReasons({ holdings: params.sender, jurisdiction, chainId, lookupToken, simulation, touched: new Set(uses.keys()) }));
  }
  return { verdict: verdictOf(reasons), reasons };
}

/** Every token the guard looks up for a request: the ones whose own contracts the on-chain checks read. */
export function touchedTokens(params: CollectParameters): Address[] {
  return [...collectUses(params).keys()];
}

export interface IssuerRequest {
  action: 'mint' | 'redeem';
  /** The tokenized stock minted or redeemed. */
  token: Address;
  /** The token paid (mint) or received (redeem), when known. */
  paymentToken?: Address;
}

/** The same rules for a mint or redeem requested from an issuer in the wallet. */
export function evaluateIssuerRequest(params: Omit<EvaluateParameters, 'intent' | 'simulation'> & { request: IssuerRequest }): ComplianceResult {
  const { action, token, paymentToken } = params.request;
  const mint = action === 'mint';
  const intent: RoleIntent = {
    kind: `issuer-${action}`,
    assetsIn: [...(mint ? [{ token, amount: 0n }] : []), ...(!mint && paymentToken ? [{ token: paymentToken, amount: 0n }] : [])],
    assetsOut: [...(!mint ? [{ token, amount: 0n }] : []), ...(mint && paymentToken ? [{ token: paymentToken, amount: 0n }] : [])],
    approvals: [],
    tokens: [],
    warnings: [],
  };
  const reasons = judgeTokens(collectUses({ intent }), { ...params, intent }, false);
  return { verdict: verdictOf(reasons), reasons };
}
