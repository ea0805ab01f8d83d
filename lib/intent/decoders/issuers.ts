import { type Address, isAddressEqual } from 'viem';
import type { AssetMovement, IntentWarning } from '../types';
import type { DecodeEnv, FunctionDecoder, IntentDraft } from './decoder';

/**
 * Issuer entry points of the devnet's tokenized-stock issuers (see REFERENCE.md):
 * a Dinari-style OrderProcessor and an Ondo-style GM token manager.
 */
const ORDER =
  '(uint64 requestTimestamp, address recipient, address assetToken, address paymentToken, bool sell, uint8 orderType, uint256 assetTokenQuantity, uint256 paymentTokenQuantity, uint256 price, uint8 tif) order';
const FEE_QUOTE = '(uint256 orderId, address requester, uint256 fee, uint64 timestamp, uint64 deadline) feeQuote';
const QUOTE =
  '(uint256 chainId, uint256 attestationId, bytes32 userId, address asset, uint256 price, uint256 quantity, uint256 expiration, uint8 side, bytes32 additionalData) quote';

export interface OrderFields {
  recipient: Address;
  assetToken: Address;
  paymentToken: Address;
  sell: boolean;
  orderType: number;
  assetTokenQuantity: bigint;
  paymentTokenQuantity: bigint;
}

/** Words and movements for an issuer order; shared with the signed-order decoder. */
export function describeIssuerOrder(order: OrderFields, user: Address, d: DecodeEnv['d'], fee = 0n): Omit<IntentDraft, 'kind'> {
  const style = Number(order.orderType) === 1 ? 'limit' : 'market';
  const warnings: IntentWarning[] = [];
  if (!isAddressEqual(order.recipient, user)) {
    warnings.push({ code: 'recipient-not-sender', message: `The order's proceeds go to ${d.address(order.recipient)}, not to your account.` });
  }
  const quantityOrPending = (token: Address, amount: bigint) =>
    amount > 0n ? d.amount(token, amount) : `${d.token(token)} (amount set when the order fills)`;
  if (order.sell) {
    const out = order.assetTokenQuantity;
    return {
      summary: `Place a ${style} order selling ${d.amount(order.assetToken, out)} for ${quantityOrPending(order.paymentToken, order.paymentTokenQuantity)} with the issuer.`,
      assetsOut: [{ token: order.assetToken, amount: out }],
      assetsIn: [{ token: order.paymentToken, amount: order.paymentTokenQuantity, min: true }],
      warnings,
    };
  }
  const pay: AssetMovement = { token: order.paymentToken, amount: order.paymentTokenQuantity + fee };
  return {
    summary: `Place a ${style} order buying ${quantityOrPending(order.assetToken, order.assetTokenQuantity)} for ${d.amount(order.paymentToken, pay.amount)}${fee > 0n ? ' including fees' : ''} with the issuer.`,
    assetsOut: [pay],
    assetsIn: [{ token: order.assetToken, amount: order.assetTokenQuantity, min: true }],
    warnings,
  };
}

interface QuoteFields {
  chainId: bigint;
  asset: Address;
  quantity: bigint;
  side: number;
}

function quoteWarnings(env: DecodeEnv, quote: QuoteFields, expectedSide: number): IntentWarning[] {
  const warnings: IntentWarning[] = [];
  if (quote.chainId !== BigInt(env.tx.chainId)) {
    warnings.push({
      code: 'inconsistent-quote',
      message: `The issuer's quote is for chain ${quote.chainId}, not chain ${env.tx.chainId}; the issuer will refuse it.`,
    });
  }
  if (Number(quote.side) !== expectedSide) {
    warnings.push({
      code: 'inconsistent-quote',
      message: `The issuer's quote is for a ${Number(quote.side) === 0 ? 'purchase' : 'sale'}, not this request; the issuer will refuse it.`,
    });
  }
  return warnings;
}

export const issuerDecoders: FunctionDecoder[] = [
  {
    signature: `function createOrder(${ORDER}, ${FEE_QUOTE}, bytes feeQuoteSignature)`,
    describe([order, feeQuote], env) {
      const fee = (feeQuote as { fee: bigint }).fee;
      return { kind: 'issuer-order', ...describeIssuerOrder(order as OrderFields, env.tx.from, env.d, (order as OrderFields).sell ? 0n : fee) };
    },
  },
  {
    signature: `function createOrderStandardFees(${ORDER})`,
    describe: ([order], env) => ({ kind: 'issuer-order', ...describeIssuerOrder(order as OrderFields, env.tx.from, env.d) }),
  },
  {
    signature: 'function requestCancel(uint256 id)',
    describe: ([id]) => ({ kind: 'issuer-cancel', summary: `Ask the issuer to cancel order #${id}; escrowed funds return if it has not filled.` }),
  },
  {
    signature: `function mintWithAttestation(${QUOTE}, bytes signature, address depositToken, uint256 depositTokenAmount)`,
    describe([quote, , depositToken, amount], env) {
      const q = quote as QuoteFields;
      const token = depositToken as Address;
      return {
        kind: 'issuer-mint',
        summary: `Mint ${env.d.amount(q.asset, q.quantity)} from the issuer, paying ${env.d.amount(token, amount as bigint)}.`,
        assetsOut: [{ token, amount: amount as bigint }],
        assetsIn: [{ token: q.asset, amount: q.quantity }],
        warnings: quoteWarnings(env, q, 0),
      };
    },
  },
  {
    signature: `function redeemWithAttestation(${QUOTE}, bytes signature, address receiveToken, uint256 minimumReceiveAmount)`,
    describe([quote, , receiveToken, min], env) {
      const q = quote as QuoteFields;
      const token = receiveToken as Address;
      return {
        kind: 'issuer-redeem',
        summary: `Redeem ${env.d.amount(q.asset, q.quantity)} with the issuer for at least ${env.d.amount(token, min as bigint)}.`,
        assetsOut: [{ token: q.asset, amount: q.quantity }],
        assetsIn: [{ token, amount: min as bigint, min: true }],
        warnings: quoteWarnings(env, q, 1),
      };
    },
  },
];
