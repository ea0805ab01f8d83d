import { type Address, isAddressEqual } from 'viem';
import { describeIssuerOrder } from '../decoders/issuers';
import { ZERO_ADDRESS } from '../decoders/swap-flow';
import type { IntentWarning, TokenRef } from '../types';
import { addr, big, bool, hasShape, type TypedDataEnv, type TypedDataRecognizer } from './recognizer';

/** CoW Protocol marks native currency with this placeholder address. */
const NATIVE_PLACEHOLDER = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';

const tokenRef = (address: Address): TokenRef => (isAddressEqual(address, NATIVE_PLACEHOLDER) ? 'native' : address);

function receiverWarnings(env: TypedDataEnv, receiver: Address, owner: Address | undefined): IntentWarning[] {
  if (isAddressEqual(receiver, ZERO_ADDRESS)) return [];
  if (owner && isAddressEqual(receiver, owner)) return [];
  return [{ code: 'recipient-not-sender', message: `The order's proceeds go to ${env.d.address(receiver)}, not to your account.` }];
}

export const orderRecognizers: TypedDataRecognizer[] = [
  {
    kind: 'cow-order',
    matches: (data) => hasShape(data, 'Order', ['sellToken', 'buyToken', 'receiver', 'sellAmount', 'buyAmount', 'feeAmount', 'kind']),
    describe(env) {
      const m = env.data.message;
      const sell = tokenRef(addr(m.sellToken));
      const buy = tokenRef(addr(m.buyToken));
      const sellAmount = big(m.sellAmount) + big(m.feeAmount);
      const buyAmount = big(m.buyAmount);
      const isBuyOrder = m.kind === 'buy';
      const summary = isBuyOrder
        ? `Sign a CoW Protocol order buying ${env.d.amount(buy, buyAmount)} for at most ${env.d.amount(sell, sellAmount)}.`
        : `Sign a CoW Protocol order selling ${env.d.amount(sell, sellAmount)} for at least ${env.d.amount(buy, buyAmount)}.`;
      return {
        summary,
        assetsOut: [{ token: sell, amount: sellAmount, ...(isBuyOrder ? { max: true } : {}) }],
        assetsIn: [{ token: buy, amount: buyAmount, ...(isBuyOrder ? {} : { min: true }) }],
        warnings: receiverWarnings(env, addr(m.receiver), env.account),
      };
    },
  },
  {
    kind: '1inch-limit-order',
    matches: (data) => hasShape(data, 'Order', ['maker', 'receiver', 'makerAsset', 'takerAsset', 'makingAmount', 'takingAmount']),
    describe(env) {
      const m = env.data.message;
      const makerAsset = addr(m.makerAsset);
      const takerAsset = addr(m.takerAsset);
      const making = big(m.makingAmount);
      const taking = big(m.takingAmount);
      return {
        summary: `Sign a 1inch limit order giving ${env.d.amount(makerAsset, making)} for ${env.d.amount(takerAsset, taking)}.`,
        assetsOut: [{ token: makerAsset, amount: making }],
        assetsIn: [{ token: takerAsset, amount: taking }],
        warnings: receiverWarnings(env, addr(m.receiver), addr(m.maker)),
      };
    },
  },
  zeroExOrder('LimitOrder'),
  zeroExOrder('RfqOrder'),
  {
    kind: 'issuer-order',
    matches: (data) => hasShape(data, 'Order', ['recipient', 'assetToken', 'paymentToken', 'sell', 'assetTokenQuantity', 'paymentTokenQuantity']),
    describe(env) {
      const m = env.data.message;
      const order = {
        recipient: addr(m.recipient),
        assetToken: addr(m.assetToken),
        paymentToken: addr(m.paymentToken),
        sell: bool(m.sell),
        orderType: Number(big(m.orderType ?? 0)),
        assetTokenQuantity: big(m.assetTokenQuantity),
        paymentTokenQuantity: big(m.paymentTokenQuantity),
      };
      const draft = describeIssuerOrder(order, env.account ?? order.recipient, env.d);
      return { ...draft, summary: `Sign: ${draft.summary.charAt(0).toLowerCase()}${draft.summary.slice(1)}` };
    },
  },
  {
    kind: 'issuer-order-request',
    matches: (data) => hasShape(data, 'OrderRequest', ['id', 'deadline'], 'OrderProcessor'),
    describe(env) {
      const m = env.data.message;
      return {
        summary: `Confirm order request #${big(m.id)} with the issuer.`,
        warnings: [
          { code: 'order-contents-not-signed', message: 'This signature names an order by number only; check the order itself before you sign.' },
        ],
      };
    },
  },
  {
    kind: 'issuer-quote',
    matches: (data) => hasShape(data, 'Quote', ['chainId', 'asset', 'price', 'quantity', 'side']),
    describe(env) {
      const m = env.data.message;
      const asset = addr(m.asset);
      const quantity = big(m.quantity);
      const buying = big(m.side) === 0n;
      const warnings: IntentWarning[] = [];
      if (big(m.chainId) !== BigInt(env.activeChainId)) {
        warnings.push({
          code: 'inconsistent-quote',
          message: `The quote is for chain ${big(m.chainId)}, not the active chain ${env.activeChainId}.`,
        });
      }
      return {
        summary: `Sign an issuer quote to ${buying ? 'mint' : 'redeem'} ${env.d.amount(asset, quantity)}.`,
        ...(buying ? { assetsIn: [{ token: asset, amount: quantity }] } : { assetsOut: [{ token: asset, amount: quantity }] }),
        warnings,
      };
    },
  },
];

/**
 * 0x Exchange Proxy v4 limit and RFQ orders (domain "ZeroEx"): the maker (the signer)
 * gives `makerAmount` of `makerToken` and receives `takerAmount` of `takerToken`.
 */
function zeroExOrder(primaryType: 'LimitOrder' | 'RfqOrder'): TypedDataRecognizer {
  return {
    kind: 'zeroex-limit-order',
    matches: (data) => hasShape(data, primaryType, ['makerToken', 'takerToken', 'makerAmount', 'takerAmount', 'maker']),
    describe(env) {
      const m = env.data.message;
      const makerToken = addr(m.makerToken);
      const takerToken = addr(m.takerToken);
      const giving = big(m.makerAmount);
      const getting = big(m.takerAmount);
      const style = primaryType === 'LimitOrder' ? 'limit' : 'RFQ';
      return {
        summary: `Sign a 0x ${style} order giving ${env.d.amount(makerToken, giving)} for ${env.d.amount(takerToken, getting)}.`,
        assetsOut: [{ token: makerToken, amount: giving }],
        assetsIn: [{ token: takerToken, amount: getting }],
        warnings: receiverWarnings(env, addr(m.maker), env.account),
      };
    },
  };
}
