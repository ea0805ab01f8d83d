import { encodeFunctionData, parseAbi, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../lib/intent';
import { CHAIN_ID, ctx, MAX_UINT256, OTHER, SPENDER, UNKNOWN_TOKEN, USDC, USER } from './fixtures';

const erc20 = parseAbi([
  'function transfer(address to, uint256 amount)',
  'function approve(address spender, uint256 amount)',
  'function increaseAllowance(address spender, uint256 addedValue)',
  'function transferFrom(address from, address to, uint256 amount)',
]);
const call = (data: `0x${string}`, to = USDC, value?: bigint) => decodeTransaction({ from: USER, to, data, value, chainId: CHAIN_ID }, ctx);

describe('ERC-20 calls', () => {
  it('words a transfer with the token’s decimals and symbol', () => {
    const intent = call(encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [OTHER, parseUnits('1234.5', 6)] }));
    expect(intent.kind).toBe('erc20-transfer');
    expect(intent.summary).toBe(`Send 1,234.5 USDC to ${OTHER}.`);
    expect(intent.assetsOut).toEqual([{ token: USDC, amount: 1_234_500_000n }]);
    expect(intent.tokens).toEqual([USDC]);
    expect(intent.warnings).toEqual([]);
  });

  it('falls back to base units and the full address for a token the wallet does not know', () => {
    const intent = call(encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [OTHER, 42n] }), UNKNOWN_TOKEN);
    expect(intent.summary).toBe(`Send 42 base units of token ${UNKNOWN_TOKEN} to ${OTHER}.`);
  });

  it.each([
    ['a bounded approve', 'approve', 5_000_000n, false, 'Allow'],
    ['an unlimited approve', 'approve', MAX_UINT256, true, 'Allow'],
    ['an approve just below the maximum', 'approve', MAX_UINT256 - 1n, true, 'Allow'],
    ['increaseAllowance', 'increaseAllowance', 7_000_000n, false, 'Additionally allow'],
  ] as const)('flags %s correctly', (_name, functionName, amount, unlimited, verb) => {
    const intent = call(encodeFunctionData({ abi: erc20, functionName, args: [SPENDER, amount] }));
    expect(intent.kind).toBe('erc20-approve');
    expect(intent.approvals).toEqual([{ token: USDC, spender: SPENDER, amount, unlimited }]);
    expect(intent.summary.startsWith(`${verb} ${SPENDER} to spend ${unlimited ? 'an unlimited amount of USDC' : ''}`)).toBe(true);
    expect(intent.warnings.map((w) => w.code)).toEqual(unlimited ? ['unlimited-approval'] : []);
  });

  it.each([
    ['from the user to someone else', USER, OTHER, 'out'],
    ['from someone else to the user', OTHER, USER, 'in'],
    ['between two other accounts', OTHER, SPENDER, 'none'],
  ] as const)('counts transferFrom %s on the right side', (_name, from, to, side) => {
    const intent = call(encodeFunctionData({ abi: erc20, functionName: 'transferFrom', args: [from, to, 10n] }));
    expect(intent.kind).toBe('erc20-transfer-from');
    expect(intent.assetsOut.length).toBe(side === 'out' ? 1 : 0);
    expect(intent.assetsIn.length).toBe(side === 'in' ? 1 : 0);
    expect(intent.tokens).toEqual([USDC]);
  });

  it('warns when native currency rides along with a token transfer', () => {
    const intent = call(encodeFunctionData({ abi: erc20, functionName: 'transfer', args: [OTHER, 1n] }), USDC, 10n ** 18n);
    expect(intent.warnings.map((w) => w.code)).toContain('unexpected-value');
    expect(intent.assetsOut).toContainEqual({ token: 'native', amount: 10n ** 18n });
  });
});
