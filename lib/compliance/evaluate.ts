import { type Address, getAddress } from 'viem';
import type { IntentBody, IntentWarning, SimulationResult } from '../intent';
import { type RuleAction, restrictionFor } from './jurisdiction';
import type { TokenPolicy, TokenPolicyLookup } from './rule';
import type { ComplianceReason, ComplianceResult, Severity } from './types';

/** How a request touches a token. Trading roles are judged by the token's rule, in its terms. */
type Role = 'acquire' | 'sell' | 'redeem' | 'approve' | 'send' | 'involve';
const TRADING: [Role, RuleAction][] = [
  ['acquire', 'acquire'],
  ['redeem', 'redeem'],
  ['sell', 'dispose'],
  ['approve', 'dispose'],
];
const TRANSFER_KINDS = new Set(['native-transfer', 'erc20-transfer', 'erc20-transfer-from']);
/** Requests that hand the token back to its issuer. */
const REDEEM_KINDS = new Set(['issuer-redeem']);

export interface EvaluateParameters {
  intent: Pick<IntentBody, 'assetsOut' | 'assetsIn' | 'approvals' | 'tokens' | 'warnings'> & { kind: string };
  /** ISO 3166-1 alpha-2 country of the user. */
  jurisdiction: string | undefined;
  lookupToken: TokenPolicyLookup;
  chainId: number;
  simulation?: SimulationResult;
}

type Roles = Map<Address, Set<Role>>;

function addRole(roles: Roles, token: Address | 'native', role: Role) {
  if (token === 'native') return;
  const key = getAddress(token);
  roles.set(key, (roles.get(key) ?? new Set()).add(role));
}

function collectRoles({ intent, simulation }: EvaluateParameters): Roles {
  const roles: Roles = new Map();
  const outgoing: Role = TRANSFER_KINDS.has(intent.kind) ? 'send' : REDEEM_KINDS.has(intent.kind) ? 'redeem' : 'sell';
  for (const m of intent.assetsIn) addRole(roles, m.token, 'acquire');
  for (const m of intent.assetsOut) addRole(roles, m.token, outgoing);
  for (const a of intent.approvals) addRole(roles, a.token, 'approve');
  // The simulation sees what the decoders may miss: tokens an unknown router really moves.
  if (simulation?.ok) for (const c of simulation.changes) addRole(roles, c.token, c.delta > 0n ? 'acquire' : outgoing);
  for (const t of intent.tokens) addRole(roles, t, 'involve');
  return roles;
}

function safeLookup(lookup: TokenPolicyLookup, chainId: number, token: Address): TokenPolicy | undefined {
  try {
    return lookup(chainId, token);
  } catch {
    return undefined;
  }
}

const DESCRIBE: Record<RuleAction, string> = {
  acquire: 'buy or receive it',
  redeem: 'redeem it',
  dispose: 'sell, trade or let another party spend it',
};

function judgeTokens(roles: Roles, params: Omit<EvaluateParameters, 'intent' | 'simulation'>): ComplianceReason[] {
  const reasons: ComplianceReason[] = [];
  for (const [token, tokenRoles] of roles) {
    const policy = safeLookup(params.lookupToken, params.chainId, token);
    if (!policy) continue;
    const source = policy.terms ?? undefined;
    if (!policy.verified) {
      reasons.push({
        code: 'unverified-token',
        severity: 'warn',
        message: `${policy.symbol} at ${token} is not verified against its issuer's records.`,
        source,
      });
    }
    const refused = TRADING.filter(([role]) => tokenRoles.has(role))
      .map(([, action]) => ({ action, restriction: restrictionFor(policy, params.jurisdiction, action) }))
      .find((r) => !r.restriction.allowed);
    if (refused) {
      const { action, restriction } = refused;
      reasons.push({
        code: restriction.standing === 'covered' ? 'restricted-token' : 'unconfirmed-rule',
        severity: 'block',
        message: `${restriction.message} Sharekeep will not sign a request that would ${DESCRIBE[action]}.`,
        source: restriction.source ?? undefined,
      });
      continue;
    }
    const standing = restrictionFor(policy, params.jurisdiction, 'acquire');
    if (standing.standing !== 'covered' || TRADING.some(([role]) => tokenRoles.has(role))) continue;
    reasons.push({
      code: tokenRoles.has('send') ? 'restricted-token-transfer' : 'restricted-token-involved',
      severity: 'warn',
      message: `${standing.message} This request ${tokenRoles.has('send') ? 'moves it without trading it' : 'touches its contract'}; check it is what you intend.`,
      source: standing.source ?? undefined,
    });
  }
  return reasons;
}

const WARNING_SEVERITY: Partial<Record<IntentWarning['code'], Severity>> = {
  'malformed-calldata': 'block',
  'trailing-calldata': 'info',
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
 * Judges a decoded request for the user's jurisdiction: blocks any request that
 * buys, sells, redeems, approves, permits or orders a token in a way its rule forbids
 * there, or that acquires a security whose rule is unknown (naming the token, the
 * country and the rule's source), or that carries malformed data; warns
 * about unlimited approvals, unknown typed data, unverified tokens and failed or
 * unavailable simulations; allows the rest.
 */
export function evaluate(params: EvaluateParameters): ComplianceResult {
  const reasons = [...judgeTokens(collectRoles(params), params), ...intentReasons(params.intent.warnings), ...simulationReasons(params.simulation)];
  return { verdict: verdictOf(reasons), reasons };
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
  const roles: Roles = new Map();
  addRole(roles, params.request.token, params.request.action === 'mint' ? 'acquire' : 'redeem');
  if (params.request.paymentToken) addRole(roles, params.request.paymentToken, params.request.action === 'mint' ? 'sell' : 'acquire');
  const reasons = judgeTokens(roles, params);
  return { verdict: verdictOf(reasons), reasons };
}
