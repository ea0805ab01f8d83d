import type { Address, PublicClient } from 'viem';
import type { DevnetToken } from '../types.ts';
import { aggregatorAbi } from '../abis.ts';
import { backedRedemptionFeeBps } from '../catalog.ts';

const E18 = 10n ** 18n;
/** quantity (18 decimals) x price (18 decimals) / this = USDC (6 decimals). */
const usdcScale = 10n ** 30n;

/** Smallest trade the issuers accept: $10 of value, in USDC units. */
export const minimumTradeUsdc = 10_000_000n;
/** The deposit (Backed-style) issuer's redemption fee on the value, rounded up. */
export function depositRedemptionFee(value: bigint): bigint {
  return (value * backedRedemptionFeeBps + 9_999n) / 10_000n;
}

async function feedAnswer(client: PublicClient, feed: string): Promise<bigint> {
  const [, answer] = await client.readContract({
    address: feed as Address,
    abi: aggregatorAbi,
    functionName: 'latestRoundData',
  });
  return answer;
}

/**
 * USD per whole token, 18 decimals: the underlying share price from the token's feed, times the
 * share multiplier where the token keeps it in an oracle (Ondo style). Balances of multiplier and
 * rebasing tokens already count shares, so their token price is the share price.
 */
export async function tokenPrice(client: PublicClient, token: DevnetToken): Promise<bigint> {
  if (!token.priceFeed) throw new Error(`devnet: ${token.symbol} has no price feed, so no devnet issuer quotes it`);
  const sharePrice = (await feedAnswer(client, token.priceFeed)) * 10n ** 10n;
  if (!token.multiplierOracle) return sharePrice;
  return (sharePrice * (await feedAnswer(client, token.multiplierOracle))) / E18;
}

export function usdcForTokens(quantity: bigint, price: bigint, roundUp: boolean): bigint {
  const product = quantity * price;
  return roundUp ? (product + usdcScale - 1n) / usdcScale : product / usdcScale;
}

export function tokensForUsdc(amount: bigint, price: bigint): bigint {
  return (amount * usdcScale) / price;
}
