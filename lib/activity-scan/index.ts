/**
 * Incoming transfers of the tokens the portfolio tracks, read from the chain's Transfer logs in
 * bounded block ranges and resumed where the last scan stopped; issuer payouts are marked.
 */
export { isIssuerPayout } from './payouts';
export { DEFAULT_SCAN_LIMITS, type ScanLimits, type ScanOutcome, type ScanTarget, scanIncoming, TRANSFER_TOPIC } from './scan';
export { createIncomingScanner, type IncomingScanner, type ScanNetwork } from './scanner';
