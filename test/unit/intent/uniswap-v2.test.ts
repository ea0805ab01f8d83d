import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../lib/intent';
import { CHAIN_ID, ctx, OTHER, ROUTER, TSLA, USDC, USER, WETH } from './fixtures';

const abi = parseAbi([
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, address[] path, address to, uint256 deadline)',
  'function swapExactETHForTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
  'function swapTokensForExactETH(uint256 amountOut, uint256 amountInMax, address[] path, address to, uint256 deadline)',
  'function swapExactTokensForETH(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function swapETHForExactTokens(uint256 amountOut, address[] path, address to, uint256 deadline) payable',
  'function swapExactTokensForTokensSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function swapExactETHForTokensSupportingFeeOnTransferTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
  'function swapExactTokensForETHSupportingFeeOnTransferTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
]);

const E18 = 10n ** 18n;
const DEADLINE = 2_000_000_000n;
type Case = [string, readonly unknown[], bigint, { out: unknown; in: unknown }];

const cases: Case[] = [
  [
    'swapExactTokensForTokens',
    [100_000_000n, 2n * E18, [USDC, WETH, TSLA], USER, DEADLINE],
    0n,
    { out: { token: USDC, amount: 100_000_000n }, in: { token: TSLA, amount: 2n * E18, min: true } },
  ],
  [
    'swapTokensForExactTokens',
    [2n * E18, 100_000_000n, [USDC, TSLA], USER, DEADLINE],
    0n,
    { out: { token: USDC, amount: 100_000_000n, max: true }, in: { token: TSLA, amount: 2n * E18 } },
  ],
  [
    'swapExactETHForTokens',
    [2n * E18, [WETH, TSLA], USER, DEADLINE],
    E18,
    { out: { token: 'native', amount: E18 }, in: { token: TSLA, amount: 2n * E18, min: true } },
  ],
  [
    'swapTokensForExactETH',
    [E18, 3n * E18, [TSLA, WETH], USER, DEADLINE],
    0n,
    { out: { token: TSLA, amount: 3n * E18, max: true }, in: { token: 'native', amount: E18 } },
  ],
  [
    'swapExactTokensForETH',
    [3n * E18, E18, [TSLA, WETH], USER, DEADLINE],
    0n,
    { out: { token: TSLA, amount: 3n * E18 }, in: { token: 'native', amount: E18, min: true } },
  ],
  [
    'swapETHForExactTokens',
    [2n * E18, [WETH, TSLA], USER, DEADLINE],
    E18,
    { out: { token: 'native', amount: E18, max: true }, in: { token: TSLA, amount: 2n * E18 } },
  ],
  [
    'swapExactTokensForTokensSupportingFeeOnTransferTokens',
    [100_000_000n, 2n * E18, [USDC, TSLA], USER, DEADLINE],
    0n,
    { out: { token: USDC, amount: 100_000_000n }, in: { token: TSLA, amount: 2n * E18, min: true } },
  ],
  [
    'swapExactETHForTokensSupportingFeeOnTransferTokens',
    [2n * E18, [WETH, TSLA], USER, DEADLINE],
    E18,
    { out: { token: 'native', amount: E18 }, in: { token: TSLA, amount: 2n * E18, min: true } },
  ],
  [
    'swapExactTokensForETHSupportingFeeOnTransferTokens',
    [3n * E18, E18, [TSLA, WETH], USER, DEADLINE],
    0n,
    { out: { token: TSLA, amount: 3n * E18 }, in: { token: 'native', amount: E18, min: true } },
  ],
];

function decode(functionName: string, args: readonly unknown[], value = 0n) {
  const data = encodeFunctionData({ abi, functionName, args } as Parameters<typeof encodeFunctionData>[0]);
  return decodeTransaction({ from: USER, to: ROUTER, data, value, chainId: CHAIN_ID }, ctx);
}

describe('Uniswap V2 Router02 swaps', () => {
  it.each(cases)('%s: pays the first token of the path and receives the last', (functionName, args, value, expected) => {
    const intent = decode(functionName, args, value);
    expect(intent.kind).toBe('swap');
    expect(intent.assetsOut).toEqual([expected.out]);
    expect(intent.assetsIn).toEqual([expected.in]);
    expect(intent.warnings).toEqual([]);
  });

  it('words an exact-input swap with its slippage floor', () => {
    const intent = decode('swapExactTokensForTokens', cases[0][1]);
    expect(intent.summary).toBe('Swap 100 USDC for at least 2 TSLAx.');
    // The path hops through WETH: bought and sold within the call, it is a token the request trades too.
    expect(intent.tokens).toEqual([USDC, TSLA, WETH]);
  });

  it('words an exact-output swap with its ceiling', () => {
    expect(decode('swapETHForExactTokens', cases[5][1], E18).summary).toBe('Swap at most 1 ETH for 2 TSLAx.');
  });

  it('warns when the proceeds go to another address', () => {
    const intent = decode('swapExactTokensForTokens', [1n, 2n, [USDC, TSLA], OTHER, DEADLINE]);
    expect(intent.assetsIn).toEqual([]);
    expect(intent.warnings.map((w) => w.code)).toEqual(['recipient-not-sender']);
    expect(intent.summary).toContain(OTHER);
  });

  // Router02 has no placeholder recipients (unlike the Universal Router): `to` is paid as given.
  it.each([
    ['address 1', '0x0000000000000000000000000000000000000001'],
    ['address 2', '0x0000000000000000000000000000000000000002'],
    ['the router itself', ROUTER],
    ['another account', OTHER],
  ] as const)('pays %s, never "you", when it is the swap\'s `to`', (_name, to) => {
    for (const [functionName, args, value] of [
      ['swapExactTokensForTokens', [100_000_000n, 2n * E18, [USDC, TSLA], to, DEADLINE], 0n],
      ['swapExactETHForTokens', [2n * E18, [WETH, TSLA], to, DEADLINE], E18],
      ['swapTokensForExactETH', [E18, 3n * E18, [TSLA, WETH], to, DEADLINE], 0n],
    ] as const) {
      const intent = decode(functionName, args, value);
      expect(intent.assetsIn).toEqual([]);
      expect(intent.deliveries).toEqual([expect.objectContaining({ to, reason: 'proceeds' })]);
      expect(intent.warnings.map((w) => w.code)).toEqual(['recipient-not-sender']);
      expect(intent.summary).toContain(to);
    }
  });

  it('warns about a path the router will reject', () => {
    const intent = decode('swapExactTokensForTokens', [1n, 2n, [USDC], USER, DEADLINE]);
    expect(intent.warnings.map((w) => w.code)).toEqual(['invalid-path']);
  });

  it('warns when native currency is sent to a swap that takes tokens', () => {
    const intent = decode('swapExactTokensForTokens', cases[0][1], 5n);
    expect(intent.warnings.map((w) => w.code)).toEqual(['unexpected-value']);
  });
});

describe('the pair that pays the user (the transfer sender a token’s own compliance judges)', () => {
  const decode = (fn: string, args: readonly unknown[], value = 0n) =>
    decodeTransaction({ from: USER, to: ROUTER, chainId: CHAIN_ID, value, data: encodeFunctionData({ abi, functionName: fn, args } as never) }, ctx);

  it.each<[string, string, readonly unknown[], bigint, unknown]>([
    [
      'a two-hop buy: the last pair, with the amount at least bought',
      'swapExactTokensForTokens',
      [100_000_000n, 2n * E18, [USDC, WETH, TSLA], USER, DEADLINE],
      0n,
      [{ token: TSLA, amount: 2n * E18, pool: { protocol: 'uniswap-v2', tokens: [WETH, TSLA] } }],
    ],
    [
      'an exact-out buy with ETH: the amount bought exactly',
      'swapETHForExactTokens',
      [2n * E18, [WETH, TSLA], USER, DEADLINE],
      E18,
      [{ token: TSLA, amount: 2n * E18, pool: { protocol: 'uniswap-v2', tokens: [WETH, TSLA] } }],
    ],
    [
      'a buy delivered to another address: not the user’s transfer',
      'swapExactTokensForTokens',
      [1n, 1n, [USDC, TSLA], OTHER, DEADLINE],
      0n,
      undefined,
    ],
    [
      'a sale for ETH: the router unwraps, nothing is paid by a pair to the user',
      'swapExactTokensForETH',
      [E18, 1n, [TSLA, WETH], USER, DEADLINE],
      0n,
      undefined,
    ],
  ])('%s', (_name, fn, args, value, sources) => {
    expect(decode(fn, args, value).sources).toEqual(sources);
  });
});
