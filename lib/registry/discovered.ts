/**
 * The tokens the wallet found on chain (discovery.ts), kept in storage.local so they show at once
 * after a restart and each factory's log is read only from where the last scan stopped. One scan
 * per chain at most every `intervalMs`; a scan reads up to the block the caller names (the
 * portfolio's own block), so it costs one eth_getLogs and no block-number request.
 */
import * as v from 'valibot';
import { type Clock, type KeyValueStore, readStored, type StoredRecord, validEntries } from '../ports/index.ts';
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

  return {
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
    const factories = registry.data.issuers.flatMap((issuer) =>
      announcesTokens(issuer.id)
        ? issuer.contracts.filter((c) => c.chainId === chainId && c.role === 'factory').map((c) => ({ issuer: issuer.id, factory: c.address }))
        : [],
    );
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
