import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTypedData, PERMIT2_ADDRESS } from '../../../lib/intent';
import { ctx, MAX_UINT160, MAX_UINT256, OTHER, SPENDER, TSLA, USDC, USER } from './fixtures';

const CHAIN = 31337;
const domainType = (fields: string[]) =>
  fields.map((name) => ({ name, type: { name: 'string', version: 'string', chainId: 'uint256', verifyingContract: 'address' }[name] as string }));
const E18 = 10n ** 18n;

function typed(
  domain: Record<string, unknown>,
  primaryType: string,
  types: Record<string, { name: string; type: string }[]>,
  message: Record<string, unknown>,
) {
  return JSON.stringify({ domain, primaryType, types: { EIP712Domain: domainType(Object.keys(domain)), ...types }, message });
}
const decode = (raw: string, account: Address = USER) => decodeTypedData(raw, { ...ctx, activeChainId: CHAIN, account });
const f = (spec: string) => spec.split(',').map((s) => ({ type: s.trim().split(' ')[0], name: s.trim().split(' ')[1] }));

const permit2Domain = { name: 'Permit2', chainId: CHAIN, verifyingContract: PERMIT2_ADDRESS };
const PermitDetails = f('address token, uint160 amount, uint48 expiration, uint48 nonce');
const TokenPermissions = f('address token, uint256 amount');

describe('permits', () => {
  it.each([
    ['a bounded EIP-2612 permit', 25_000_000n, false],
    ['an unlimited EIP-2612 permit', MAX_UINT256, true],
  ])('%s approves the domain’s token for the spender', (_name, value, unlimited) => {
    const raw = typed(
      { name: 'USD Coin', version: '2', chainId: CHAIN, verifyingContract: USDC },
      'Permit',
      { Permit: f('address owner, address spender, uint256 value, uint256 nonce, uint256 deadline') },
      {
        owner: USER,
        spender: SPENDER,
        value: value.toString(),
        nonce: 0,
        deadline: 1_900_000_000,
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('erc2612-permit');
    expect(intent.approvals).toEqual([{ token: USDC, spender: SPENDER, amount: value, unlimited }]);
    expect(intent.warnings.map((w) => w.code)).toEqual(unlimited ? ['unlimited-approval'] : []);
    expect(intent.summary).toContain(unlimited ? 'an unlimited amount of USDC' : '25 USDC');
  });

  it('a DAI-style permit with allowed=true is unlimited', () => {
    const raw = typed(
      { name: 'Dai Stablecoin', version: '1', chainId: CHAIN, verifyingContract: USDC },
      'Permit',
      { Permit: f('address holder, address spender, uint256 nonce, uint256 expiry, bool allowed') },
      {
        holder: USER,
        spender: SPENDER,
        nonce: 0,
        expiry: 0,
        allowed: true,
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('dai-permit');
    expect(intent.approvals[0].unlimited).toBe(true);
  });

  it('Permit2 PermitSingle', () => {
    const raw = typed(
      permit2Domain,
      'PermitSingle',
      { PermitSingle: f('PermitDetails details, address spender, uint256 sigDeadline'), PermitDetails },
      {
        details: { token: TSLA, amount: MAX_UINT160.toString(), expiration: 1_900_000_000, nonce: 0 },
        spender: SPENDER,
        sigDeadline: 1_800_000_000,
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('permit2-single');
    expect(intent.approvals).toEqual([{ token: TSLA, spender: SPENDER, amount: MAX_UINT160, unlimited: true }]);
    expect(intent.tokens).toEqual([TSLA]);
  });

  it('Permit2 PermitBatch lists every token', () => {
    const raw = typed(
      permit2Domain,
      'PermitBatch',
      { PermitBatch: f('PermitDetails[] details, address spender, uint256 sigDeadline'), PermitDetails },
      {
        details: [
          { token: TSLA, amount: '5', expiration: 1, nonce: 0 },
          { token: USDC, amount: '6', expiration: 1, nonce: 0 },
        ],
        spender: SPENDER,
        sigDeadline: 1,
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('permit2-batch');
    expect(intent.tokens).toEqual([TSLA, USDC]);
  });

  it.each([
    ['PermitTransferFrom', {}, ''],
    ['PermitWitnessTransferFrom', { witness: 'ExclusiveDutchOrder' }, 'as part of a ExclusiveDutchOrder'],
  ])('Permit2 %s lets the spender take the amount once', (primaryType, extra, words) => {
    const fields = `TokenPermissions permitted, address spender, uint256 nonce, uint256 deadline${'witness' in extra ? ', ExclusiveDutchOrder witness' : ''}`;
    const types: Record<string, { name: string; type: string }[]> = { [primaryType]: f(fields), TokenPermissions };
    const message: Record<string, unknown> = { permitted: { token: USDC, amount: '100000000' }, spender: SPENDER, nonce: 1, deadline: 1_900_000_000 };
    if ('witness' in extra) {
      types.ExclusiveDutchOrder = f('address swapper, uint256 nonce');
      message.witness = { swapper: USER, nonce: 1 };
    }
    const intent = decode(typed(permit2Domain, primaryType, types, message));
    expect(intent.kind).toBe('permit2-transfer-from');
    expect(intent.approvals).toEqual([{ token: USDC, spender: SPENDER, amount: 100_000_000n, unlimited: false }]);
    expect(intent.summary).toContain(`take 100 USDC from your account once${words ? ` ${words}` : ''}`);
  });

  it('Permit2 PermitBatchTransferFrom', () => {
    const raw = typed(
      permit2Domain,
      'PermitBatchTransferFrom',
      { PermitBatchTransferFrom: f('TokenPermissions[] permitted, address spender, uint256 nonce, uint256 deadline'), TokenPermissions },
      {
        permitted: [
          { token: USDC, amount: '1' },
          { token: TSLA, amount: '2' },
        ],
        spender: SPENDER,
        nonce: 1,
        deadline: 1,
      },
    );
    expect(decode(raw)).toMatchObject({ kind: 'permit2-batch-transfer-from', tokens: [USDC, TSLA] });
  });
});

const cowOrder = f(
  'address sellToken, address buyToken, address receiver, uint256 sellAmount, uint256 buyAmount, uint32 validTo, bytes32 appData, uint256 feeAmount, string kind, bool partiallyFillable, string sellTokenBalance, string buyTokenBalance',
);
const cow = (kind: string, receiver: string) =>
  typed(
    { name: 'Gnosis Protocol', version: 'v2', chainId: CHAIN, verifyingContract: '0x9008D19f58AAbD9eD0D60971565AA8510560ab41' },
    'Order',
    { Order: cowOrder },
    {
      sellToken: USDC,
      buyToken: TSLA,
      receiver,
      sellAmount: '100000000',
      buyAmount: (2n * E18).toString(),
      validTo: 1_900_000_000,
      appData: `0x${'00'.repeat(32)}`,
      feeAmount: '1000000',
      kind,
      partiallyFillable: false,
      sellTokenBalance: 'erc20',
      buyTokenBalance: 'erc20',
    },
  );

describe('orders', () => {
  it('a CoW sell order sells amount plus fee for at least the buy amount', () => {
    const intent = decode(cow('sell', '0x0000000000000000000000000000000000000000'));
    expect(intent.kind).toBe('cow-order');
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 101_000_000n }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: 2n * E18, min: true }]);
    expect(intent.summary).toBe('Sign a CoW Protocol order selling 101 USDC for at least 2 TSLAx.');
    expect(intent.warnings).toEqual([]);
  });

  it('a CoW buy order with another receiver warns', () => {
    const intent = decode(cow('buy', OTHER));
    expect(intent.assetsOut[0].max).toBe(true);
    expect(intent.warnings.map((w) => w.code)).toEqual(['recipient-not-sender']);
  });

  it('a 1inch v4 limit order gives the maker asset for the taker asset', () => {
    const raw = typed(
      { name: '1inch Limit Order Protocol', version: '4', chainId: CHAIN, verifyingContract: '0x111111125421cA6dc452d289314280a0f8842A65' },
      'Order',
      {
        Order: f(
          'uint256 salt, address maker, address receiver, address makerAsset, address takerAsset, uint256 makingAmount, uint256 takingAmount, uint256 makerTraits',
        ),
      },
      {
        salt: '1',
        maker: USER,
        receiver: '0x0000000000000000000000000000000000000000',
        makerAsset: TSLA,
        takerAsset: USDC,
        makingAmount: E18.toString(),
        takingAmount: '250000000',
        makerTraits: '0',
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('1inch-limit-order');
    expect(intent.summary).toBe('Sign a 1inch limit order giving 1 TSLAx for 250 USDC.');
  });

  it('an issuer (OrderProcessor) Order buys the asset token', () => {
    const raw = typed(
      { name: 'OrderProcessor', version: '1', chainId: CHAIN, verifyingContract: '0xA8a48C202AF4E73ad19513D37158A872A4ac79Cb' },
      'Order',
      {
        Order: f(
          'uint64 requestTimestamp, address recipient, address assetToken, address paymentToken, bool sell, uint8 orderType, uint256 assetTokenQuantity, uint256 paymentTokenQuantity, uint256 price, uint8 tif',
        ),
      },
      {
        requestTimestamp: 1,
        recipient: USER,
        assetToken: TSLA,
        paymentToken: USDC,
        sell: false,
        orderType: 1,
        assetTokenQuantity: E18.toString(),
        paymentTokenQuantity: '250000000',
        price: '0',
        tif: 1,
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('issuer-order');
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: E18, min: true }]);
    expect(intent.summary).toBe('Sign: place a limit order buying 1 TSLAx for 250 USDC with the issuer.');
  });

  it('an OrderRequest warns that only an order number is signed', () => {
    const raw = typed(
      { name: 'OrderProcessor', version: '1', chainId: CHAIN, verifyingContract: '0xA8a48C202AF4E73ad19513D37158A872A4ac79Cb' },
      'OrderRequest',
      { OrderRequest: f('uint256 id, uint64 deadline') },
      { id: 9, deadline: 1 },
    );
    expect(decode(raw).warnings.map((w) => w.code)).toEqual(['order-contents-not-signed']);
  });

  it.each([
    [0, 'mint', 'assetsIn'],
    [1, 'redeem', 'assetsOut'],
  ] as const)('an Ondo-style Quote with side %s reads as %s', (side, verb, list) => {
    const raw = typed(
      { name: 'OndoGMTokenManager', version: '1', chainId: CHAIN, verifyingContract: '0x2c158BC456e027b2AfFCCadF1BDBD9f5fC4c5C8c' },
      'Quote',
      {
        Quote: f(
          'uint256 chainId, uint256 attestationId, bytes32 userId, address asset, uint256 price, uint256 quantity, uint256 expiration, uint8 side, bytes32 additionalData',
        ),
      },
      {
        chainId: CHAIN,
        attestationId: 1,
        userId: `0x${'00'.repeat(32)}`,
        asset: TSLA,
        price: '1',
        quantity: E18.toString(),
        expiration: 1,
        side,
        additionalData: `0x${'00'.repeat(32)}`,
      },
    );
    const intent = decode(raw);
    expect(intent.kind).toBe('issuer-quote');
    expect(intent.summary).toBe(`Sign an issuer quote to ${verb} 1 TSLAx.`);
    expect(intent[list]).toEqual([{ token: TSLA, amount: E18 }]);
  });
});
