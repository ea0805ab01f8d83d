import { decodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { attestationAdapter, orderProcessorAdapter, type QuoteAsk } from '../../../lib/issuers';
import { attestationQuote, CHAIN_ID, E18, PROCESSOR, SIGNATURE, TOKENS, USDC, USER } from './fixtures';
import { ownMarketOrder } from '../../../lib/issuers/order-processor';
import { orderProcessorAbi } from '../../../lib/issuers/abis';

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

describe('order-processor (Dinari) market orders', () => {
  const feeQuote = { orderId: 777n, requester: USER, fee: 1_500_000n, timestamp: 1n, deadline: 2n };
  const own = (side: QuoteAsk['side'], fee = feeQuote.fee) =>
    ownMarketOrder({
      ask: ask(TOKENS.AAPL, side, 'orders'),
      contract: PROCESSOR,
      paymentToken: USDC,
      tokenDecimals: 18,
      paymentDecimals: 6,
      walletPrice: 200n * E18,
      feeQuote: { ...feeQuote, fee },
      signature: SIGNATURE,
      now: 1n,
    });

  it('a buy escrows the value at the wallet price plus the signed fee, and encodes exactly that order', () => {
    const q = own('mint');
    expect(q).toMatchObject({ value: 200_000_000n, fee: 1_500_000n, total: 201_500_000n, orderId: 777n, walletPriced: true });
    const call = decodeFunctionData({ abi: orderProcessorAbi, data: q.data });
    expect(call.functionName).toBe('createOrder');
    const [order, quote, signature] = call.args as readonly [Record<string, unknown>, Record<string, unknown>, string];
    expect(order).toMatchObject({
      recipient: USER,
      assetToken: TOKENS.AAPL,
      paymentToken: USDC,
      sell: false,
      paymentTokenQuantity: 200_000_000n,
      assetTokenQuantity: 0n,
    });
    expect(quote).toMatchObject({ fee: 1_500_000n, orderId: 777n });
    expect(signature).toBe(SIGNATURE);
  });

  it('a sell burns exactly the quantity asked and is paid the value less the fee', () => {
    const q = own('redeem');
    expect(q.total).toBe(198_500_000n);
    const [order] = decodeFunctionData({ abi: orderProcessorAbi, data: q.data }).args as unknown as readonly [Record<string, unknown>];
    expect(order).toMatchObject({ sell: true, assetTokenQuantity: E18, paymentTokenQuantity: 0n });
  });

  it('refuses a sell whose fee takes the whole payout', () => {
    expect(() => own('redeem', 300_000_000n)).toThrow(expect.objectContaining({ code: 'issuer.bad_answer' }));
  });

  it('takes no order from the issuer: an issuer-built order answer is refused', () => {
    expect(() => orderProcessorAdapter.checkQuote(attestationQuote('buy', E18, TOKENS.AAPL), ask(TOKENS.AAPL, 'mint', 'orders'))).toThrow(
      expect.objectContaining({ code: 'issuer.bad_answer' }),
    );
  });
});
