import { encodeFunctionData, parseAbi, parseUnits, zeroHash } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction, PERMIT2_ADDRESS } from '../../../lib/intent';
import { CHAIN_ID, ctx, MAX_UINT160, OTHER, SPENDER, TSLA, USDC, USER } from './fixtures';

const permit2 = parseAbi(['function approve(address token, address spender, uint160 amount, uint48 expiration)']);
const ORDER_PROCESSOR = '0xA8a48C202AF4E73ad19513D37158A872A4ac79Cb';
const GM_MANAGER = '0x2c158BC456e027b2AfFCCadF1BDBD9f5fC4c5C8c';
const issuer = parseAbi([
  'struct Order { uint64 requestTimestamp; address recipient; address assetToken; address paymentToken; bool sell; uint8 orderType; uint256 assetTokenQuantity; uint256 paymentTokenQuantity; uint256 price; uint8 tif; }',
  'struct FeeQuote { uint256 orderId; address requester; uint256 fee; uint64 timestamp; uint64 deadline; }',
  'struct Quote { uint256 chainId; uint256 attestationId; bytes32 userId; address asset; uint256 price; uint256 quantity; uint256 expiration; uint8 side; bytes32 additionalData; }',
  'function createOrder(Order order, FeeQuote feeQuote, bytes feeQuoteSignature) returns (uint256)',
  'function createOrderStandardFees(Order order) returns (uint256)',
  'function requestCancel(uint256 id)',
  'function mintWithAttestation(Quote quote, bytes signature, address depositToken, uint256 depositTokenAmount) returns (uint256)',
  'function redeemWithAttestation(Quote quote, bytes signature, address receiveToken, uint256 minimumReceiveAmount) returns (uint256)',
]);
const E18 = 10n ** 18n;
const decode = (to: `0x${string}`, data: `0x${string}`) => decodeTransaction({ from: USER, to, data, chainId: CHAIN_ID }, ctx);
const encode = (functionName: string, args: readonly unknown[]) =>
  encodeFunctionData({ abi: issuer, functionName, args } as Parameters<typeof encodeFunctionData>[0]);

const order = (sell: boolean, recipient = USER) => ({
  requestTimestamp: 1_700_000_000n,
  recipient,
  assetToken: TSLA,
  paymentToken: USDC,
  sell,
  orderType: 0,
  assetTokenQuantity: sell ? 2n * E18 : 0n,
  paymentTokenQuantity: sell ? 0n : parseUnits('500', 6),
  price: 0n,
  tif: 0,
});
const quote = (side: number, chainId = BigInt(CHAIN_ID)) => ({
  chainId,
  attestationId: 7n,
  userId: zeroHash,
  asset: TSLA,
  price: 250n * E18,
  quantity: 2n * E18,
  expiration: 1_900_000_000n,
  side,
  additionalData: zeroHash,
});

describe('Permit2 approve', () => {
  it.each([
    [10_000_000n, false, []],
    [MAX_UINT160, true, ['unlimited-approval']],
  ])('approve of %s is unlimited=%s', (amount, unlimited, codes) => {
    const intent = decode(
      PERMIT2_ADDRESS,
      encodeFunctionData({ abi: permit2, functionName: 'approve', args: [USDC, SPENDER, amount, 1_900_000_000] }),
    );
    expect(intent.kind).toBe('permit2-approve');
    expect(intent.approvals).toEqual([{ token: USDC, spender: SPENDER, amount, unlimited }]);
    expect(intent.warnings.map((w) => w.code)).toEqual(codes);
    expect(intent.summary).toContain('2030-03-17T17:46:40Z');
  });
});

describe('issuer order processor', () => {
  it('a buy escrows the payment plus the quoted fee and acquires the stock', () => {
    const feeQuote = { orderId: 1n, requester: USER, fee: 1_500_000n, timestamp: 1n, deadline: 2n };
    const intent = decode(ORDER_PROCESSOR, encode('createOrder', [order(false), feeQuote, '0x1234']));
    expect(intent.kind).toBe('issuer-order');
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 501_500_000n }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: 0n, min: true }]);
    expect(intent.summary).toBe('Place a market order buying TSLAx (amount set when the order fills) for 501.5 USDC including fees with the issuer.');
  });

  it('a sell gives up the stock for the payment token', () => {
    const intent = decode(ORDER_PROCESSOR, encode('createOrderStandardFees', [order(true)]));
    expect(intent.assetsOut).toEqual([{ token: TSLA, amount: 2n * E18 }]);
    expect(intent.tokens).toEqual([TSLA, USDC]);
  });

  it('warns when the order pays out to someone else', () => {
    const intent = decode(ORDER_PROCESSOR, encode('createOrderStandardFees', [order(true, OTHER)]));
    expect(intent.warnings.map((w) => w.code)).toEqual(['recipient-not-sender']);
  });

  it('words a cancel request', () => {
    expect(decode(ORDER_PROCESSOR, encode('requestCancel', [12n]))).toMatchObject({ kind: 'issuer-cancel', summary: expect.stringContaining('#12') });
  });
});

describe('Ondo-style attestation mint and redeem', () => {
  it('mint pays the deposit and receives the quoted quantity', () => {
    const intent = decode(GM_MANAGER, encode('mintWithAttestation', [quote(0), '0xabcd', USDC, parseUnits('500', 6)]));
    expect(intent.kind).toBe('issuer-mint');
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 500_000_000n }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: 2n * E18 }]);
    expect(intent.warnings).toEqual([]);
  });

  it('redeem gives up the quantity for at least the minimum', () => {
    const intent = decode(GM_MANAGER, encode('redeemWithAttestation', [quote(1), '0xabcd', USDC, 490_000_000n]));
    expect(intent.kind).toBe('issuer-redeem');
    expect(intent.summary).toBe('Redeem 2 TSLAx with the issuer for at least 490 USDC.');
  });

  it.each([
    ['another chain', quote(0, 1n)],
    ['the wrong side', quote(1)],
  ])('warns about a quote for %s', (_name, q) => {
    const intent = decode(GM_MANAGER, encode('mintWithAttestation', [q, '0xabcd', USDC, 1n]));
    expect(intent.warnings.map((w) => w.code)).toEqual(['inconsistent-quote']);
  });
});
