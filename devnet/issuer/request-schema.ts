import * as v from 'valibot';
import { type Address, isAddress } from 'viem';
import { IssuerError } from './errors.ts';
import type { QuoteRequest } from './quotes.ts';

const baseUnits = v.pipe(v.string(), v.regex(/^[0-9]{1,40}$/, 'must be a decimal string of base units'));
const address = v.pipe(
  v.string(),
  v.check((value) => isAddress(value), 'must be a 0x address'),
);

const quoteRequestSchema = v.pipe(
  v.object({
    token: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
    side: v.picklist(['buy', 'sell']),
    quantity: v.optional(baseUnits),
    amount: v.optional(baseUnits),
    address,
  }),
  v.check((r) => (r.quantity === undefined) !== (r.amount === undefined), 'give exactly one of quantity or amount'),
);

const bps = v.pipe(v.number(), v.integer(), v.minValue(-9_000), v.maxValue(9_000));
/** PUT /v1/pricing: the operator's deviant-quote setting for one token (both 0 clears it). */
export const quoteSkewSchema = v.object({
  token: v.pipe(v.string(), v.minLength(1), v.maxLength(64)),
  priceBps: v.optional(bps, 0),
  valueBps: v.optional(bps, 0),
});

export const marketModeSchema = v.object({ mode: v.picklist(['open', 'closed', 'hours']) });

/** Validates a POST /v1/quotes body; quantity is token base units, amount is USDC base units. */
export function parseQuoteRequest(body: unknown): QuoteRequest {
  const r = parseOrThrow(quoteRequestSchema, body);
  return {
    token: r.token,
    side: r.side,
    quantity: r.quantity === undefined ? undefined : BigInt(r.quantity),
    amount: r.amount === undefined ? undefined : BigInt(r.amount),
    address: r.address as Address,
  };
}

export function parseAddress(value: string): Address {
  return parseOrThrow(address, value) as Address;
}

export function parseOrThrow<const S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.');
    throw new IssuerError('bad_request', path ? `${path}: ${issue.message}` : issue.message);
  }
  return result.output;
}
