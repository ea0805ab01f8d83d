/**
 * Compliance: a decoded request plus the user's jurisdiction gives a verdict
 * (allow, warn, block) with reasons the approval window shows one by one. The ONE home of
 * the jurisdiction rule: its shape (rule.ts) and its lookup (jurisdiction.ts).
 */
export { type ApprovalLike, approvalVerdict } from './approval-verdict';
export { alpha2Country, numericCountry } from './country-codes';
export { type EvaluateParameters, evaluate, evaluateIssuerRequest, type IssuerRequest, touchedTokens, verdictOf } from './evaluate';
export { heldRestriction, holdingsMatter, type SenderHoldings } from './holdings';
export { normalizeJurisdiction, type RestrictionVerdict, type RuleAction, restrictionFor } from './jurisdiction';
export { type OnchainCheck, type OnchainFindings, type OnchainStandard, STANDARD_NAMES, withFindings } from './onchain';
export {
  PLACE_PATTERN,
  PlaceSchema,
  policyFor,
  RULE_FORBIDS,
  type Rule,
  type RuleBearingIssuer,
  type RuleBearingToken,
  type RuleForbid,
  RuleSchema,
  type TokenPolicy,
  type TokenPolicyLookup,
} from './rule';
export type { ComplianceReason, ComplianceResult, Severity, Verdict } from './types';
