import { type Address, encodeAbiParameters, encodeFunctionData, type Hex, parseAbi, parseAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../lib/intent';
import {
  blocking,
  CHAIN,
  judge,
  NOT_LISTED,
  PAIR,
  SECOND_ACCOUNT,
  UNIVERSAL_ROUTER,
  USDC,
  USER,
  V2_ROUTER,
  V3_ROUTER,
  XSTOCK,
  XSTOCKS_TERMS,
} from './fixtures';

const abi = parseAbi([
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params)',
  'function execute(bytes commands, bytes[] inputs, uint256 deadline) payable',
  'function transfer(address to, uint256 amount)',
  'function transferFrom(address from, address to, uint256 amount)',
]);
const enc = (types: string, values: readonly unknown[]) => encodeAbiParameters(parseAbiParameters(types), values as never);
const tx = (to: Address, data: Hex) => decodeTransaction({ from: USER, to, chainId: CHAIN, data });

const buyVia = {
  'Uniswap V2': (recipient: Address, out: Address) =>
    tx(V2_ROUTER, encodeFunctionData({ abi, functionName: 'swapExactTokensForTokens', args: [5n, 1n, [USDC, out], recipient, 1n] })),
  'Uniswap V3': (recipient: Address, out: Address) =>
    tx(
      V3_ROUTER,
      encodeFunctionData({
        abi,
        functionName: 'exactInputSingle',
        args: [{ tokenIn: USDC, tokenOut: out, fee: 3000, recipient, amountIn: 5n, amountOutMinimum: 1n, sqrtPriceLimitX96: 0n }],
      }),
    ),
  'the Universal Router': (recipient: Address, out: Address) =>
    tx(
      UNIVERSAL_ROUTER,
      encodeFunctionData({
        abi,
        functionName: 'execute',
        args: ['0x08', [enc('address, uint256, uint256, address[], bool', [recipient, 5n, 1n, [USDC, out], true])], 1n],
      }),
    ),
};
const routes = Object.keys(buyVia) as (keyof typeof buyVia)[];

describe('a buy whose output goes to another address is the user’s acquisition', () => {
  it.each(routes)('through %s, delivered to the user’s second account: US -> block naming the recipient', (route) => {
    const result = judge(buyVia[route](SECOND_ACCOUNT, XSTOCK), 'US');
    expect(result.verdict).toBe('block');
    expect(blocking(result)).toEqual([
      {
        code: 'restricted-token',
        severity: 'block',
        message: expect.stringMatching(/^TSLAx .*residents of US.*buy it, even though the proceeds go to another address \(0x7099…79C8\)/),
        source: XSTOCKS_TERMS,
      },
    ]);
  });

  it.each(routes)('through %s: a DE user’s delivery elsewhere is a warning only; a US user’s plain token too', (route) => {
    for (const result of [judge(buyVia[route](SECOND_ACCOUNT, XSTOCK), 'DE'), judge(buyVia[route](SECOND_ACCOUNT, NOT_LISTED), 'US')]) {
      expect(result.verdict).toBe('warn');
      expect(result.reasons.map((r) => r.code)).toEqual(['recipient-not-sender']);
    }
  });
});

describe('a restricted token sent to a contract is a sale', () => {
  const transfer = (token: Address, to: Address) => tx(token, encodeFunctionData({ abi, functionName: 'transfer', args: [to, 7n] }));
  const transferFrom = (token: Address, to: Address) => tx(token, encodeFunctionData({ abi, functionName: 'transferFrom', args: [USER, to, 7n] }));

  it.each([
    ['transfer', transfer],
    ['transferFrom', transferFrom],
  ])('%s of TSLAx to a Uniswap V2 pair (a contract): US -> block', (_name, build) => {
    const result = judge(build(XSTOCK, PAIR), 'US', { contracts: [PAIR] });
    expect(blocking(result)).toEqual([
      {
        code: 'restricted-token',
        severity: 'block',
        message: expect.stringMatching(/TSLAx.*send it to a contract \(0x4444…4444\), which is how a sale through a pool starts/),
        source: XSTOCKS_TERMS,
      },
    ]);
  });

  it.each([
    ['TSLAx to a person (no code), US user', XSTOCK, SECOND_ACCOUNT, 'US', 'warn'],
    ['TSLAx to a pair, DE user', XSTOCK, PAIR, 'DE', 'allow'],
    ['a plain token to a pair, US user', NOT_LISTED, PAIR, 'US', 'allow'],
  ] as const)('%s -> %s', (_name, token, to, country, verdict) => {
    expect(judge(transfer(token, to), country, { contracts: [PAIR] }).verdict).toBe(verdict);
  });

  it('without the list of contracts, a transfer stays a warned transfer (the caller must read the recipient’s code)', () => {
    expect(judge(transfer(XSTOCK, PAIR), 'US').reasons.map((r) => [r.code, r.severity])).toEqual([['restricted-token-transfer', 'warn']]);
  });

  it('a Universal Router transfer of TSLAx into the pair followed by the pair’s swap: US -> block', () => {
    const intent = tx(
      UNIVERSAL_ROUTER,
      encodeFunctionData({
        abi,
        functionName: 'execute',
        args: [
          '0x0208',
          [
            enc('address, address, uint160', [XSTOCK, PAIR, 7n]),
            // amountIn 0: the tokens are already in the pair; the router only calls pair.swap.
            enc('address, uint256, uint256, address[], bool', ['0x0000000000000000000000000000000000000001', 0n, 1n, [XSTOCK, USDC], false]),
          ],
          1n,
        ],
      }),
    );
    expect(intent.assetsOut).toEqual([{ token: XSTOCK, amount: 7n }]);
    expect(blocking(judge(intent, 'US')).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*sell or trade it/)]);
    expect(judge(intent, 'DE').verdict).toBe('allow');
  });
});
