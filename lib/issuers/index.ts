/**
 * Mint and redeem through allowlisted issuers: one adapter per issuer protocol (Ondo-style
 * attestations, Dinari-style order processor), an HTTP client over the AllowlistedFetch port,
 * and a service that checks the allowlist and compliance, quotes, hands the wallet's signing road
 * the request as one plan (plan.ts) approved once, sends its steps (plan-run.ts), and reads
 * settlement from the chain.
 */
export type { IssuerAdapter } from './adapter';
export { attestationAdapter } from './attestation';
export { depositAdapter } from './deposit';
export {
  apiKindOf,
  createIssuerCredentialStore,
  type CredentialField,
  type IssuerApiKind,
  type IssuerCredentialStore,
  type IssuerCredentialsView,
} from './credentials';
export { type IssuerErrorCode, issuerError } from './errors';
export { createAllowlistedFetch, type GuardedFetchOptions } from './guarded-fetch';
export { createIssuerApi, type IssuerApi, type IssuerEndpoint, type QuoteBody } from './issuer-api';
export { orderProcessorAdapter } from './order-processor';
export {
  checkQuotePrice,
  PRICE_BLOCK_BPS,
  PRICE_WARN_BPS,
  type PriceCheck,
  type PriceCheckInput,
  type PriceCheckLevel,
  valueAt,
} from './price-check';
export {
  createIssuerService,
  type IssuerOptions,
  type IssuerService,
  type IssuerServiceDeps,
  type IssuerTransaction,
  type QuoteParams,
} from './service';
export type { IssuerPlan, IssuerPlanDetails, IssuerPlanStep, PlanStepKind } from './plan';
export type { CheckedQuote, IssuerProtocol, IssuerSide, QuoteAsk, Settlement } from './types';
export type { IssuerRequestStatus, IssuerRequestView, TokenRefView } from './view';
