// What the portfolio should show for a devnet account, read straight from the chain with viem:
// the token balance, the underlying shares (an Ondo-style token scaled by its oracle's sValue)
// and the USD value at the price feed, with 8 decimals. A token without a feed is valued at the
// pool holding the most USDC (V3 slot0, or V2 reserves), unless that pool holds under $10,000.
import type { Address, PublicClient } from 'viem';
import { aggregatorAbi, uniswapV2PairAbi, usdcAbi } from '../../devnet/abis.ts';
import { loadNpmArtifacts } from '../../devnet/npm-artifacts.ts';
import type { Deployment, DevnetToken } from '../../devnet/types.ts';

export interface ExpectedHolding {
  symbol: string;
  address: string;
  amount: bigint;
  underlying: bigint;
  /** USD, 8 decimals; null when no price stands (no feed, no pool above the floor). */
  value: bigint | null;
  source: 'feed' | 'dex' | 'none';
  /** The pool a DEX price comes from. */
  pool?: string;
}

const v3PoolAbi = loadNpmArtifacts().UniswapV3Pool.abi;
const FLOOR_USDC = 10_000n * 10n ** 6n;

/** USD per whole token (8 decimals) at the deepest USDC pool of a feedless devnet token, and that pool; null below the floor. */
export async function expectedPoolPrice(client: PublicClient, deployment: Deployment, t: DevnetToken) {
  const usdc = deployment.contracts.USDC.toLowerCase();
  const tokenFirst = t.address.toLowerCase() < usdc;
  const candidates: { pool: string; depth: bigint; price: bigint }[] = [];
  for (const p of deployment.dex.uniswapV3.pools.filter((p) => p.token === t.address)) {
    const slot0 = (await client.readContract({ address: p.address as Address, abi: v3PoolAbi, functionName: 'slot0' })) as readonly [bigint];
    const depth = await client.readContract({ address: usdc as Address, abi: usdcAbi, functionName: 'balanceOf', args: [p.address as Address] });
    // price of token0 in token1 = (sqrtPriceX96 / 2^96)^2, here in raw units; scaled to whole tokens, USDC -> 8 decimals.
    const square = slot0[0] * slot0[0];
    const price = tokenFirst ? (square * 10n ** 20n) / 2n ** 192n : (2n ** 192n * 10n ** 20n) / square;
    candidates.push({ pool: p.address.toLowerCase(), depth, price });
  }
  if (t.pair) {
    const [r0, r1] = await client.readContract({ address: t.pair as Address, abi: uniswapV2PairAbi, functionName: 'getReserves' });
    const [tokenReserve, usdcReserve] = tokenFirst ? [r0, r1] : [r1, r0];
    candidates.push({ pool: t.pair.toLowerCase(), depth: usdcReserve, price: (usdcReserve * 10n ** 20n) / tokenReserve });
  }
  const deepest = candidates.sort((a, b) => (b.depth > a.depth ? 1 : b.depth < a.depth ? -1 : 0))[0];
  return deepest && deepest.depth >= FLOOR_USDC ? deepest : null;
}

async function feed(client: PublicClient, address: string) {
  const [round, decimals] = await Promise.all([
    client.readContract({ address: address as Address, abi: aggregatorAbi, functionName: 'latestRoundData' }),
    client.readContract({ address: address as Address, abi: aggregatorAbi, functionName: 'decimals' }),
  ]);
  return { answer: round[1], decimals };
}

export async function expectedHoldings(client: PublicClient, deployment: Deployment, account: string): Promise<ExpectedHolding[]> {
  const all = await Promise.all(
    deployment.tokens.map(async (t) => {
      const amount = await client.readContract({
        address: t.address as Address,
        abi: usdcAbi,
        functionName: 'balanceOf',
        args: [account as Address],
      });
      let underlying = amount;
      if (t.multiplierOracle) {
        const s = await feed(client, t.multiplierOracle);
        underlying = (amount * s.answer) / 10n ** BigInt(s.decimals);
      }
      if (!t.priceFeed) {
        const pool = await expectedPoolPrice(client, deployment, t);
        if (!pool) return { symbol: t.symbol, address: t.address, amount, underlying, value: null, source: 'none' as const };
        const value = (amount * pool.price) / 10n ** BigInt(t.decimals);
        return { symbol: t.symbol, address: t.address, amount, underlying, value, source: 'dex' as const, pool: pool.pool };
      }
      const price = await feed(client, t.priceFeed);
      const value = (underlying * price.answer * 10n ** 8n) / 10n ** BigInt(t.decimals + price.decimals);
      return { symbol: t.symbol, address: t.address, amount, underlying, value, source: 'feed' as const };
    }),
  );
  return all.filter((h) => h.amount > 0n);
}
