/** One adapter per issuer protocol: it checks the issuer's quote and reads settlement on chain. */
import * as v from 'valibot';
import { type Address, type Hex, isAddressEqual } from 'viem';
import type { ChainReader } from './chain';
import { issuerError } from './errors';
import { firstIssue } from './schemas';
import type { CheckedQuote, IssuerProtocol, QuoteAsk, Settlement } from './types';

export interface IssuerAdapter {
  protocol: IssuerProtocol;
  /**
   * Validates an answer at the devnet's own /v1/quotes and checks it is exactly what was asked;
   * throws issuer.bad_answer otherwise. Absent where the issuer's real API is spoken instead
   * (Ondo GM's attestations: ondo-quote.ts; Dinari's fee quotes: dinari-order.ts).
   */
  checkQuote?(answer: unknown, ask: QuoteAsk): CheckedQuote;
  /** Chain checks of a checked quote before anything is signed (throws an issuer error to refuse). */
  confirmOnChain?(chain: ChainReader, quote: CheckedQuote, ask: QuoteAsk): Promise<void>;
  /** How far the request got, read from chain state after its issuer transaction `hash` was sent. */
  settlement(chain: ChainReader, quote: CheckedQuote, hash: `0x${string}`, user: Address): Promise<Settlement>;
}

export const badAnswer = (ask: Pick<QuoteAsk, 'issuerName'>, detail: string) =>
  issuerError('issuer.bad_answer', `${ask.issuerName} sent a quote Sharekeep cannot accept (${detail}). Nothing was signed; ask for a new quote.`);

export function parseAnswer<S extends v.GenericSchema>(schema: S, answer: unknown, ask: QuoteAsk): v.InferOutput<S> {
  const parsed = v.safeParse(schema, answer);
  if (!parsed.success) throw badAnswer(ask, firstIssue(parsed.issues));
  return parsed.output;
}

interface QuoteFields {
  issuer: string;
  paymentToken: Address;
  expiry: bigint;
  marketStatus: 'open' | 'closed';
  contract: Address;
  token: Address;
  side: 'buy' | 'sell';
  quantity: bigint;
  price: bigint;
  value: bigint;
  fee: bigint;
  total: bigint;
}

/** The checks every protocol shares: the right issuer, token, side and quantity, and sums that add up. */
export function checkCommonFields(q: QuoteFields, ask: QuoteAsk): void {
  const fail = (detail: string) => {
    throw badAnswer(ask, detail);
  };
  if (q.issuer !== ask.issuerId) fail(`it comes from issuer "${q.issuer}", not "${ask.issuerId}"`);
  if (!isAddressEqual(q.token, ask.token)) fail('it is for another token');
  if (q.side !== (ask.side === 'mint' ? 'buy' : 'sell')) fail('it is for the other side of the trade');
  if (q.quantity !== ask.quantity) fail('it is for another quantity');
  if (q.price <= 0n || q.value <= 0n) fail('it has no price');
  const expected = ask.side === 'mint' ? q.value + q.fee : q.value - q.fee;
  if (ask.side === 'redeem' && q.fee >= q.value) fail('the fee takes the whole payout');
  if (q.total !== expected) fail('its total is not the value plus or minus the fee');
}

/** The checked quote an adapter hands the service: the issuer's numbers and the encoded call. */
export function checkedQuote(protocol: IssuerProtocol, q: QuoteFields, ask: QuoteAsk, data: Hex, orderId?: bigint): CheckedQuote {
  const { quantity, price, value, fee, total, paymentToken, expiry, marketStatus, contract } = q;
  return {
    protocol,
    side: ask.side,
    token: ask.token,
    quantity,
    price,
    value,
    fee,
    total,
    paymentToken,
    expiry,
    marketStatus,
    contract,
    data,
    ...(orderId === undefined ? {} : { orderId }),
  };
}
