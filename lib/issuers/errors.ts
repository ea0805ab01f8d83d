/**
 * Issuer errors as WalletErrors with stable codes: each message says what happened and what
 * the user can do next. The wallet stays usable after any of them.
 */
import { WalletError } from '../errors';

export type IssuerErrorCode =
  | 'issuer.not_allowlisted'
  | 'issuer.unsupported'
  | 'issuer.blocked'
  | 'issuer.kyc_required'
  | 'issuer.market_closed'
  | 'issuer.below_minimum'
  | 'issuer.unknown_token'
  | 'issuer.bad_request'
  | 'issuer.unavailable'
  | 'issuer.bad_answer'
  | 'issuer.quote_expired'
  | 'issuer.price_deviation'
  | 'issuer.unknown_request'
  | 'issuer.bad_amount'
  | 'issuer.no_account'
  | 'issuer.plan_changed'
  | 'issuer.bad_credentials'
  | 'issuer.failed';

export const issuerError = (code: IssuerErrorCode, message: string, cause?: unknown) =>
  new WalletError(code, message, cause === undefined ? undefined : { cause });

/** The issuer service's own error codes (see devnet/issuer/README.md) and what the user reads. */
const SERVICE_CODES: Record<string, { code: IssuerErrorCode; advice: string }> = {
  kyc_required: { code: 'issuer.kyc_required', advice: 'Complete the issuer’s identity check (KYC) for this address, then try again.' },
  market_closed: {
    code: 'issuer.market_closed',
    advice: 'The issuer only mints and redeems while the stock market is open. Try again during market hours.',
  },
  amount_below_minimum: { code: 'issuer.below_minimum', advice: 'Enter a larger amount.' },
  unknown_token: { code: 'issuer.unknown_token', advice: 'This issuer does not mint or redeem this token.' },
  not_found: { code: 'issuer.unknown_token', advice: 'This issuer does not offer that request.' },
  bad_request: { code: 'issuer.bad_request', advice: 'Check the amount and try again.' },
};

/** Turns an issuer's `{ error: { code, message } }` answer into a WalletError naming the issuer. */
export function fromServiceError(issuerName: string, status: number, code: string | undefined, message: string | undefined): WalletError {
  const known = code !== undefined && Object.hasOwn(SERVICE_CODES, code) ? SERVICE_CODES[code] : undefined;
  const said = message ? ` (${message.slice(0, 200)})` : '';
  if (known) return issuerError(known.code, `${issuerName} refused the request${said}. ${known.advice}`);
  return issuerError('issuer.unavailable', `${issuerName} could not answer (HTTP ${status})${said}. Nothing was sent; try again later.`);
}
