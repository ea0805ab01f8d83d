/**
 * Dinari dShares are not published as a token list: their factory's getDShares()
 * enumerates them on each chain. A dShare rebases through balancePerShare().
 */
import { decodeFunctionResult, encodeFunctionData, getAddress, type Hex, parseAbi } from 'viem';
import { type RpcRequester, readChainId } from './rpc.ts';
import type { Token } from './schema.ts';

const factoryAbi = parseAbi(['function getDShares() view returns (address[] dShares, address[] wrappedDShares)']);
const erc20Abi = parseAbi([
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function decimals() view returns (uint8)',
]);

async function call(rpc: RpcRequester, to: string, data: Hex): Promise<Hex> {
  const result = await rpc.request({ method: 'eth_call', params: [{ to, data }, 'latest'] });
  if (typeof result !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(result)) throw new Error(`eth_call to ${to} returned no bytes`);
  return result as Hex;
}

async function readErc20(rpc: RpcRequester, address: string) {
  const [symbol, name, decimals] = await Promise.all(
    (['symbol', 'name', 'decimals'] as const).map(async (functionName) =>
      decodeFunctionResult({ abi: erc20Abi, functionName, data: await call(rpc, address, encodeFunctionData({ abi: erc20Abi, functionName })) }),
    ),
  );
  return { symbol: String(symbol), name: String(name), decimals: Number(decimals) };
}

export interface FetchDinariDSharesResult {
  tokens: Token[];
  /** dShares whose metadata could not be read or does not look like a dShare ("AAPL.d"). */
  skipped: { address: string; reason: string }[];
}

/**
 * Lists the dShares of a DShareFactory (wrapped dShares are left out: they do not
 * rebase). Throws when getDShares() itself fails; a single bad dShare is skipped.
 */
export async function fetchDinariDShares(
  rpc: RpcRequester,
  factoryAddress: string,
  options: { chainId?: number } = {},
): Promise<FetchDinariDSharesResult> {
  const chainId = options.chainId ?? (await readChainId(rpc));
  const raw = await call(rpc, factoryAddress, encodeFunctionData({ abi: factoryAbi, functionName: 'getDShares' }));
  const [dShares] = decodeFunctionResult({ abi: factoryAbi, functionName: 'getDShares', data: raw });
  const tokens: Token[] = [];
  const skipped: FetchDinariDSharesResult['skipped'] = [];
  const metadata = await Promise.allSettled(dShares.map((address) => readErc20(rpc, address)));
  for (const [i, result] of metadata.entries()) {
    const address = getAddress(dShares[i]);
    if (result.status === 'rejected') {
      skipped.push({ address, reason: String(result.reason?.message ?? result.reason) });
      continue;
    }
    const token = dShareToken(chainId, address, result.value);
    if (typeof token === 'string') skipped.push({ address, reason: token });
    else tokens.push({ ...token, verified: true });
  }
  return { tokens, skipped };
}

/**
 * A dShare from its ERC-20 metadata ("AAPL.d", "Apple Inc. - Dinari"), unverified; a string says
 * why the address is not one. The build (above) and the wallet's discovery (discovered.ts) share it.
 */
export function dShareToken(
  chainId: number,
  address: string,
  meta: { symbol: string; name: string; decimals: number },
  issuer = 'dinari',
): Token | string {
  const { symbol, name, decimals } = meta;
  const ticker = symbol.endsWith('.d') ? symbol.slice(0, -2) : '';
  if (!ticker || !name) return `"${symbol}" is not a dShare symbol`;
  return {
    chainId,
    address: getAddress(address),
    symbol,
    name,
    decimals,
    issuer,
    kind: 'stock',
    underlying: { ticker, name: name.replace(/\s*-\s*Dinari$/i, '') },
    corporateActions: 'balance-per-share',
    verified: false,
  };
}
