import { type Address, encodeAbiParameters, encodeFunctionData, encodePacked, type Hex, parseAbi, parseAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction, type SimulationResult } from '../../../lib/intent';
import {
  AGGREGATOR,
  blocking,
  CHAIN,
  FEE_COLLECTOR,
  judge,
  NOT_LISTED,
  okSimulation,
  REVERTED,
  UNAVAILABLE,
  UNIVERSAL_ROUTER,
  USDC,
  USER,
  V2_ROUTER,
  V3_ROUTER,
  XSTOCK,
  XSTOCKS_TERMS,
} from './fixtures';

const MSG_SENDER = '0x0000000000000000000000000000000000000001';
const ADDRESS_THIS = '0x0000000000000000000000000000000000000002';
const enc = (types: string, values: readonly unknown[]) => encodeAbiParameters(parseAbiParameters(types), values as never);
const ur = parseAbi(['function execute(bytes commands, bytes[] inputs, uint256 deadline) payable']);
const execute = (steps: (readonly [string, Hex])[]) =>
  decodeTransaction({
    from: USER,
    to: UNIVERSAL_ROUTER,
    chainId: CHAIN,
    data: encodeFunctionData({ abi: ur, functionName: 'execute', args: [`0x${steps.map((s) => s[0]).join('')}`, steps.map((s) => s[1]), 1n] }),
  });
const v3Path = (a: Address, b: Address, tail = '') => `${encodePacked(['address', 'uint24', 'address'], [a, 3000, b])}${tail}` as Hex;
const poolKey = (a: Address, b: Address) => ({
  currency0: a,
  currency1: b,
  fee: 3000,
  tickSpacing: 60,
  hooks: '0x0000000000000000000000000000000000000000',
});

/** V4_SWAP inputs in the layouts routers have shipped: with sqrtPriceLimitX96 (v4-periphery) and with minHopPriceX36 (UR 2.1.1). */
const v4 = {
  exactInSingle: (from: Address, to: Address, extraField: 'uint160 sqrtPriceLimitX96' | 'uint256 minHopPriceX36' | '' = '') => {
    const [c0, c1] = from.toLowerCase() < to.toLowerCase() ? [from, to] : [to, from];
    const extra = extraField ? `${extraField}, ` : '';
    const swap = enc(
      `((address currency0, address currency1, uint24 fee, int24 tickSpacing, address hooks) poolKey, bool zeroForOne, uint128 amountIn, uint128 amountOutMinimum, ${extra}bytes hookData)`,
      [
        {
          poolKey: poolKey(c0, c1),
          zeroForOne: from === c0,
          amountIn: 500n,
          amountOutMinimum: 9n,
          ...(extraField ? { [extraField.split(' ')[1]]: 0n } : {}),
          hookData: '0x',
        },
      ],
    );
    return ['10', enc('bytes, bytes[]', ['0x060c0f', [swap, enc('address, uint256', [from, 500n]), enc('address, uint256', [to, 9n])]])] as const;
  },
  withActions: (actions: Hex, params: Hex[]) => ['10', enc('bytes, bytes[]', [actions, params])] as const,
};

describe('Universal Router V4_SWAP is decoded far enough to see the currencies', () => {
  it.each([
    ['the 5-field struct', ''],
    ['the struct with sqrtPriceLimitX96', 'uint160 sqrtPriceLimitX96'],
    ['the struct with minHopPriceX36', 'uint256 minHopPriceX36'],
  ] as const)('a buy of TSLAx with %s: shown as paid and received; US -> block, DE -> allow', (_name, extra) => {
    const intent = execute([v4.exactInSingle(USDC, XSTOCK, extra)]);
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 500n, max: true }]);
    expect(intent.assetsIn).toEqual([{ token: XSTOCK, amount: 9n, min: true }]);
    expect(blocking(judge(intent, 'US'))).toEqual([
      {
        code: 'restricted-token',
        severity: 'block',
        message: expect.stringMatching(/^TSLAx .*residents of US.*buy or receive it/),
        source: XSTOCKS_TERMS,
      },
    ]);
    expect(judge(intent, 'DE')).toEqual({ verdict: 'allow', reasons: [] });
  });

  it('a V4 swap step alone (no settle or take decoded) still trades TSLAx: US -> block', () => {
    const swap = enc('((address, address, uint24, int24, address), bool, uint128, uint128, bytes)', [
      [[USDC, XSTOCK, 3000, 60, '0x0000000000000000000000000000000000000000'], true, 1n, 1n, '0x'],
    ]);
    const swapOnly = v4.withActions('0x06', [swap]);
    expect(blocking(judge(execute([swapOnly]), 'US')).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*trade it in a swap/)]);
  });

  it('an undecoded V4 action naming TSLAx: US -> block (fails closed); plain tokens only warn', () => {
    const unknownAction = (token: Address) => v4.withActions('0x01', [enc('address, uint256', [token, 1n])]);
    const result = judge(execute([unknownAction(XSTOCK)]), 'US');
    expect(result.verdict).toBe('block');
    expect(blocking(result).map((r) => r.code)).toEqual(['restricted-token-unconfirmed']);
    expect(judge(execute([unknownAction(NOT_LISTED)]), 'US').verdict).toBe('warn');
  });
});

describe('Universal Router PAY_PORTION', () => {
  const swapToRouter = ['00', enc('address, uint256, uint256, bytes, bool', [ADDRESS_THIS, 500n, 9n, v3Path(USDC, XSTOCK), true])] as const;
  const portion = (token: Address, bips: bigint) => ['06', enc('address, address, uint256', [token, FEE_COLLECTOR, bips])] as const;
  const sweep = (token: Address) => ['04', enc('address, address, uint256', [token, MSG_SENDER, 8n])] as const;

  it('is decoded: a 0.25% fee of USDC to a collector is shown, at info level, and a DE buy stays allowed', () => {
    const intent = execute([
      ['00', enc('address, uint256, uint256, bytes, bool', [ADDRESS_THIS, 500n, 9n, v3Path(XSTOCK, USDC), true])],
      portion(USDC, 25n),
      sweep(USDC),
    ]);
    expect(intent.summary).toMatch(/0\.25% of the router's token 0xA0b8.* to 0x5555/);
    const result = judge(intent, 'DE');
    expect(result.verdict).toBe('allow');
    expect(result.reasons.map((r) => [r.code, r.severity])).toEqual([['fee-portion', 'info']]);
  });

  it('of TSLAx to another address: the user buys it even if all of it goes elsewhere -> US block', () => {
    const result = judge(execute([swapToRouter, portion(XSTOCK, 10_000n)]), 'US');
    expect(result.verdict).toBe('block');
    expect(blocking(result)[0].message).toMatch(/TSLAx.*buy it, even though the proceeds go to another address \(0x5555…5555\)/);
  });

  it('a portion above 1% is a warning, not an interface fee', () => {
    expect(judge(execute([swapToRouter, portion(USDC, 5_000n), sweep(XSTOCK)]), 'DE').reasons.map((r) => r.code)).toContain('recipient-not-sender');
  });
});

describe('a restricted token in the middle of a V2 path is traded too, as in a V3 path', () => {
  const router02 = parseAbi([
    'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
    'function swapExactETHForTokens(uint256 amountOutMin, address[] path, address to, uint256 deadline) payable',
  ]);
  const viaRouter02 = (path: Address[]) =>
    decodeTransaction({
      from: USER,
      to: V2_ROUTER,
      chainId: CHAIN,
      data: encodeFunctionData({ abi: router02, functionName: 'swapExactTokensForTokens', args: [500n, 9n, path, USER, 1n] }),
    });
  const viaRouter02Eth = (path: Address[]) =>
    decodeTransaction({
      from: USER,
      to: V2_ROUTER,
      chainId: CHAIN,
      value: 500n,
      data: encodeFunctionData({ abi: router02, functionName: 'swapExactETHForTokens', args: [9n, path, USER, 1n] }),
    });
  const v2Step = (command: '08' | '09', path: Address[]) =>
    execute([[command, enc('address, uint256, uint256, address[], bool', [MSG_SENDER, 500n, 9n, path, true])]]);
  // A buy with ETH through the Universal Router: WRAP_ETH, then V2_SWAP_EXACT_IN paid by the router.
  const urWithEth = (path: Address[]) =>
    decodeTransaction({
      from: USER,
      to: UNIVERSAL_ROUTER,
      chainId: CHAIN,
      value: 500n,
      data: encodeFunctionData({
        abi: ur,
        functionName: 'execute',
        args: [
          '0x0b08',
          [enc('address, uint256', [ADDRESS_THIS, 500n]), enc('address, uint256, uint256, address[], bool', [USER, 500n, 9n, path, false])],
          1n,
        ],
      }),
    });
  const WETH: Address = '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2';

  it.each([
    ['Router02 swapExactTokensForTokens', () => viaRouter02([USDC, XSTOCK, NOT_LISTED])],
    ['Router02 swapExactETHForTokens', () => viaRouter02Eth([WETH, XSTOCK, NOT_LISTED])],
    ['Universal Router V2_SWAP_EXACT_IN', () => v2Step('08', [USDC, XSTOCK, NOT_LISTED])],
    ['Universal Router V2_SWAP_EXACT_OUT', () => v2Step('09', [USDC, XSTOCK, NOT_LISTED])],
    ['Universal Router WRAP_ETH + V2_SWAP_EXACT_IN', () => urWithEth([WETH, XSTOCK, USDC])],
  ])('%s through TSLAx: US -> block, DE -> not blocked', (_name, build) => {
    const intent = build();
    expect(intent.assetsIn?.map((m) => m.token)).not.toContain(XSTOCK);
    expect(blocking(judge(intent, 'US')).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*trade it in a swap/)]);
    expect(blocking(judge(intent, 'DE'))).toEqual([]);
  });

  it.each([
    ['Router02', () => viaRouter02([USDC, NOT_LISTED, WETH])],
    ['Universal Router', () => urWithEth([WETH, NOT_LISTED, USDC])],
  ])('%s through a plain token in the middle: a US user is not blocked', (_name, build) => {
    expect(blocking(judge(build(), 'US'))).toEqual([]);
  });
});

describe('a V3 path with bytes after its last pool is traded, not invalid', () => {
  const exactInput = parseAbi(['function exactInput((bytes path, address recipient, uint256 amountIn, uint256 amountOutMinimum) params)']);
  const viaRouter02 = (path: Hex) =>
    decodeTransaction({
      from: USER,
      to: V3_ROUTER,
      chainId: CHAIN,
      data: encodeFunctionData({
        abi: exactInput,
        functionName: 'exactInput',
        args: [{ path, recipient: USER, amountIn: 500n, amountOutMinimum: 9n }],
      }),
    });
  const viaUniversalRouter = (path: Hex) => execute([['00', enc('address, uint256, uint256, bytes, bool', [MSG_SENDER, 500n, 9n, path, true])]]);

  it.each([
    ['SwapRouter02 exactInput, 1 extra byte', viaRouter02, '00'],
    ['SwapRouter02 exactInput, 22 extra bytes', viaRouter02, 'ab'.repeat(22)],
    ['Universal Router V3_SWAP_EXACT_IN, 3 extra bytes', viaUniversalRouter, '000bb8'],
  ])('%s: buys TSLAx -> US block, DE allow', (_name, build, tail) => {
    const intent = build(v3Path(USDC, XSTOCK, tail));
    expect(intent.assetsIn).toEqual([{ token: XSTOCK, amount: 9n, min: true }]);
    expect(intent.warnings.map((w) => w.code)).toEqual(['trailing-calldata']);
    expect(judge(intent, 'US').verdict).toBe('block');
    expect(judge(intent, 'DE').verdict).toBe('allow');
  });

  it('a restricted token in the middle of a multi-pool path is traded too -> US block', () => {
    const path = encodePacked(['address', 'uint24', 'address', 'uint24', 'address'], [USDC, 500, XSTOCK, 3000, NOT_LISTED]);
    expect(blocking(judge(viaRouter02(path), 'US')).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*trade it in a swap/)]);
  });
});

describe('calls Sharekeep cannot decode', () => {
  const unknownCall = (words: Address[]) =>
    decodeTransaction({
      from: USER,
      to: AGGREGATOR,
      chainId: CHAIN,
      data: `0x12345678${enc(words.map(() => 'address').join(','), words).slice(2)}` as Hex,
    });
  const noChanges = okSimulation([]);

  it.each([
    ['a successful dry run', noChanges],
    ['no dry run', undefined],
    ['an unavailable dry run', UNAVAILABLE],
    ['a reverted dry run', REVERTED],
  ] as [string, SimulationResult | undefined][])('an aggregator call naming TSLAx, with %s: US -> block with a clear reason', (_name, simulation) => {
    const result = judge(unknownCall([USDC, XSTOCK]), 'US', { simulation });
    expect(blocking(result)).toEqual([
      {
        code: 'restricted-token-unconfirmed',
        severity: 'block',
        message: expect.stringMatching(/^TSLAx .*residents of US.*names it in data Sharekeep cannot read/),
        source: XSTOCKS_TERMS,
      },
    ]);
  });

  it.each([
    ['a DE user, calldata naming TSLAx', [XSTOCK], 'DE'],
    ['a US user, calldata naming only plain tokens', [USDC, NOT_LISTED], 'US'],
  ] as [string, Address[], string][])('%s -> warn, not block', (_name, words, country) => {
    expect(judge(unknownCall(words), country, { simulation: UNAVAILABLE }).verdict).toBe('warn');
  });

  it('an unknown function of the TSLAx contract itself: blocked without a dry run, a warning when a dry run shows no trade', () => {
    const call = decodeTransaction({ from: USER, to: XSTOCK, chainId: CHAIN, data: '0xabcdef01' });
    for (const simulation of [UNAVAILABLE, REVERTED, undefined]) {
      const result = judge(call, 'US', { simulation });
      expect(blocking(result).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*cannot confirm what this request does with it/)]);
    }
    expect(judge(call, 'US', { simulation: noChanges }).reasons.map((r) => [r.code, r.severity])).toEqual([
      ['restricted-token-involved', 'warn'],
      ['unknown-method', 'warn'],
    ]);
  });

  it('a dry run showing TSLAx moving to someone else in an undecoded call: US -> block', () => {
    const moved = okSimulation([{ token: USDC, delta: -5n }], [USDC, XSTOCK]);
    const result = judge(unknownCall([USDC]), 'US', { simulation: moved });
    expect(blocking(result).map((r) => r.message)).toEqual([expect.stringMatching(/TSLAx.*move it, as the dry run shows/)]);
  });

  it('plain ERC-20 flows keep today’s behaviour: a failed or missing dry run only warns', () => {
    const swap = execute([['08', enc('address, uint256, uint256, address[], bool', [MSG_SENDER, 5n, 1n, [USDC, NOT_LISTED], true])]]);
    expect(judge(swap, 'US', { simulation: REVERTED }).reasons.map((r) => [r.code, r.severity])).toEqual([['simulation-reverted', 'warn']]);
    expect(judge(swap, 'US', { simulation: UNAVAILABLE }).verdict).toBe('warn');
  });

  it('an undecoded Universal Router command naming TSLAx (a Permit2 batch transfer): US -> block', () => {
    const batch = enc('(address from, address to, uint160 amount, address token)[]', [[{ from: USER, to: AGGREGATOR, amount: 1n, token: XSTOCK }]]);
    expect(judge(execute([['0d', batch]]), 'US').verdict).toBe('block');
  });
});
