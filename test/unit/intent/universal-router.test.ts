import { encodeAbiParameters, encodeFunctionData, encodePacked, type Hex, parseAbi, parseAbiParameters } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../lib/intent';
import { CHAIN_ID, ctx, MAX_UINT160, OTHER, TSLA, USDC, USER, WETH } from './fixtures';

const UNIVERSAL_ROUTER = '0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af';
const MSG_SENDER = '0x0000000000000000000000000000000000000001';
const ADDRESS_THIS = '0x0000000000000000000000000000000000000002';
const E18 = 10n ** 18n;

const abi = parseAbi([
  'function execute(bytes commands, bytes[] inputs, uint256 deadline) payable',
  'function execute(bytes commands, bytes[] inputs) payable',
]);
const enc = (types: string, values: readonly unknown[]) => encodeAbiParameters(parseAbiParameters(types), values as never);
const v3Path = (a: string, fee: number, b: string) => encodePacked(['address', 'uint24', 'address'], [a as Hex, fee, b as Hex]);

const step = {
  wrapEth: (recipient: string, amount: bigint) => ['0b', enc('address, uint256', [recipient, amount])] as const,
  unwrapWeth: (recipient: string, min: bigint) => ['0c', enc('address, uint256', [recipient, min])] as const,
  v3In: (recipient: string, amountIn: bigint, min: bigint, path: Hex, payerIsUser: boolean) =>
    ['00', enc('address, uint256, uint256, bytes, bool', [recipient, amountIn, min, path, payerIsUser])] as const,
  v3Out: (recipient: string, amountOut: bigint, max: bigint, path: Hex, payerIsUser: boolean) =>
    ['01', enc('address, uint256, uint256, bytes, bool', [recipient, amountOut, max, path, payerIsUser])] as const,
  v2In: (recipient: string, amountIn: bigint, min: bigint, path: string[], payerIsUser: boolean) =>
    ['08', enc('address, uint256, uint256, address[], bool', [recipient, amountIn, min, path, payerIsUser])] as const,
  v2Out: (recipient: string, amountOut: bigint, max: bigint, path: string[], payerIsUser: boolean) =>
    ['09', enc('address, uint256, uint256, address[], bool', [recipient, amountOut, max, path, payerIsUser])] as const,
  sweep: (token: string, recipient: string, min: bigint) => ['04', enc('address, address, uint256', [token, recipient, min])] as const,
  transfer: (token: string, recipient: string, value: bigint) => ['05', enc('address, address, uint256', [token, recipient, value])] as const,
  permit: (token: string, amount: bigint, spender: string) =>
    [
      '0a',
      enc('((address token, uint160 amount, uint48 expiration, uint48 nonce) details, address spender, uint256 sigDeadline), bytes', [
        { details: { token, amount, expiration: 1_900_000_000, nonce: 0 }, spender, sigDeadline: 1_800_000_000n },
        `0x${'11'.repeat(65)}`,
      ]),
    ] as const,
};

function execute(steps: (readonly [string, Hex])[], value = 0n, withDeadline = true) {
  const commands = `0x${steps.map(([c]) => c).join('')}` as Hex;
  const inputs = steps.map(([, input]) => input);
  const data = withDeadline
    ? encodeFunctionData({ abi, functionName: 'execute', args: [commands, inputs, 2_000_000_000n] })
    : encodeFunctionData({ abi, functionName: 'execute', args: [commands, inputs] });
  return decodeTransaction({ from: USER, to: UNIVERSAL_ROUTER, data, value, chainId: CHAIN_ID }, ctx);
}

describe('Universal Router execute', () => {
  it('ETH -> token: WRAP_ETH then V3_SWAP_EXACT_IN paid by the router', () => {
    const intent = execute([step.wrapEth(ADDRESS_THIS, E18), step.v3In(MSG_SENDER, E18, 3n * E18, v3Path(WETH, 3000, TSLA), false)], E18);
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: E18 }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: 3n * E18, min: true }]);
    expect(intent.summary).toBe('Swap 1 ETH for at least 3 TSLAx.');
    expect(intent.warnings).toEqual([]);
  });

  it('token -> ETH: PERMIT2_PERMIT, V2_SWAP_EXACT_IN into the router, UNWRAP_WETH to the user', () => {
    const intent = execute([
      step.permit(TSLA, MAX_UINT160, UNIVERSAL_ROUTER),
      step.v2In(ADDRESS_THIS, 2n * E18, E18 / 2n, [TSLA, WETH], true),
      step.unwrapWeth(MSG_SENDER, E18 / 2n),
    ]);
    expect(intent.assetsOut).toEqual([{ token: TSLA, amount: 2n * E18 }]);
    expect(intent.assetsIn).toEqual([{ token: 'native', amount: E18 / 2n, min: true }]);
    expect(intent.approvals).toEqual([{ token: TSLA, spender: UNIVERSAL_ROUTER, amount: MAX_UINT160, unlimited: true }]);
    expect(intent.warnings.map((w) => w.code)).toEqual(['unlimited-approval']);
  });

  it.each([
    ['V3_SWAP_EXACT_OUT', step.v3Out(MSG_SENDER, E18, 70_000_000n, v3Path(TSLA, 3000, USDC), true)],
    ['V2_SWAP_EXACT_OUT', step.v2Out(MSG_SENDER, E18, 70_000_000n, [USDC, TSLA], true)],
  ])('%s pays at most the ceiling for the exact output', (_name, swap) => {
    const intent = execute([swap]);
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 70_000_000n, max: true }]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: E18 }]);
  });

  it('counts SWEEP and TRANSFER to the user as received, and flags a TRANSFER elsewhere', () => {
    const intent = execute([
      step.v3In(ADDRESS_THIS, 100_000_000n, E18, v3Path(USDC, 500, TSLA), true),
      step.sweep(TSLA, MSG_SENDER, E18),
      step.transfer(USDC, OTHER, 5n),
    ]);
    expect(intent.assetsIn).toEqual([{ token: TSLA, amount: E18, min: true }]);
    expect(intent.warnings.map((w) => w.code)).toEqual(['recipient-not-sender']);
  });

  it('decodes the execute variant without a deadline', () => {
    const intent = execute([step.v2In(MSG_SENDER, 1n, 2n, [USDC, TSLA], true)], 0n, false);
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 1n }]);
  });

  it.each([
    ['an unknown command byte', [['3f', '0x'] as const], 'unknown-router-command'],
    ['an unknown command allowed to revert', [['bf', '0x'] as const], 'unknown-router-command'],
    ['a V4 swap whose input is not (bytes, bytes[])', [['10', '0x1234'] as const], 'malformed-calldata'],
    ['a V4 swap with an action Sharekeep does not decode', [['10', enc('bytes, bytes[]', ['0x01', ['0x']])] as const], 'undecoded-router-command'],
    ['a truncated input', [['00', enc('address, uint256', [MSG_SENDER, 1n])] as const], 'malformed-calldata'],
    ['a V3 path of the wrong length', [step.v3In(MSG_SENDER, 1n, 1n, '0x1234', true)], 'invalid-path'],
  ])('warns, without crashing, about %s', (_name, steps, code) => {
    const intent = execute(steps as (readonly [string, Hex])[]);
    expect(intent.kind).toBe('swap');
    expect(intent.warnings.map((w) => w.code)).toContain(code);
  });

  it('warns when commands and inputs do not line up', () => {
    const data = encodeFunctionData({ abi, functionName: 'execute', args: ['0x0b0b', [step.wrapEth(ADDRESS_THIS, 1n)[1]], 1n] });
    const intent = decodeTransaction({ from: USER, to: UNIVERSAL_ROUTER, data, value: 1n, chainId: CHAIN_ID }, ctx);
    expect(intent.warnings.map((w) => w.code)).toContain('malformed-calldata');
  });

  it('is not fooled by a Permit2 allowance granted inside a batch to another spender', () => {
    const intent = execute([step.permit(USDC, 10n, OTHER)]);
    expect(intent.approvals).toEqual([{ token: USDC, spender: OTHER, amount: 10n, unlimited: false }]);
    expect(intent.tokens).toEqual([USDC]);
  });
});
