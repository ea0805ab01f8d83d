import { encodeFunctionData, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { ProviderRpcError } from '../../../lib/errors';
import { decodeTransaction, decodeTypedData } from '../../../lib/intent';
import { CHAIN_ID, ctx, ROUTER, TSLA, USDC, USER } from './fixtures';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const abi = parseAbi([
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline)',
  'function execute(bytes commands, bytes[] inputs, uint256 deadline)',
  'function multicall(bytes[] data)',
]);
const seeds: Hex[] = [
  encodeFunctionData({ abi, functionName: 'swapExactTokensForTokens', args: [1n, 2n, [USDC, TSLA], USER, 3n] }),
  encodeFunctionData({ abi, functionName: 'execute', args: ['0x0b000c', ['0x', '0x', '0x'], 1n] }),
  encodeFunctionData({ abi, functionName: 'multicall', args: [['0xa9059cbb', '0x095ea7b3']] }),
];

describe('hostile input never crashes the decoders', () => {
  it('decodeTransaction returns an intent for 3,000 mutated calldatas', () => {
    const next = random(7);
    for (let i = 0; i < 3_000; i++) {
      const base = seeds[i % seeds.length].slice(2).split('');
      const edits = 1 + Math.floor(next() * 6);
      for (let e = 0; e < edits; e++) base[Math.floor(next() * base.length)] = '0123456789abcdef'[Math.floor(next() * 16)];
      const cut = next() < 0.3 ? Math.floor(next() * base.length) : base.length;
      const data = `0x${base.slice(0, cut).join('')}` as Hex;
      const intent = decodeTransaction({ from: USER, to: ROUTER, data, value: next() < 0.5 ? 1n : 0n, chainId: CHAIN_ID }, ctx);
      expect(typeof intent.summary).toBe('string');
    }
  });

  it('decodeTypedData either describes or refuses with -32602, for junk of every JSON type', () => {
    const junk: unknown[] = [
      undefined,
      0,
      '',
      '{}',
      '[]',
      'null',
      true,
      [],
      {},
      { types: null },
      { types: { EIP712Domain: 'x' } },
      '{"__proto__":{"polluted":1}}',
      { types: {}, primaryType: 'A', domain: {}, message: {} },
    ];
    for (const raw of junk) {
      try {
        decodeTypedData(raw, { activeChainId: CHAIN_ID });
      } catch (err) {
        expect(err).toBeInstanceOf(ProviderRpcError);
        expect((err as ProviderRpcError).code).toBe(-32602);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
