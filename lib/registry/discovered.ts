/**
 * The tokens the wallet found on chain (discovery.ts), kept in storage.local so they show at once
 * after a restart and each factory's log is read only from where the last scan stopped. One scan
 * per chain at most every `intervalMs`; a scan reads up to the block the caller names (the
 * portfolio's own block), so it costs one eth_getLogs and no block-number request.
 */
import * as v from 'valibot';
import { getAddress } from 'viem';
import { type Clock, type KeyValueStore, readStored, type StoredRecord, validEntries } from '../ports/index.ts';
import { dShareToken } from './dinari.ts';
import { announcesTokens, scanFactoryTokens } from './discovery.ts';
import type { Registry } from './lookup.ts';
import type { RpcRequester } from './rpc.ts';
import { type Token, TokenSchema } from './schema.ts';

export const DISCOVERED_KEY = 'registry.discovered';

/** Per chain: how far each factory's log was read (by lower-case factory address), and what it announced. */
const ChainEntrySchema = v.object({
  scannedTo: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(-1))),
  tokens: v.array(TokenSchema),
});
const StoreSchema = v.record(v.string(), ChainEntrySchema);
type ChainEntry = v.InferOutput<typeof ChainEntrySchema>;
type Store = Record<string, ChainEntry>;

const RECORD: StoredRecord<Store> = { schema: StoreSchema, fallback: () => ({}), salvage: validEntries(ChainEntrySchema) };

export interface DiscoveredTokens {
  /** Every token found on chain so far, of every chain. */
  cached(): Promise<Token[]>;
  /**
   * Reads the factories of `chainId` the registry lists, up to `toBlock`, unless the chain was
   * scanned less than `intervalMs` ago; resolves with the tokens found this time (none on any failure).
   */
  scan(registry: Registry, chainId: number, rpc: RpcRequester, toBlock: number): Promise<Token[]>;
  /**
   * The reads the portfolio batch of `chainId` carries for Dinari: each DShareFactory the registry
   * lists there (getDShares()), and the metadata of the dShares a previous batch listed that the
   * registry does not know. The same object while nothing changed (the encoded batch is reused);
   * undefined when the chain has no such factory.
   */
  dShareReads(registry: Registry, chainId: number): DShareReads | undefined;
  /** Takes what the batch answered; resolves with the dShares found (stored, shown from the next refresh on). */
  noteDShares(registry: Registry, chainId: number, answered: DShareAnswers): Promise<Token[]>;
}

export interface DShareReads {
  dShareFactories: readonly string[];
  probe: readonly string[];
}

export interface DShareAnswers {
  dShares: ReadonlyMap<string, readonly string[] | null>;
  probes: ReadonlyMap<string, { symbol: string | null; name: string | null; decimals: number | null; balancePerShare: bigint | null }>;
  blockNumber: bigint | null;
}

/** The factories of `chainId` that announce tokens by event (xStocks' NewToken), with their issuer. */
function announcingFactories(registry: Registry, chainId: number) {
  return registry.data.issuers.flatMap((issuer) =>
    announcesTokens(issuer.id)
      ? issuer.contracts.filter((c) => c.chainId === chainId && c.role === 'factory').map((c) => ({ issuer: issuer.id, factory: c.address }))
      : [],
  );
}

/** True when the registry lists a factory on `chainId` whose log the scan reads. */
export const hasAnnouncingFactory = (registry: Registry, chainId: number) => announcingFactories(registry, chainId).length > 0;

/**
 * The DShareFactories the registry lists on a chain, by lower-case address, with their issuer: the
 * role-'factory' contracts of the issuers that do not announce tokens by event (Dinari's, and the
 * devnet's Dinari-style issuer). A contract without getDShares() only fails its own read.
 */
function dShareFactoriesOf(registry: Registry, chainId: number): Map<string, string> {
  return new Map(
    registry.data.issuers
      .filter((issuer) => !announcesTokens(issuer.id))
      .flatMap((issuer) =>
        issuer.contracts.filter((c) => c.chainId === chainId && c.role === 'factory').map((c) => [c.address.toLowerCase(), issuer.id] as const),
      ),
  );
}

export function createDiscoveredTokens(deps: { local: KeyValueStore; clock: Clock; intervalMs?: number }): DiscoveredTokens {
  const intervalMs = deps.intervalMs ?? 10 * 60_000;
  const lastScan = new Map<number, number>();
  const read = () => readStored(deps.local, DISCOVERED_KEY, RECORD);
  // Scans of different chains run one after another, so neither overwrites what the other stored.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  // Per chain: listed addresses the registry does not know, still to be probed; addresses that are not dShares.
  const unknownListed = new Map<number, Set<string>>();
  const notDShares = new Set<string>();
  const readsOf = new Map<number, { key: string; reads: DShareReads }>();

  return {
    dShareReads(registry, chainId) {
      const dShareFactories = [...dShareFactoriesOf(registry, chainId).keys()];
      if (dShareFactories.length === 0) return undefined;
      const probe = [...(unknownListed.get(chainId) ?? [])].filter((a) => registry.findToken(chainId, a) === undefined);
      const key = `${dShareFactories.join(',')}|${probe.join(',')}`;
      const known = readsOf.get(chainId);
      if (known?.key === key) return known.reads;
      const reads = { dShareFactories, probe };
      readsOf.set(chainId, { key, reads });
      return reads;
    },

    noteDShares(registry, chainId, answered) {
      const pending = unknownListed.get(chainId) ?? new Set<string>();
      unknownListed.set(chainId, pending);
      const found: Token[] = [];
      for (const [address, probe] of answered.probes) {
        pending.delete(address);
        const { symbol, name, decimals, balancePerShare } = probe;
        // A dShare answers its metadata and balancePerShare(); anything else is left out for good.
        const factories = dShareFactoriesOf(registry, chainId);
        const factory = [...answered.dShares].find(([, listed]) => listed?.some((a) => a.toLowerCase() === address))?.[0] ?? [...factories.keys()][0];
        const token =
          symbol !== null && name !== null && decimals !== null && balancePerShare !== null && factory !== undefined
            ? dShareToken(chainId, address, { symbol, name, decimals }, factories.get(factory))
            : 'no dShare metadata';
        if (typeof token === 'string') {
          notDShares.add(`${chainId}:${address}`);
          continue;
        }
        if (registry.findToken(chainId, token.address) !== undefined) continue;
        found.push({ ...token, discovery: { via: 'issuer-factory', factory: getAddress(factory), blockNumber: Number(answered.blockNumber ?? 0n) } });
      }
      for (const listed of answered.dShares.values()) {
        for (const address of listed ?? []) {
          const key = address.toLowerCase();
          if (registry.findToken(chainId, key) !== undefined || notDShares.has(`${chainId}:${key}`)) continue;
          if (found.some((t) => t.address.toLowerCase() === key) || answered.probes.has(key)) continue;
          pending.add(key);
        }
      }
      if (found.length === 0) return Promise.resolve([]);
      return serial(async () => {
        const store = await read();
        const entry: ChainEntry = store[String(chainId)] ?? { scannedTo: {}, tokens: [] };
        const fresh = found.filter((t) => !entry.tokens.some((k) => k.address.toLowerCase() === t.address.toLowerCase()));
        await deps.local
          .set({ [DISCOVERED_KEY]: { ...store, [chainId]: { scannedTo: entry.scannedTo, tokens: [...entry.tokens, ...fresh] } } })
          .catch(() => undefined);
        return found;
      });
    },

    async cached() {
      return Object.values(await read()).flatMap((entry) => entry.tokens);
    },

    scan(registry, chainId, rpc, toBlock) {
      const last = lastScan.get(chainId);
      if (last !== undefined && deps.clock.now() - last < intervalMs) return Promise.resolve([]);
      lastScan.set(chainId, deps.clock.now());
      return serial(() => scanChain(registry, chainId, rpc, toBlock));
    },
  };

  async function scanChain(registry: Registry, chainId: number, rpc: RpcRequester, toBlock: number): Promise<Token[]> {
    const factories = announcingFactories(registry, chainId);
    if (factories.length === 0) return [];
    const store = await read();
    const entry: ChainEntry = store[String(chainId)] ?? { scannedTo: {}, tokens: [] };
    const found: Token[] = [];
    for (const { issuer, factory } of factories) {
      const key = factory.toLowerCase();
      try {
        const result = await scanFactoryTokens(rpc, {
          chainId,
          factory,
          issuer,
          fromBlock: (entry.scannedTo[key] ?? -1) + 1,
          toBlock,
          known: (address) => registry.findToken(chainId, address) !== undefined || found.some((t) => t.address === address),
        });
        entry.scannedTo[key] = Math.max(entry.scannedTo[key] ?? -1, result.scannedTo);
        found.push(...result.tokens);
      } catch {
        // A node that fails here fails the next scan too, or not: the cursor stays where it was.
      }
    }
    const tokens = [...entry.tokens, ...found];
    await deps.local.set({ [DISCOVERED_KEY]: { ...store, [chainId]: { scannedTo: entry.scannedTo, tokens } } }).catch(() => undefined);
    return found;
  }
}
