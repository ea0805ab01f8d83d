// What the portfolio should show for a devnet account, read straight from the chain with viem:
// the token balance, the underlying shares (an Ondo-style token scaled by its oracle's sValue)
// and the USD value at the price feed, with 8 decimals.
import type { Address, PublicClient } from 'viem';
import { aggregatorAbi, usdcAbi } from '../../devnet/abis.ts';
import type { Deployment } from '../../devnet/types.ts';

export interface ExpectedHolding {
  symbol: string;
  address: string;
  amount: bigint;
  underlying: bigint;
  value: bigint;
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
      const price = await feed(client, t.priceFeed);
      const value = (underlying * price.answer * 10n ** 8n) / 10n ** BigInt(t.decimals + price.decimals);
      return { symbol: t.symbol, address: t.address, amount, underlying, value };
    }),
  );
  return all.filter((h) => h.amount > 0n);
}
