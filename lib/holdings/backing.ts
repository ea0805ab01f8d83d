/**
 * Backing over the token's family: a proof-of-reserve feed reports the whole issue, and an
 * xStock (or an Ondo GM token) is one issue on several chains, so its reserves are measured
 * against the supply summed over every chain the registry lists it on. Each chain's supply is
 * read in that chain's own portfolio batch (its snapshot's `supplies`); a chain that is turned
 * off, unknown to the wallet, not read yet or failing is named, never counted as zero.
 */
import type { Network } from '../chains';
import {
  type ChainSupply,
  computeBackingRatio,
  DEFAULT_HEARTBEAT_SECONDS,
  type FamilySupply,
  familySupply,
  feedFreshness,
  type MissingSupplyReason,
  type PortfolioReadings,
  type PortfolioSnapshot,
} from '../portfolio';
import type { Registry, Token } from '../registry';
import type { FactView } from './detail';

/** Which chains of a family are summed and which are missing, with the networks' names, as the views show it. */
export interface BackingCoverage {
  scope: FamilySupply['scope'];
  /** The chains summed, the token's own first, each with its supply in the token's decimals. */
  chains: { chainId: number; name: string; supply: string }[];
  missing: { chainId: number; name: string; reason: MissingSupplyReason }[];
}

/** What the wallet knows of the chains a family may be on. */
export interface SupplySources {
  /** The networks the wallet knows (built in or added). */
  networks: readonly Network[];
  /** Chain ids the portfolio reads (the active one and every enabled one with something to read). */
  read: ReadonlySet<number>;
  /** That chain's cached snapshot, if any. */
  snapshot(chainId: number): PortfolioSnapshot | undefined;
}

/** The lower-case addresses on `chainId` whose supply a reserve feed of the same token on another chain needs. */
export function supplyNeededOn(registry: Registry | undefined, tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  if (!registry) return out;
  for (const token of tokens) {
    if (token.feeds?.reserve) continue;
    if (registry.family(token).some((t) => t.chainId !== token.chainId && t.feeds?.reserve)) out.add(token.address.toLowerCase());
  }
  return out;
}

/** Remembers supplyNeededOn per registry and token list, so a chain's batch (keyed by that Set) is reused. */
export function createSupplyNeeded() {
  const known = new WeakMap<readonly Token[], { registry: Registry | undefined; set: Set<string> }>();
  return (registry: Registry | undefined, tokens: readonly Token[]): Set<string> => {
    const entry = known.get(tokens);
    if (entry && entry.registry === registry) return entry.set;
    const set = supplyNeededOn(registry, tokens);
    known.set(tokens, { registry, set });
    return set;
  };
}

/** The supply of the token on every other chain of its family, from those chains' snapshots, or why it is missing. */
export function otherChainSupplies(registry: Registry | undefined, token: Token, sources: SupplySources | undefined): ChainSupply[] {
  const family = registry?.family(token) ?? [];
  return family
    .filter((t) => t.chainId !== token.chainId)
    .map((t): ChainSupply => {
      const { chainId } = t;
      if (!sources) return { chainId, missing: 'not-read' };
      if (!sources.networks.some((n) => n.chainId === chainId)) return { chainId, missing: 'unknown-network' };
      if (!sources.read.has(chainId)) return { chainId, missing: 'disabled' };
      const snapshot = sources.snapshot(chainId);
      if (!snapshot || snapshot.chainId !== chainId) return { chainId, missing: 'not-read' };
      if (snapshot.status === 'failed' || snapshot.notice) return { chainId, missing: 'failed' };
      const supply = snapshot.supplies?.[t.address.toLowerCase()];
      if (supply === undefined) return { chainId, missing: 'not-read' };
      if (supply === null) return { chainId, missing: 'failed' };
      return { chainId, supply: BigInt(supply), decimals: t.decimals };
    });
}

/** The network's name, or "chain N" for one the wallet does not know. */
export const chainName = (networks: readonly Network[], chainId: number) => networks.find((n) => n.chainId === chainId)?.name ?? `chain ${chainId}`;

export function coverageView(summed: FamilySupply, networks: readonly Network[]): BackingCoverage {
  return {
    scope: summed.scope,
    chains: summed.chains.map((c) => ({ chainId: c.chainId, name: chainName(networks, c.chainId), supply: c.supply.toString() })),
    missing: summed.missing.map((m) => ({ chainId: m.chainId, name: chainName(networks, m.chainId), reason: m.reason })),
  };
}

/** The token's supply on its own chain plus the other chains of its family, with which chains count. */
export function familySupplyOf(
  registry: Registry | undefined,
  token: Token,
  ownSupply: bigint,
  sources: SupplySources | undefined,
): { summed: FamilySupply; coverage: BackingCoverage } {
  const summed = familySupply({ chainId: token.chainId, supply: ownSupply, decimals: token.decimals }, otherChainSupplies(registry, token, sources));
  return { summed, coverage: coverageView(summed, sources?.networks ?? []) };
}

export type BackingView =
  | { status: 'not-verifiable'; reason: string }
  | { status: 'unavailable'; reason: string }
  | {
      status: 'backed' | 'under-backed';
      /** Reserves over supply, basis points (10000 = 100%). */
      ratioBps: string;
      reserves: string;
      reservesDecimals: number;
      /** The supply the reserves are measured against: summed over the chains in `coverage.chains`. */
      supply: string;
      supplyDecimals: number;
      /** Which chains of the token's family that supply sums, and which could not be read (the ratio then overstates the backing). */
      coverage: BackingCoverage;
      /** Epoch seconds of the reserve report. */
      updatedAt: number;
      fresh: boolean;
      ageSeconds: number;
      heartbeatSeconds: number;
      source: FactView;
    };

/** Reserves against the family's supply, how fresh the report is, or why it cannot be said. */
export function backingView(
  token: Token,
  /** The issuer's proof-of-reserve fact, as the detail shows it. */
  source: FactView,
  readings: PortfolioReadings | null,
  nowMs: number,
  registry: Registry | undefined,
  sources: SupplySources | undefined,
): BackingView {
  const feed = token.feeds?.reserve;
  if (!feed) return { status: 'not-verifiable', reason: 'No proof-of-reserve feed is on record for this token.' };
  const reserve = readings?.feeds.get(feed.address.toLowerCase());
  const supply = readings?.totalSupply.get(0);
  if (!reserve || supply == null) return { status: 'unavailable', reason: 'The reserve feed or the token supply could not be read.' };
  const { summed, coverage } = familySupplyOf(registry, token, supply, sources);
  const ratio = computeBackingRatio(reserve.answer, reserve.decimals, summed.supply, summed.decimals);
  if (ratio === null) return { status: 'unavailable', reason: 'The token has no supply to compare reserves with.' };
  const heartbeatSeconds = feed.heartbeat ?? DEFAULT_HEARTBEAT_SECONDS;
  const { fresh, ageSeconds } = feedFreshness(reserve.updatedAt, heartbeatSeconds, nowMs);
  return {
    status: ratio < 10_000n ? 'under-backed' : 'backed',
    ratioBps: ratio.toString(),
    reserves: reserve.answer.toString(),
    reservesDecimals: reserve.decimals,
    supply: summed.supply.toString(),
    supplyDecimals: summed.decimals,
    coverage,
    updatedAt: reserve.updatedAt,
    fresh,
    ageSeconds,
    heartbeatSeconds,
    source,
  };
}
