export type IssuerErrorCode =
  | 'bad_request'
  | 'not_found'
  | 'unknown_token'
  | 'kyc_required'
  | 'market_closed'
  | 'amount_below_minimum'
  | 'internal_error';

const httpStatus: Record<IssuerErrorCode, number> = {
  bad_request: 400,
  not_found: 404,
  unknown_token: 404,
  kyc_required: 403,
  market_closed: 409,
  amount_below_minimum: 422,
  internal_error: 500,
};

/** An error the issuer service answers with as JSON: `{ error: { code, message } }`. */
export class IssuerError extends Error {
  readonly code: IssuerErrorCode;
  readonly status: number;
  constructor(code: IssuerErrorCode, message: string) {
    super(message);
    this.name = 'IssuerError';
    this.code = code;
    this.status = httpStatus[code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message } };
  }
}
