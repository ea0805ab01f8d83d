/**
 * Dinari-style issuers: the user creates an on-chain order with an issuer-signed fee quote (a
 * buy escrows the stablecoin, a sell burns the shares at once); the issuer's operator fills it
 * later, and OrderFill / OrderFulfilled on chain say how it settled.
 */
import { type Address, encodeEventTopics, encodeFunctionData, type Hex, isAddressEqual, parseEventLogs } from 'viem';
import { ORDER_STATUS, orderProcessorAbi } from './abis';
import { badAnswer, checkedQuote, type IssuerAdapter } from './adapter';
import type { FeeQuote } from './dinari-api';
import { valueAt } from './price-check';
import type { CheckedQuote, QuoteAsk } from './types';

export interface OwnOrderInput {
  ask: QuoteAsk;
  /** The registry's OrderProcessor on this chain. */
  contract: Address;
  paymentToken: Address;
  tokenDecimals: number;
  paymentDecimals: number;
  /** The wallet's own price (USD per whole token, 18 decimals): Dinari quotes no price for a market order. */
  walletPrice: bigint;
  /** The fee quote, already checked (signer, requester, chain, deadline) by checkFeeQuote. */
  feeQuote: FeeQuote;
  signature: Hex;
  /** Seconds; the order's requestTimestamp. */
  now: bigint;
}

/**
 * The wallet's own market order for a Dinari-style processor: a buy escrows value + fee of the
 * payment token (value from the wallet's price, so the shares received may differ a little: it
 * fills at market); a sell burns exactly the quantity asked and receives the fill less the fee.
 * The encoded createOrder carries exactly these numbers and the issuer's signed fee quote.
 */
export function ownMarketOrder(input: OwnOrderInput): CheckedQuote {
  const { ask, feeQuote, walletPrice } = input;
  const buy = ask.side === 'mint';
  const value = valueAt(ask.quantity, walletPrice, input.tokenDecimals, input.paymentDecimals);
  if (walletPrice <= 0n || value <= 0n) throw badAnswer(ask, 'Sharekeep has no market price for this token to size a market order');
  if (!buy && feeQuote.fee >= value) throw badAnswer(ask, 'the fee takes the whole payout');
  const order = {
    requestTimestamp: input.now,
    recipient: ask.user,
    assetToken: ask.token,
    paymentToken: input.paymentToken,
    sell: !buy,
    orderType: 0,
    assetTokenQuantity: buy ? 0n : ask.quantity,
    paymentTokenQuantity: buy ? value : 0n,
    price: 0n,
    tif: 0,
  };
  const data = encodeFunctionData({ abi: orderProcessorAbi, functionName: 'createOrder', args: [order, feeQuote, input.signature] });
  const fields = {
    issuer: ask.issuerId,
    paymentToken: input.paymentToken,
    expiry: feeQuote.deadline,
    marketStatus: 'open' as const,
    contract: input.contract,
    token: ask.token,
    side: buy ? ('buy' as const) : ('sell' as const),
    quantity: ask.quantity,
    price: walletPrice,
    value,
    fee: feeQuote.fee,
    total: buy ? value + feeQuote.fee : value - feeQuote.fee,
  };
  return { ...checkedQuote('order-processor', fields, ask, data, feeQuote.orderId), walletPriced: true };
}

export const orderProcessorAdapter: IssuerAdapter = {
  protocol: 'order-processor',

  // A Dinari-style issuer builds no order for the wallet: the wallet builds its own (ownMarketOrder).
  checkQuote(_answer, ask) {
    throw badAnswer(ask, 'a Dinari-style issuer sends a fee quote, not an order; Sharekeep builds the order itself');
  },

  async settlement(chain, quote, hash) {
    const receipt = await chain.receipt(hash);
    if (!receipt) return { state: 'pending', note: 'Waiting for the order transaction to be mined.' };
    if (!receipt.success) return { state: 'failed', reason: 'The issuer contract refused the order; nothing was taken.' };
    const created = parseEventLogs({ abi: orderProcessorAbi, eventName: 'OrderCreated', logs: receipt.logs as never, strict: false }).find((log) =>
      isAddressEqual(log.address, quote.contract),
    );
    const id = created?.args.id;
    if (id === undefined) return { state: 'failed', reason: 'The transaction was mined but created no order.' };
    const status = Number(await chain.read(quote.contract, orderProcessorAbi, 'getOrderStatus', [id]));
    if (status === ORDER_STATUS.active) return { state: 'pending', note: 'Order placed; waiting for the issuer to fill it.' };
    if (status === ORDER_STATUS.cancelled) {
      return {
        state: 'failed',
        reason:
          quote.side === 'mint'
            ? 'The issuer cancelled the order and returned the escrowed payment.'
            : 'The issuer cancelled the order and returned your tokens.',
      };
    }
    const topics = encodeEventTopics({ abi: orderProcessorAbi, eventName: 'OrderFill', args: { id } }) as Hex[];
    const fills = parseEventLogs({
      abi: orderProcessorAbi,
      eventName: 'OrderFill',
      logs: (await chain.logs({ address: quote.contract, topics, fromBlock: receipt.blockNumber })) as never,
      strict: false,
    });
    const fill = fills.find((log) => log.args.id === id);
    if (!fill) return { state: 'pending', note: 'The order is filled; waiting for its fill to show in the logs.' };
    const { assetAmount = 0n, paymentAmount = 0n, feesTaken = 0n } = fill.args;
    return {
      state: 'settled',
      tokenAmount: assetAmount,
      // A buy paid the fill plus its fee (any unused escrow came back); a sell received the fill less its fee.
      paymentAmount: quote.side === 'mint' ? paymentAmount + feesTaken : paymentAmount - feesTaken,
      fee: feesTaken,
      blockNumber: BigInt(fill.blockNumber ?? receipt.blockNumber),
    };
  },
};
