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

/** Why the supply of a chain the token is listed on is not in the sum. */
export type MissingSupplyReason = 'disabled' | 'unknown-network' | 'not-read' | 'failed';

/** The supply of the token on one chain of its family, in that deployment's decimals; or why it is not known. */
export type ChainSupply = { chainId: number; supply: bigint; decimals: number } | { chainId: number; missing: MissingSupplyReason };

export interface FamilySupply {
  /** The supply summed over the chains read, in `decimals`. */
  supply: bigint;
  decimals: number;
  /** all-chains: every chain the registry lists the token on; some-chains: not all of them; this-chain-only: no other chain. */
  scope: 'all-chains' | 'some-chains' | 'this-chain-only';
  /** The chains summed, with each one's supply (in `decimals`), the token's own chain first. */
  chains: { chainId: number; supply: bigint }[];
  /** The chains listed but not summed, and why: a ratio over fewer chains overstates the backing. */
  missing: { chainId: number; reason: MissingSupplyReason }[];
}

const scaleTo = (amount: bigint, from: number, to: number) => (to >= from ? amount * 10n ** BigInt(to - from) : amount / 10n ** BigInt(from - to));

/**
 * The supply a reserve feed reporting the whole issue is measured against: the token's own
 * chain's supply plus every other chain of its family, each in the token's decimals. A chain
 * that could not be read is named in `missing`, never summed as zero; with the own chain
 * alone (the others all missing) the scope says "this chain only". A family of one chain is
 * the whole issue.
 */
export function familySupply(own: { chainId: number; supply: bigint; decimals: number }, others: readonly ChainSupply[]): FamilySupply {
  const chains = [{ chainId: own.chainId, supply: own.supply }];
  const missing: FamilySupply['missing'] = [];
  for (const c of others) {
    if (c.chainId === own.chainId) continue;
    if ('missing' in c) missing.push({ chainId: c.chainId, reason: c.missing });
    else chains.push({ chainId: c.chainId, supply: scaleTo(c.supply, c.decimals, own.decimals) });
  }
  const scope = missing.length === 0 ? 'all-chains' : chains.length === 1 ? 'this-chain-only' : 'some-chains';
  return { supply: chains.reduce((s, c) => s + c.supply, 0n), decimals: own.decimals, scope, chains, missing };
}
