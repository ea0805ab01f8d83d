/**
 * Compliance: a decoded request plus the user's jurisdiction gives a verdict
 * (allow, warn, block) with reasons the approval window shows one by one.
 */
export { type EvaluateParameters, evaluate, evaluateIssuerRequest, type IssuerRequest, verdictOf } from './evaluate';
export { normalizeJurisdiction, type Restriction, restrictionFor } from './jurisdiction';
export type { ComplianceReason, ComplianceResult, Severity, TokenPolicy, TokenPolicyLookup, Verdict } from './types';
