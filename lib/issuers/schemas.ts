/**
 * What an issuer service may answer, checked with valibot before anything uses it. Amounts
 * arrive as decimal strings of base units and leave as bigint; addresses are checksummed.
 */
import * as v from 'valibot';
import { type Address, getAddress, type Hex, isAddress } from 'viem';

const uint = v.pipe(
  v.string(),
  v.regex(/^\d{1,78}$/, 'a decimal string of base units'),
  v.transform((s: string) => BigInt(s)),
);
const address = v.pipe(
  v.string(),
  v.check((s) => isAddress(s, { strict: false }), 'an address'),
  v.transform((s) => getAddress(s) as Address),
);
const bytes32 = v.pipe(
  v.string(),
  v.regex(/^0x[0-9a-fA-F]{64}$/, '32 bytes of hex'),
  v.transform((s) => s as Hex),
);

export const ServiceErrorSchema = v.object({ error: v.object({ code: v.pipe(v.string(), v.maxLength(64)), message: v.optional(v.string()) }) });

export const KycAnswerSchema = v.object({ address, verified: v.boolean(), userId: v.nullable(bytes32) });

/** Fields every quote carries, whatever the issuer's protocol. */
const quoteBase = {
  issuer: v.pipe(v.string(), v.maxLength(64)),
  token: address,
  symbol: v.pipe(v.string(), v.maxLength(32)),
  side: v.picklist(['buy', 'sell']),
  quantity: uint,
  price: uint,
  value: uint,
  fee: uint,
  total: uint,
  paymentToken: address,
  expiry: uint,
  marketStatus: v.picklist(['open', 'closed']),
  contract: address,
};

/** A Backed-style redemption: an indicative quote naming the deposit address, the payout address and the T+n window. */
export const DepositQuoteSchema = v.object({
  ...quoteBase,
  kind: v.literal('deposit'),
  method: v.literal('transfer'),
  depositAddress: address,
  payoutAddress: address,
  settlementDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(30)),
});

/** The deposit issuer's answer on whether a wallet is pre-approved (whitelisted) to redeem. */
export const RedemptionWalletSchema = v.object({ address, approved: v.boolean(), depositAddress: v.nullable(address) });

export type KycAnswer = v.InferOutput<typeof KycAnswerSchema>;
export type RedemptionWalletAnswer = v.InferOutput<typeof RedemptionWalletSchema>;

/** The first problem valibot found, as `path: message`. */
export function firstIssue(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : (issue?.message ?? 'unexpected shape');
}
