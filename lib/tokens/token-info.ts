/**
 * Symbol and decimals for the tokens a request touches: from the registry and the user's
 * watched tokens first, else read from the chain once and remembered.
 */
import { type Address, decodeFunctionResult, encodeFunctionData, erc20Abi, getAddress, type Hex } from 'viem';
import type { RpcCall } from '../chains';
import type { TokenInfo } from '../intent';

export interface TokenInfoSource {
  known(chainId: number, address: Address): TokenInfo | undefined;
}

/** A token's symbol and decimals read from the chain (two eth_calls); null if it is no ERC-20 or the node failed. */
export async function readSymbolAndDecimals(rpc: RpcCall, address: Address): Promise<TokenInfo | null> {
  try {
    const [symbolHex, decimalsHex] = await Promise.all(
      (['symbol', 'decimals'] as const).map((functionName) =>
        rpc('eth_call', [{ to: address, data: encodeFunctionData({ abi: erc20Abi, functionName }) }, 'latest']),
      ),
    );
    const symbol = decodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', data: symbolHex as Hex });
    const decimals = decodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', data: decimalsHex as Hex });
    return { symbol: symbol.slice(0, 16), decimals };
  } catch {
    return null; // amounts are then shown in raw units
  }
}

/** A token's name() read from the chain, or undefined when it has none the node would tell. */
export async function readTokenName(rpc: RpcCall, address: Address): Promise<string | undefined> {
  try {
    const hex = await rpc('eth_call', [{ to: address, data: encodeFunctionData({ abi: erc20Abi, functionName: 'name' }) }, 'latest']);
    return decodeFunctionResult({ abi: erc20Abi, functionName: 'name', data: hex as Hex }).slice(0, 64);
  } catch {
    return undefined;
  }
}

export interface TokenInfoCache {
  /** Resolves every address, then returns a synchronous lookup for the decoders. */
  lookupFor(rpc: RpcCall, chainId: number, addresses: readonly Address[]): Promise<(address: Address) => TokenInfo | undefined>;
}

export function createTokenInfoCache(source: TokenInfoSource): TokenInfoCache {
  const cache = new Map<string, TokenInfo | null>();

  return {
    async lookupFor(rpc, chainId, addresses) {
      await Promise.all(
        addresses.map(async (raw) => {
          const address = getAddress(raw);
          const key = `${chainId}:${address}`;
          if (cache.has(key)) return;
          cache.set(key, source.known(chainId, address) ?? (await readSymbolAndDecimals(rpc, address)));
        }),
      );
      return (address) => cache.get(`${chainId}:${getAddress(address)}`) ?? source.known(chainId, getAddress(address));
    },
  };
}
