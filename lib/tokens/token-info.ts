/**
 * Symbol and decimals for the tokens a request touches: from the registry and the user's
 * watched tokens first, else read from the chain once and remembered.
 */
import { type Address, decodeFunctionResult, encodeFunctionData, getAddress, parseAbi } from 'viem';
import type { TokenInfo } from '../intent';
import type { RpcCall } from '../chains/rpc-client';

const erc20 = parseAbi(['function symbol() view returns (string)', 'function decimals() view returns (uint8)']);

export interface TokenInfoSource {
  known(chainId: number, address: Address): TokenInfo | undefined;
}

export function createTokenInfoCache(source: TokenInfoSource) {
  const cache = new Map<string, TokenInfo | null>();

  async function readFromChain(rpc: RpcCall, address: Address): Promise<TokenInfo | null> {
    try {
      const [symbolHex, decimalsHex] = await Promise.all(
        (['symbol', 'decimals'] as const).map((functionName) =>
          rpc('eth_call', [{ to: address, data: encodeFunctionData({ abi: erc20, functionName }) }, 'latest']),
        ),
      );
      const symbol = decodeFunctionResult({ abi: erc20, functionName: 'symbol', data: symbolHex as `0x${string}` });
      const decimals = decodeFunctionResult({ abi: erc20, functionName: 'decimals', data: decimalsHex as `0x${string}` });
      return { symbol: symbol.slice(0, 16), decimals };
    } catch {
      return null; // not an ERC-20, or the node failed: amounts are then shown in raw units
    }
  }

  return {
    /** Resolves every address, then returns a synchronous lookup for the decoders. */
    async lookupFor(rpc: RpcCall, chainId: number, addresses: Address[]): Promise<(address: Address) => TokenInfo | undefined> {
      await Promise.all(
        addresses.map(async (raw) => {
          const address = getAddress(raw);
          const key = `${chainId}:${address}`;
          if (cache.has(key)) return;
          cache.set(key, source.known(chainId, address) ?? (await readFromChain(rpc, address)));
        }),
      );
      return (address) => cache.get(`${chainId}:${getAddress(address)}`) ?? source.known(chainId, getAddress(address));
    },
  };
}
