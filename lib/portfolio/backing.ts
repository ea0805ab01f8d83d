/** Proof of reserves: reserves reported by a feed against the token's supply. */

/**
 * Reserves over supply in basis points (10000 = fully backed), each amount with its own
 * decimals. Null when the supply is zero or the reserves are negative (a broken feed).
 */
export function computeBackingRatio(reserves: bigint, reservesDecimals: number, supply: bigint, supplyDecimals: number): bigint | null {
  if (supply <= 0n || reserves < 0n) return null;
  return (reserves * 10n ** BigInt(supplyDecimals) * 10_000n) / (supply * 10n ** BigInt(reservesDecimals));
}

export interface Freshness {
  fresh: boolean;
  ageSeconds: number;
}

/** Whether a feed answered within its heartbeat. A timestamp in the future counts as age 0. */
export function feedFreshness(updatedAtSeconds: number, heartbeatSeconds: number, nowMs: number): Freshness {
  const ageSeconds = Math.max(0, Math.floor(nowMs / 1000) - updatedAtSeconds);
  return { fresh: ageSeconds <= heartbeatSeconds, ageSeconds };
}
