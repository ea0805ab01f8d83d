/** The Ledger device code: import this domain only dynamically (`await import(...)`), from an extension page. */
export { type LedgerAccount, ledgerAccounts, signOnLedger } from './app';
export { deviceError } from './device-errors';
