import { encodeFunctionData, encodePacked, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../lib/intent';
import { CHAIN_ID, ctx, OTHER, TSLA, USDC, USER, WETH } from './fixtures';

const ROUTER = '0xE592427A0AEce92De3Edee1F18E0157C05861564';
const v1 = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 deadline; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'struct ExactInputParams { bytes path; address recipient; uint256 deadline; uint256 amountIn; uint256 amountOutMinimum; }',
  'struct ExactOutputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 deadline; uint256 amountOut; uint256 amountInMaximum; uint160 sqrtPriceLimitX96; }',
  'struct ExactOutputParams { bytes path; address recipient; uint256 deadline; uint256 amountOut; uint256 amountInMaximum; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256)',
  'function exactInput(ExactInputParams params) payable returns (uint256)',
  'function exactOutputSingle(ExactOutputSingleParams params) payable returns (uint256)',
  'function exactOutput(ExactOutputParams params) payable returns (uint256)',
  'function multicall(bytes[] data) payable returns (bytes[])',
  'function unwrapWETH9(uint256 amountMinimum, address recipient) payable',
  'function refundETH() payable',
]);
const v2 = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256)',
  'function multicall(uint256 deadline, bytes[] data) payable returns (bytes[])',
  'function unwrapWETH9(uint256 amountMinimum) payable',
]);

const E18 = 10n ** 18n;
const DEADLINE = 2_000_000_000n;
const path = (...hops: (Hex | number)[]) =>
  encodePacked(
    hops.map((_, i) => (i % 2 === 0 ? 'address' : 'uint24')),
    hops,
  );
const decode = (data: `0x${string}`, value = 0n) => decodeTransaction({ from: USER, to: ROUTER, data, value, chainId: CHAIN_ID }, ctx);
const encodeV1 = (functionName: string, args: readonly unknown[]) =>
  encodeFunctionData({ abi: v1, functionName, args } as Parameters<typeof encodeFunctionData>[0]);

describe('Uniswap V3 SwapRouter', () => {
  it.each([
    [
      'exactInputSingle',
      {
        tokenIn: USDC,
        tokenOut: TSLA,
        fee: 3000,
        recipient: USER,
        deadline: DEADLINE,
        amountIn: 50_000_000n,
        amountOutMinimum: E18,
        sqrtPriceLimitX96: 0n,
      },
      { token: USDC, amount: 50_000_000n },
      { token: TSLA, amount: E18, min: true },
    ],
    [
      'exactInput',
      { path: path(USDC, 500, WETH, 3000, TSLA), recipient: USER, deadline: DEADLINE, amountIn: 50_000_000n, amountOutMinimum: E18 },
      { token: USDC, amount: 50_000_000n },
      { token: TSLA, amount: E18, min: true },
    ],
    [
      'exactOutputSingle',
      {
        tokenIn: USDC,
        tokenOut: TSLA,
        fee: 3000,
        recipient: USER,
        deadline: DEADLINE,
        amountOut: E18,
        amountInMaximum: 60_000_000n,
        sqrtPriceLimitX96: 0n,
      },
      { token: USDC, amount: 60_000_000n, max: true },
      { token: TSLA, amount: E18 },
    ],
    [
      'exactOutput (path encoded output first)',
      { path: path(TSLA, 3000, WETH, 500, USDC), recipient: USER, deadline: DEADLINE, amountOut: E18, amountInMaximum: 60_000_000n },
      { token: USDC, amount: 60_000_000n, max: true },
      { token: TSLA, amount: E18 },
    ],
  ])('%s pays and receives the right tokens', (name, params, out, into) => {
    const intent = decode(encodeV1(name.split(' ')[0], [params]));
    expect(intent.kind).toBe('swap');
    expect(intent.assetsOut).toEqual([out]);
    expect(intent.assetsIn).toEqual([into]);
    expect(intent.warnings).toEqual([]);
  });

  it('reads a multicall selling a token for ETH through unwrapWETH9', () => {
    const swap = encodeV1('exactInputSingle', [
      {
        tokenIn: TSLA,
        tokenOut: WETH,
        fee: 3000,
        recipient: '0x0000000000000000000000000000000000000000',
        deadline: DEADLINE,
        amountIn: 2n * E18,
        amountOutMinimum: E18 / 10n,
        sqrtPriceLimitX96: 0n,
      },
    ]);
    const unwrap = encodeV1('unwrapWETH9', [E18 / 10n, USER]);
    const intent = decode(encodeV1('multicall', [[swap, unwrap]]));
    expect(intent.assetsOut).toEqual([{ token: TSLA, amount: 2n * E18 }]);
    expect(intent.assetsIn).toEqual([{ token: 'native', amount: E18 / 10n, min: true }]);
    expect(intent.summary).toBe('Swap 2 TSLAx for at least 0.1 ETH.');
  });

  it('reads a SwapRouter02 multicall paid in ETH as a native payment, with refundETH', () => {
    const swap = encodeFunctionData({
      abi: v2,
      functionName: 'exactInputSingle',
      args: [
        {
          tokenIn: WETH,
          tokenOut: TSLA,
          fee: 3000,
          recipient: '0x0000000000000000000000000000000000000001',
          amountIn: E18,
          amountOutMinimum: 3n * E18,
          sqrtPriceLimitX96: 0n,
        },
      ],
    });
    const data = encodeFunctionData({ abi: v2, functionName: 'multicall', args: [DEADLINE, [swap, encodeV1('refundETH', [])]] });
    const intent = decode(data, E18);
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: E18 }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: 3n * E18, min: true }]);
    expect(intent.warnings).toEqual([]);
  });

  it('warns about proceeds unwrapped to someone else', () => {
    const unwrap = encodeV1('unwrapWETH9', [1n, OTHER]);
    const intent = decode(encodeV1('multicall', [[unwrap]]));
    expect(intent.warnings.map((w) => w.code)).toEqual(['recipient-not-sender']);
  });

  it('carries a malformed inner call up as malformed', () => {
    const intent = decode(encodeV1('multicall', [['0xa9059cbb0000']]));
    expect(intent.warnings.map((w) => w.code)).toContain('malformed-calldata');
  });

  it('warns about a path that is not token-fee-token', () => {
    const intent = decode(encodeV1('exactInput', [{ path: '0x1234', recipient: USER, deadline: DEADLINE, amountIn: 1n, amountOutMinimum: 1n }]));
    expect(intent.warnings.map((w) => w.code)).toEqual(['invalid-path']);
  });
});

describe('the V3 pool that pays the user (the transfer sender a token’s own compliance judges)', () => {
  const single = { tokenIn: USDC, tokenOut: TSLA, fee: 3000, recipient: USER, deadline: DEADLINE, sqrtPriceLimitX96: 0n };
  const source = (tokens: [string, string], fee: number, amount: bigint) => [{ token: TSLA, amount, pool: { protocol: 'uniswap-v3', tokens, fee } }];

  it.each<[string, Hex, unknown]>([
    [
      'exactInputSingle: its one pool',
      encodeV1('exactInputSingle', [{ ...single, amountIn: 5n, amountOutMinimum: E18 }]),
      source([USDC, TSLA], 3000, E18),
    ],
    [
      'exactOutputSingle: its one pool, the amount bought exactly',
      encodeV1('exactOutputSingle', [{ ...single, amountOut: E18, amountInMaximum: 5n }]),
      source([USDC, TSLA], 3000, E18),
    ],
    [
      'exactInput over two pools: the last one and its fee tier',
      encodeV1('exactInput', [
        { path: path(USDC, 500, WETH, 10000, TSLA), recipient: USER, deadline: DEADLINE, amountIn: 5n, amountOutMinimum: E18 },
      ]),
      source([WETH, TSLA], 10000, E18),
    ],
    [
      'exactOutput over two pools, encoded backwards: the first one',
      encodeV1('exactOutput', [
        { path: path(TSLA, 10000, WETH, 500, USDC), recipient: USER, deadline: DEADLINE, amountOut: E18, amountInMaximum: 5n },
      ]),
      source([TSLA, WETH], 10000, E18),
    ],
    [
      'a buy for another address: none',
      encodeV1('exactInputSingle', [{ ...single, recipient: OTHER, amountIn: 5n, amountOutMinimum: E18 }]),
      undefined,
    ],
  ])('%s', (_name, data, expected) => {
    expect(decode(data).sources).toEqual(expected);
  });
});
