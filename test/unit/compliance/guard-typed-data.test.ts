import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTypedData } from '../../../lib/intent';
import {
  blocking,
  CHAIN,
  judge,
  NOT_LISTED,
  PERMIT2,
  REACTOR,
  SECOND_ACCOUNT,
  typedData,
  USDC,
  USER,
  XSTOCK,
  XSTOCKS_TERMS,
  ZEROEX,
} from './fixtures';

const decode = (raw: unknown) => decodeTypedData(raw, { activeChainId: CHAIN, account: USER });
const ZERO = '0x0000000000000000000000000000000000000000';

const ORDER_INFO =
  'address reactor,address swapper,uint256 nonce,uint256 deadline,address additionalValidationContract,bytes additionalValidationData';
const info = {
  reactor: REACTOR,
  swapper: USER,
  nonce: '1',
  deadline: '1900000000',
  additionalValidationContract: ZERO,
  additionalValidationData: '0x',
};
const DUTCH_OUTPUT = 'address token,uint256 startAmount,uint256 endAmount,address recipient';
const dutchOutput = (token: Address, recipient: Address) => ({ token, startAmount: '1000', endAmount: '900', recipient });

/** UniswapX orders as the Permit2 witness transfers the user signs; `pay` is permitted, `buy` the output. */
const uniswapX = {
  ExclusiveDutchOrder: (pay: Address, buy: Address, recipient: Address = USER) => ({
    witness: 'ExclusiveDutchOrder',
    types: {
      ExclusiveDutchOrder:
        'OrderInfo info,uint256 decayStartTime,uint256 decayEndTime,address exclusiveFiller,uint256 exclusivityOverrideBps,address inputToken,uint256 inputStartAmount,uint256 inputEndAmount,DutchOutput[] outputs',
      DutchOutput: DUTCH_OUTPUT,
    },
    order: {
      info,
      decayStartTime: '1',
      decayEndTime: '2',
      exclusiveFiller: ZERO,
      exclusivityOverrideBps: '0',
      inputToken: pay,
      inputStartAmount: '500',
      inputEndAmount: '500',
      outputs: [dutchOutput(buy, recipient)],
    },
  }),
  V2DutchOrder: (pay: Address, buy: Address, recipient: Address = USER) => ({
    witness: 'V2DutchOrder',
    types: {
      V2DutchOrder:
        'OrderInfo info,address cosigner,address baseInputToken,uint256 baseInputStartAmount,uint256 baseInputEndAmount,DutchOutput[] baseOutputs',
      DutchOutput: DUTCH_OUTPUT,
    },
    order: {
      info,
      cosigner: ZERO,
      baseInputToken: pay,
      baseInputStartAmount: '500',
      baseInputEndAmount: '500',
      baseOutputs: [dutchOutput(buy, recipient)],
    },
  }),
  PriorityOrder: (pay: Address, buy: Address, recipient: Address = USER) => ({
    witness: 'PriorityOrder',
    types: {
      PriorityOrder:
        'OrderInfo info,address cosigner,uint256 auctionStartBlock,uint256 baselinePriorityFeeWei,PriorityInput input,PriorityOutput[] outputs',
      PriorityInput: 'address token,uint256 amount,uint256 mpsPerPriorityFeeWei',
      PriorityOutput: 'address token,uint256 amount,uint256 mpsPerPriorityFeeWei,address recipient',
    },
    order: {
      info,
      cosigner: ZERO,
      auctionStartBlock: '1',
      baselinePriorityFeeWei: '0',
      input: { token: pay, amount: '500', mpsPerPriorityFeeWei: '0' },
      outputs: [{ token: buy, amount: '900', mpsPerPriorityFeeWei: '0', recipient }],
    },
  }),
};

function permitWitness(pay: Address, built: { witness: string; types: Record<string, string>; order: unknown }) {
  return typedData(
    'PermitWitnessTransferFrom',
    {
      PermitWitnessTransferFrom: `TokenPermissions permitted,address spender,uint256 nonce,uint256 deadline,${built.witness} witness`,
      TokenPermissions: 'address token,uint256 amount',
      OrderInfo: ORDER_INFO,
      ...built.types,
    },
    { permitted: { token: pay, amount: '500' }, spender: REACTOR, nonce: '1', deadline: '1900000000', witness: built.order },
    { name: 'Permit2', verifyingContract: PERMIT2 },
  );
}

const orderTypes = Object.keys(uniswapX) as (keyof typeof uniswapX)[];

describe('UniswapX orders: the guard reads what the order buys, not only what it pays', () => {
  it.each(orderTypes)('%s buying TSLAx with USDC: US -> block naming the token, the country and the source', (type) => {
    const intent = decode(permitWitness(USDC, uniswapX[type](USDC, XSTOCK)));
    expect(intent.kind).toBe('uniswapx-order');
    expect(intent.assetsIn).toEqual([{ token: XSTOCK, amount: 900n, min: true }]);
    const result = judge(intent, 'US');
    expect(result.verdict).toBe('block');
    expect(blocking(result)).toEqual([
      {
        code: 'restricted-token',
        severity: 'block',
        message: expect.stringMatching(/TSLAx .*residents of US.*would buy or receive it/),
        source: XSTOCKS_TERMS,
      },
    ]);
  });

  it.each(orderTypes)('%s selling TSLAx: US -> block', (type) => {
    const result = judge(decode(permitWitness(XSTOCK, uniswapX[type](XSTOCK, USDC))), 'US');
    expect(blocking(result).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*sell or trade it/)]);
  });

  it.each(orderTypes)('%s whose output goes to the user’s second account: still the user’s purchase -> block', (type) => {
    const result = judge(decode(permitWitness(USDC, uniswapX[type](USDC, XSTOCK, SECOND_ACCOUNT))), 'US');
    expect(result.verdict).toBe('block');
    expect(blocking(result)[0].message).toMatch(/buy it, even though the proceeds go to another address \(0x7099…79C8\)/);
  });

  it.each(orderTypes)('%s is not blocked for a DE user, nor for a US user trading plain tokens', (type) => {
    expect(judge(decode(permitWitness(USDC, uniswapX[type](USDC, XSTOCK))), 'DE')).toEqual({ verdict: 'allow', reasons: [] });
    expect(judge(decode(permitWitness(USDC, uniswapX[type](USDC, NOT_LISTED))), 'US')).toEqual({ verdict: 'allow', reasons: [] });
  });

  it('a Permit2 witness of a type Sharekeep does not know, naming TSLAx: US -> block (fails closed)', () => {
    const built = {
      witness: 'Mystery',
      types: { Mystery: 'address reactor,Leg[] legs', Leg: 'address asset,uint256 qty' },
      order: { reactor: REACTOR, legs: [{ asset: XSTOCK, qty: '1' }] },
    };
    const intent = decode(permitWitness(USDC, built));
    expect(intent.kind).toBe('permit2-transfer-from');
    const result = judge(intent, 'US');
    expect(blocking(result)).toEqual([expect.objectContaining({ code: 'restricted-token-unconfirmed', source: XSTOCKS_TERMS })]);
    expect(blocking(result)[0].message).toMatch(/TSLAx.*names it in data Sharekeep cannot read/);
    expect(judge(intent, 'DE').verdict).not.toBe('block');
  });
});

describe('unknown typed data: every address field is looked up', () => {
  const unknown = (asset: Address) =>
    typedData(
      'Deal',
      { Deal: 'address counterparty,Basket basket', Basket: 'Item[] items', Item: 'address what,uint256 howMuch' },
      {
        counterparty: SECOND_ACCOUNT,
        basket: {
          items: [
            { what: USDC, howMuch: '5' },
            { what: asset, howMuch: '1' },
          ],
        },
      },
      { name: 'Some Exchange' },
    );

  it('naming TSLAx deep inside: US -> block with the rule and its source; the unknown-data warning stays', () => {
    const result = judge(decode(unknown(XSTOCK)), 'US');
    expect(result.verdict).toBe('block');
    expect(result.reasons.map((r) => r.code)).toEqual(['restricted-token-unconfirmed', 'unknown-typed-data']);
    expect(result.reasons[0]).toMatchObject({ source: XSTOCKS_TERMS, message: expect.stringMatching(/^TSLAx .*residents of US/) });
  });

  it.each([
    ['a DE user naming TSLAx', XSTOCK, 'DE'],
    ['a US user naming only plain tokens', NOT_LISTED, 'US'],
  ])('%s -> warn, not block', (_name, asset, country) => {
    expect(judge(decode(unknown(asset)), country).verdict).toBe('warn');
  });
});

describe('0x v4 limit and RFQ orders', () => {
  const LIMIT =
    'address makerToken,address takerToken,uint128 makerAmount,uint128 takerAmount,uint128 takerTokenFeeAmount,address maker,address taker,address sender,address feeRecipient,bytes32 pool,uint64 expiry,uint256 salt';
  const RFQ =
    'address makerToken,address takerToken,uint128 makerAmount,uint128 takerAmount,address maker,address taker,address txOrigin,bytes32 pool,uint64 expiry,uint256 salt';
  const base = (give: Address, get: Address) => ({
    makerToken: give,
    takerToken: get,
    makerAmount: '100',
    takerAmount: '2',
    maker: USER,
    taker: ZERO,
    pool: `0x${'00'.repeat(32)}`,
    expiry: '1900000000',
    salt: '7',
  });
  const orders = {
    LimitOrder: (give: Address, get: Address) =>
      typedData(
        'LimitOrder',
        { LimitOrder: LIMIT },
        { ...base(give, get), takerTokenFeeAmount: '0', sender: ZERO, feeRecipient: ZERO },
        { name: 'ZeroEx', version: '1.0.0', verifyingContract: ZEROEX },
      ),
    RfqOrder: (give: Address, get: Address) =>
      typedData(
        'RfqOrder',
        { RfqOrder: RFQ },
        { ...base(give, get), txOrigin: USER },
        { name: 'ZeroEx', version: '1.0.0', verifyingContract: ZEROEX },
      ),
  };

  it.each(Object.keys(orders) as (keyof typeof orders)[])('a %s buying TSLAx: US -> block (it used to only warn)', (type) => {
    const intent = decode(orders[type](USDC, XSTOCK));
    expect(intent.kind).toBe('zeroex-limit-order');
    expect(intent.summary).toBe(
      `Sign a 0x ${type === 'LimitOrder' ? 'limit' : 'RFQ'} order giving 100 base units of token ${USDC} for 2 base units of token ${XSTOCK}.`,
    );
    const result = judge(intent, 'US');
    expect(blocking(result)).toEqual([
      expect.objectContaining({ code: 'restricted-token', message: expect.stringMatching(/TSLAx.*buy or receive it/) }),
    ]);
    expect(judge(intent, 'DE')).toEqual({ verdict: 'allow', reasons: [] });
  });

  it.each(Object.keys(orders) as (keyof typeof orders)[])('a %s selling TSLAx: US -> block', (type) => {
    expect(judge(decode(orders[type](XSTOCK, USDC)), 'US').verdict).toBe('block');
  });
});
