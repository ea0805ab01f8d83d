/**
 * Dividends arrive as stablecoin airdrops whose event names only an amount: the currency
 * is the payout token of the distribution. This reads it (distributions(id) -> token ->
 * symbol and decimals) once per distribution and remembers it.
 */
import { decodeFunctionResult, encodeFunctionData, type Hex, parseAbi } from 'viem';
import type { RpcRequester } from '../registry';

const distributionAbi = parseAbi([
  // Dinari's DividendDistribution: the public mapping's getter (sbt-contracts src/dividend/DividendDistribution.sol).
  'function distributions(uint256 id) view returns (address token, uint256 remainingDistribution, uint256 endTime)',
]);
const tokenAbi = parseAbi(['function symbol() view returns (string)', 'function decimals() view returns (uint8)']);

export interface PayoutCurrency {
  token: string;
  symbol: string;
  decimals: number;
}

async function call<const A extends readonly unknown[]>(rpc: RpcRequester, to: string, abi: A, functionName: string, args: readonly unknown[] = []) {
  // biome-ignore lint/suspicious/noExplicitAny: a small fixed ABI per call site
  const data = encodeFunctionData({ abi: abi as any, functionName, args });
  const result = await rpc.request({ method: 'eth_call', params: [{ to, data }, 'latest'] });
  if (typeof result !== 'string' || result === '0x') throw new Error(`${functionName}() returned nothing`);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  return decodeFunctionResult({ abi: abi as any, functionName, data: result as Hex }) as unknown;
}

export function createPayoutCurrencies(rpc: () => RpcRequester) {
  const known = new Map<string, Promise<PayoutCurrency | null>>();
  const read = async (contract: string, distributionId: string): Promise<PayoutCurrency | null> => {
    const [token] = (await call(rpc(), contract, distributionAbi, 'distributions', [BigInt(distributionId)])) as readonly [string];
    const [symbol, decimals] = await Promise.all([call(rpc(), token, tokenAbi, 'symbol'), call(rpc(), token, tokenAbi, 'decimals')]);
    if (typeof symbol !== 'string' || typeof decimals !== 'number' || decimals > 36) return null;
    return { token, symbol: symbol.slice(0, 16), decimals };
  };
  return {
    /** The payout currency of a distribution; null when the contract does not say. */
    of(chainId: number, contract: string, distributionId: string): Promise<PayoutCurrency | null> {
      const key = `${chainId}:${contract.toLowerCase()}:${distributionId}`;
      let found = known.get(key);
      if (!found) {
        found = read(contract, distributionId).catch(() => {
          known.delete(key);
          return null;
        });
        known.set(key, found);
      }
      return found;
    },
  };
}
