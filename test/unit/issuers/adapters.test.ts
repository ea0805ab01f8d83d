import { describe, expect, it } from 'vitest';
import { attestationAdapter, orderProcessorAdapter, type QuoteAsk } from '../../../lib/issuers';
import { attestationQuote, CHAIN_ID, E18, orderQuote, TOKENS, USER } from './fixtures';

const ask = (token: `0x${string}`, side: QuoteAsk['side'], issuerId: string): QuoteAsk => ({
  chainId: CHAIN_ID,
  issuerId,
  issuerName: 'Test Issuer',
  user: USER,
  token,
  side,
  quantity: E18,
});

type Json = Record<string, unknown>;
const edit = <T extends Json>(quote: T, change: (q: T) => void): T => {
  const copy = structuredClone(quote);
  change(copy);
  return copy;
};

describe('attestation quotes', () => {
  const good = attestationQuote('buy', E18) as unknown as Json & { quote: Json };

  it('accepts the issuer answer for what was asked', () => {
    expect(attestationAdapter.checkQuote(good, ask(TOKENS.NVDA, 'mint', 'attest'))).toMatchObject({
      protocol: 'attestation',
      quantity: E18,
      total: BigInt(good.total as string),
    });
  });

  it.each([
    ['not an object', () => 'hello'],
    ['a missing signature', () => edit(good, (q) => delete q.signature)],
    ['a short signature', () => edit(good, (q) => (q.signature = '0x1234'))],
    ['an amount as a float', () => edit(good, (q) => (q.total = '10.5'))],
    ['an amount as a number', () => edit(good, (q) => (q.total = 10))],
    ['a bad address', () => edit(good, (q) => (q.contract = '0x1234'))],
    ['another token', () => edit(good, (q) => (q.token = TOKENS.AMZN))],
    ['another issuer', () => edit(good, (q) => (q.issuer = 'orders'))],
    ['the other side', () => edit(good, (q) => (q.side = 'sell'))],
    ['another quantity', () => edit(good, (q) => (q.quantity = `${2n * E18}`))],
    ['a total that does not add up', () => edit(good, (q) => (q.total = `${BigInt(q.total as string) + 1n}`))],
    ['an attestation for another chain', () => edit(good, (q) => (q.quote.chainId = '1'))],
    ['an attestation for another asset', () => edit(good, (q) => (q.quote.asset = TOKENS.AMZN))],
    ['an attestation with another quantity', () => edit(good, (q) => (q.quote.quantity = '1'))],
    ['an attestation for the other side', () => edit(good, (q) => (q.quote.side = 1))],
    ['an attestation with a hidden fee', () => edit(good, (q) => (q.quote.additionalData = `0x${'ff'.repeat(32)}`))],
    ['the redeem method for a mint', () => edit(good, (q) => (q.method = 'redeemWithAttestation'))],
  ])('refuses %s as issuer.bad_answer', (_name, answer) => {
    expect(() => attestationAdapter.checkQuote(answer(), ask(TOKENS.NVDA, 'mint', 'attest'))).toThrow(
      expect.objectContaining({ code: 'issuer.bad_answer' }),
    );
  });

  it('refuses a redemption whose fee eats the payout', () => {
    const sell = edit(attestationQuote('sell', E18) as unknown as Json, (q) => {
      q.fee = q.value;
      q.total = '0';
    });
    expect(() => attestationAdapter.checkQuote(sell, ask(TOKENS.NVDA, 'redeem', 'attest'))).toThrow(
      expect.objectContaining({ code: 'issuer.bad_answer' }),
    );
  });
});

describe('order-processor quotes', () => {
  const good = orderQuote('buy', E18) as unknown as Json & { order: Json; feeQuote: Json };

  it('accepts the issuer answer and keeps the order id it signs for', () => {
    expect(orderProcessorAdapter.checkQuote(good, ask(TOKENS.AAPL, 'mint', 'orders'))).toMatchObject({ protocol: 'order-processor', orderId: 777n });
  });

  it.each([
    ['proceeds to another recipient', () => edit(good, (q) => (q.order.recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'))],
    ['another asset', () => edit(good, (q) => (q.order.assetToken = TOKENS.NVDA))],
    ['another payment token', () => edit(good, (q) => (q.order.paymentToken = TOKENS.NVDA))],
    ['a sell order for a buy', () => edit(good, (q) => (q.order.sell = true))],
    ['a limit order', () => edit(good, (q) => (q.order.orderType = 1))],
    ['a larger spend than quoted', () => edit(good, (q) => (q.order.paymentTokenQuantity = `${BigInt(q.value as string) * 2n}`))],
    ['a fee quote for someone else', () => edit(good, (q) => (q.feeQuote.requester = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'))],
    ['a fee quote with another fee', () => edit(good, (q) => (q.feeQuote.fee = '1'))],
    ['an attestation answer', () => attestationQuote('buy', E18, TOKENS.AAPL)],
  ])('refuses %s as issuer.bad_answer', (_name, answer) => {
    expect(() => orderProcessorAdapter.checkQuote(answer(), ask(TOKENS.AAPL, 'mint', 'orders'))).toThrow(
      expect.objectContaining({ code: 'issuer.bad_answer' }),
    );
  });
});
