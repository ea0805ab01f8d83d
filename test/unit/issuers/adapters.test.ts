import { decodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { orderProcessorAdapter, type QuoteAsk } from '../../../lib/issuers';
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
    expect(() => orderProcessorAdapter.checkQuote?.(attestationQuote('buy', E18, TOKENS.AAPL), ask(TOKENS.AAPL, 'mint', 'orders'))).toThrow(
      expect.objectContaining({ code: 'issuer.bad_answer' }),
    );
  });
});
