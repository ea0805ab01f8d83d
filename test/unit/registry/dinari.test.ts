import { decodeFunctionData, encodeFunctionResult, getAddress, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { fetchDinariDShares, type RpcRequester } from '../../../lib/registry/index.ts';

const abi = parseAbi([
  'function getDShares() view returns (address[], address[])',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function decimals() view returns (uint8)',
]);
const FACTORY = '0x60B5E7eEcb2AEE0382db86491b8cFfA39347c747';
const a = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);

type Meta = { symbol: string; name: string; decimals: number } | 'revert';

/** A node with one factory and some ERC-20s; answers are ABI-encoded with viem. */
function fakeNode(dShares: Record<string, Meta>, wrapped: string[], chainId = 42161): RpcRequester & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async request({ method, params }) {
      calls.push(method);
      if (method === 'eth_chainId') return `0x${chainId.toString(16)}`;
      const [{ to, data }] = params as [{ to: string; data: Hex }];
      const { functionName } = decodeFunctionData({ abi, data });
      if (to.toLowerCase() === FACTORY.toLowerCase()) {
        return encodeFunctionResult({ abi, functionName: 'getDShares', result: [Object.keys(dShares) as Hex[], wrapped as Hex[]] });
      }
      const meta = dShares[getAddress(to)];
      if (!meta || meta === 'revert') throw new Error('execution reverted');
      if (functionName === 'decimals') return encodeFunctionResult({ abi, functionName, result: meta.decimals });
      return encodeFunctionResult({ abi, functionName: functionName as 'symbol' | 'name', result: meta[functionName as 'symbol' | 'name'] });
    },
  };
}

describe('fetchDinariDShares', () => {
  it("lists the factory's dShares as rebasing tokens of Dinari on the node's chain", async () => {
    const node = fakeNode(
      { [a(1)]: { symbol: 'AAPL.d', name: 'Apple Inc. - Dinari', decimals: 18 }, [a(2)]: { symbol: 'TSLA.d', name: 'Tesla, Inc.', decimals: 18 } },
      [a(11), a(12)],
    );
    const { tokens, skipped } = await fetchDinariDShares(node, FACTORY);
    expect(skipped).toEqual([]);
    expect(tokens).toEqual([
      expect.objectContaining({
        chainId: 42161,
        address: a(1),
        symbol: 'AAPL.d',
        issuer: 'dinari',
        corporateActions: 'balance-per-share',
        underlying: { ticker: 'AAPL', name: 'Apple Inc.' },
      }),
      expect.objectContaining({ chainId: 42161, address: a(2), symbol: 'TSLA.d', underlying: { ticker: 'TSLA', name: 'Tesla, Inc.' } }),
    ]);
  });

  it('does not ask the chain id when told', async () => {
    const node = fakeNode({}, []);
    await fetchDinariDShares(node, FACTORY, { chainId: 1 });
    expect(node.calls).not.toContain('eth_chainId');
  });

  it('skips a dShare that reverts or does not look like one, and keeps the rest', async () => {
    const node = fakeNode(
      { [a(1)]: 'revert', [a(2)]: { symbol: 'SCAM', name: 'Scam', decimals: 18 }, [a(3)]: { symbol: 'NVDA.d', name: 'NVIDIA', decimals: 18 } },
      [],
    );
    const { tokens, skipped } = await fetchDinariDShares(node, FACTORY, { chainId: 1 });
    expect(tokens.map((t) => t.symbol)).toEqual(['NVDA.d']);
    expect(skipped.map((s) => s.address)).toEqual([a(1), a(2)]);
  });

  it('throws when the factory cannot be read', async () => {
    const node: RpcRequester = { request: async () => '0x' };
    await expect(fetchDinariDShares(node, FACTORY, { chainId: 1 })).rejects.toThrow();
  });
});
