import { encodeFunctionData, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodeTransaction } from '../../../lib/intent';
import { CHAIN_ID, ctx, OTHER, ROUTER, TSLA, USDC, USER } from './fixtures';

const abi = parseAbi([
  'function transfer(address to, uint256 amount)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
]);
const transfer = encodeFunctionData({ abi, functionName: 'transfer', args: [OTHER, 10n ** 18n] });
const swap = encodeFunctionData({ abi, functionName: 'swapExactTokensForTokens', args: [1n, 2n, [USDC, TSLA], USER, 3n] });
const decode = (data: `0x${string}`, to = USDC) => decodeTransaction({ from: USER, to, data, chainId: CHAIN_ID }, ctx);
const codes = (data: `0x${string}`, to = USDC) => decode(data, to).warnings.map((w) => w.code);

describe('calldata a naive parser would accept', () => {
  it.each([
    ['one byte short', transfer.slice(0, -2)],
    ['the amount cut in half (short address attack)', transfer.slice(0, -32)],
    ['only the recipient', transfer.slice(0, 10 + 64)],
    ['a selector and nothing else', transfer.slice(0, 10)],
  ])('refuses a transfer with %s as malformed', (_name, data) => {
    const intent = decode(data as `0x${string}`);
    expect(intent.kind).toBe('unknown');
    expect(intent.assetsOut).toEqual([]);
    expect(intent.warnings.map((w) => w.code)).toEqual(['malformed-calldata']);
    expect(intent.summary).toMatch(/malformed/);
  });

  it.each([
    ['its path array cut off', swap.slice(0, -64)],
    ['an array offset pointing past the end', `${swap.slice(0, 10 + 128)}${'0'.repeat(60)}ffff${swap.slice(10 + 192)}`],
  ])('refuses a router swap with %s', (_name, data) => {
    expect(codes(data as `0x${string}`, ROUTER)).toEqual(['malformed-calldata']);
  });

  it('flags dirty bits in an address word that a contract would reject', () => {
    const dirty = `${transfer.slice(0, 10)}${'ab'.repeat(12)}${transfer.slice(10 + 24)}` as `0x${string}`;
    expect(codes(dirty)).toContain('non-canonical-calldata');
  });

  it('decodes but reports bytes appended after the arguments', () => {
    const intent = decode(`${transfer}deadbeef`);
    expect(intent.kind).toBe('erc20-transfer');
    expect(intent.warnings.map((w) => w.code)).toEqual(['trailing-calldata']);
  });

  it.each([
    ['odd-length hex', `${transfer}0`],
    ['non-hex characters', `${transfer.slice(0, -2)}zz`],
    ['two bytes, shorter than a selector', '0xa905'],
  ])('treats %s as malformed', (_name, data) => {
    expect(codes(data as `0x${string}`)).toEqual(['malformed-calldata']);
  });

  it('names an unknown function as unknown and lists the contract for compliance', () => {
    const intent = decodeTransaction({ from: USER, to: TSLA, data: '0x12345678', value: 5n, chainId: CHAIN_ID }, ctx);
    expect(intent.kind).toBe('contract-call');
    expect(intent.warnings.map((w) => w.code)).toEqual(['unknown-method', 'value-to-contract']);
    expect(intent.tokens).toEqual([TSLA]);
  });

  it('does not crash on an invalid sender address', () => {
    const intent = decodeTransaction({ from: 'nonsense' as `0x${string}`, to: USDC, data: transfer, chainId: CHAIN_ID }, ctx);
    expect(intent.kind).toBe('unknown');
    expect(intent.warnings[0].code).toBe('malformed-calldata');
  });
});

describe('requests without calldata', () => {
  it('words a plain native transfer', () => {
    const intent = decodeTransaction({ from: USER, to: OTHER, value: 1_500_000_000_000_000_000n, chainId: CHAIN_ID }, ctx);
    expect(intent).toMatchObject({
      kind: 'native-transfer',
      summary: `Send 1.5 ETH to ${OTHER}.`,
      assetsOut: [{ token: 'native', amount: 1_500_000_000_000_000_000n }],
    });
    expect(intent.warnings).toEqual([]);
  });

  it('uses the chain’s own native symbol', () => {
    const intent = decodeTransaction({ from: USER, to: OTHER, value: 10n ** 18n, chainId: 56 }, { nativeSymbol: 'BNB' });
    expect(intent.summary).toBe(`Send 1 BNB to ${OTHER}.`);
  });

  it('flags a contract deployment', () => {
    const intent = decodeTransaction({ from: USER, data: '0x6080604052', value: 2n, chainId: CHAIN_ID }, ctx);
    expect(intent.kind).toBe('contract-deploy');
    expect(intent.warnings.map((w) => w.code)).toEqual(['contract-deploy']);
    expect(intent.assetsOut).toEqual([{ token: 'native', amount: 2n }]);
  });
});
