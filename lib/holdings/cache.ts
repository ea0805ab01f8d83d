/**
 * Each chain's last portfolio snapshot, kept in storage.local (one key per chain) so the popup
 * paints at once, and in memory so storage is read (and schema-checked) once per worker start.
 */
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

export function createSnapshotCache(local: KeyValueStore, clock: Clock) {
  const cacheKey = (chainId: number) => `${PORTFOLIO_CACHE_PREFIX}${chainId}`;
  const remembered = new Map<number, CacheEntry>();
  return {
    async readCache(chainId: number): Promise<CacheEntry | undefined> {
      const known = remembered.get(chainId);
      if (known) return known;
      const entry = await local.get<{ coverage?: unknown; snapshot?: unknown }>(cacheKey(chainId));
      const snapshot = parsePortfolioSnapshot(entry?.snapshot);
      const parsed = snapshot && typeof entry?.coverage === 'string' ? { coverage: entry.coverage, snapshot } : undefined;
      if (parsed) remembered.set(chainId, parsed);
      return parsed;
    },
    /** Remembers at once; the storage write (for the next worker start) does not hold up the answer. */
    writeCache(chainId: number, entry: CacheEntry): void {
      remembered.set(chainId, entry);
      // Serialising a large snapshot is synchronous work: do it after the answer has gone out.
      void clock.sleep(0).then(() => local.set({ [cacheKey(chainId)]: entry }).catch(() => undefined));
    },
  };
}
