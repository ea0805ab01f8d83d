/**
 * Each chain's last portfolio snapshot, kept in storage.local (one key per chain) so the popup
 * paints at once, and in memory so storage is read (and schema-checked) once per worker start.
 */
import { type Address, getAddress, isAddress } from 'viem';
import { type PortfolioSnapshot, parsePortfolioSnapshot } from '../portfolio';
import type { Clock, KeyValueStore } from '../ports';
import type { Token } from '../registry';

export const PORTFOLIO_CACHE_PREFIX = 'portfolio.snapshot.';

export interface CacheEntry {
  /** Which accounts and tokens the snapshot covers. */
  coverage: string;
  snapshot: PortfolioSnapshot;
}

/** FNV-1a over the covered addresses: a short key that changes when an account or token is added. */
export function coverageOf(accounts: readonly string[], tokens: readonly Token[]): string {
  let hash = 0x811c9dc5;
  const text = [...accounts, '|', ...tokens.map((t) => t.address)].join(',').toLowerCase();
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${accounts.length}:${tokens.length}:${hash.toString(16)}`;
}

const cacheKey = (chainId: number) => `${PORTFOLIO_CACHE_PREFIX}${chainId}`;

/** A chain's snapshot as storage.local holds it, schema-checked; undefined when there is none. */
export async function storedSnapshot(local: KeyValueStore, chainId: number): Promise<CacheEntry | undefined> {
  const entry = await local.get<{ coverage?: unknown; snapshot?: unknown }>(cacheKey(chainId));
  const snapshot = parsePortfolioSnapshot(entry?.snapshot);
  return snapshot && typeof entry?.coverage === 'string' ? { coverage: entry.coverage, snapshot } : undefined;
}

/** What a recent snapshot says of one account's balances on its chain. */
export interface RecentBalances {
  /** Checksummed token -> balance, for the tokens the account holds. */
  held: Map<Address, bigint>;
  /** Tokens whose balances that refresh could not read. */
  unread: Set<Address>;
  /** Whether the snapshot's refresh read this token's balance (it lists it, or it read the same tokens as `tokens`). */
  covers(token: Address): boolean;
}

/**
 * The balances of `account` in the chain's cached snapshot when it describes the chain now: read
 * within `windowMs`, every read answered or partly (not a failed refresh, not last-good data
 * carried over), at a known block, and listing the account. Tokens registered or watched since that
 * refresh are not covered by it; undefined when the snapshot is not current.
 */
export async function recentBalances(
  local: KeyValueStore,
  params: { chainId: number; account: string; nowMs: number; windowMs: number; tokens: readonly Token[] },
): Promise<RecentBalances | undefined> {
  const entry = await storedSnapshot(local, params.chainId);
  const s = entry?.snapshot;
  if (!entry || !s || s.status === 'failed' || s.notice || s.blockNumber === null) return undefined;
  const age = params.nowMs - s.fetchedAt;
  if (age < 0 || age >= params.windowMs) return undefined;
  const mine = s.accounts.find((a) => a.address.toLowerCase() === params.account.toLowerCase());
  if (!mine) return undefined;
  const held = new Map<Address, bigint>();
  const carried = new Set<Address>();
  for (const h of mine.holdings) {
    if (!isAddress(h.token.address, { strict: false })) continue;
    if (h.fromLastGood?.fields.includes('balance')) carried.add(getAddress(h.token.address));
    else held.set(getAddress(h.token.address), BigInt(h.amount));
  }
  const unread = new Set<Address>();
  for (const e of s.errors)
    if (e.code === 'portfolio.balance_unavailable' && e.token && isAddress(e.token, { strict: false })) unread.add(getAddress(e.token));
  // The refresh read exactly `tokens` when its coverage (their hash) matches; otherwise only what it lists as held is vouched for.
  const sameTokens =
    entry.coverage ===
    coverageOf(
      s.accounts.map((a) => a.address),
      params.tokens,
    );
  const covers = (raw: Address) => {
    const token = getAddress(raw);
    return !carried.has(token) && (sameTokens || held.has(token) || unread.has(token));
  };
  return { held, unread, covers };
}

export function createSnapshotCache(local: KeyValueStore, clock: Clock) {
  const remembered = new Map<number, CacheEntry>();
  const unsaved = new Set<number>();
  return {
    async readCache(chainId: number): Promise<CacheEntry | undefined> {
      const known = remembered.get(chainId);
      if (known) return known;
      const parsed = await storedSnapshot(local, chainId);
      if (parsed) remembered.set(chainId, parsed);
      return parsed;
    },
    /** Remembers at once; storage (for the next worker start) is written by saveCache. */
    writeCache(chainId: number, entry: CacheEntry): void {
      remembered.set(chainId, entry);
      unsaved.add(chainId);
    },
    /**
     * Writes what writeCache remembered since, in one storage write, once the caller's answer has
     * gone out: serialising large snapshots is synchronous work that must not hold up the chains
     * still being read, nor the answer.
     */
    saveCache(): void {
      if (unsaved.size === 0) return;
      void clock.sleep(0).then(() => {
        const entries = Object.fromEntries(
          [...unsaved].flatMap((chainId) => {
            const entry = remembered.get(chainId);
            return entry ? [[cacheKey(chainId), entry]] : [];
          }),
        );
        unsaved.clear();
        return local.set(entries).catch(() => undefined);
      });
    },
  };
}
