/**
 * Non-secret preferences in storage.local: the active network, user-set RPC URLs, networks
 * added by dApps or by hand, the jurisdiction, auto-lock, watched tokens, the networks the
 * portfolio leaves out.
 */
import * as v from 'valibot';
import { BUILT_IN_NETWORKS, DEFAULT_CHAIN_ID, type Network } from '../chains';
import { type KeyValueStore, readStored } from '../ports';

export interface WatchedToken {
  chainId: number;
  address: string;
  symbol: string;
  decimals: number;
  image?: string;
}

export interface Settings {
  activeChainId: number;
  /** ISO 3166-1 alpha-2, or a 3166-2 region a rule names (UA-43); chosen at onboarding. A copy: the vault holds the one the guard reads. */
  jurisdiction?: string;
  autoLockMinutes: number;
  selectedAddress?: string;
  rpcOverrides: Record<string, string>;
  customNetworks: Network[];
  watchedTokens: WatchedToken[];
  /** Networks whose holdings the portfolio does not read (the active network is always read). */
  disabledChainIds: number[];
}

export const DEFAULT_AUTO_LOCK_MINUTES = 15;
const KEY = 'settings';

const defaults = (): Settings => ({
  activeChainId: DEFAULT_CHAIN_ID,
  autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
  rpcOverrides: {},
  customNetworks: [],
  watchedTokens: [],
  disabledChainIds: [],
});

const chainId = v.pipe(v.number(), v.safeInteger(), v.minValue(1));
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const NetworkSchema = v.object({
  chainId,
  name: text(64),
  rpcUrl: text(2048),
  nativeCurrency: v.object({ name: text(64), symbol: text(16), decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255)) }),
  blockExplorerUrl: v.optional(text(2048)),
  custom: v.optional(v.boolean()),
});

const WatchedTokenSchema = v.object({
  chainId,
  address: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/)),
  symbol: text(32),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(255)),
  image: v.optional(text(2048)),
});

/** Each stored field with its schema: a field that does not parse falls back to its default alone. */
const FIELDS = {
  activeChainId: chainId,
  jurisdiction: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/))),
  autoLockMinutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(24 * 60)),
  selectedAddress: v.optional(v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/))),
  rpcOverrides: v.record(v.string(), text(2048)),
  customNetworks: v.array(NetworkSchema),
  watchedTokens: v.array(WatchedTokenSchema),
  disabledChainIds: v.array(chainId),
} satisfies { [K in keyof Settings]-?: v.GenericSchema<unknown, Settings[K]> };

const StoredSettings = v.partial(v.object(FIELDS));

/** The fields of a stored value that parse, one by one. */
function salvageSettings(raw: unknown): Partial<Settings> {
  if (typeof raw !== 'object' || raw === null) return {};
  const kept: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(FIELDS)) {
    const value = (raw as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const parsed = v.safeParse(schema as v.GenericSchema, value);
    if (parsed.success) kept[field] = parsed.output;
  }
  return kept as Partial<Settings>;
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /** The settings already loaded (undefined before the first get), for synchronous lookups. */
  loaded(): Settings | undefined;
  update(patch: Partial<Settings> | ((s: Settings) => Partial<Settings>)): Promise<Settings>;
  networks(): Promise<Network[]>;
  network(chainId: number): Promise<Network | undefined>;
  activeNetwork(): Promise<Network>;
}

/** Built-in networks with the user's RPC URLs, then custom ones. */
export function effectiveNetworks(settings: Settings): Network[] {
  const builtIn = BUILT_IN_NETWORKS.map((n) => ({ ...n, rpcUrl: settings.rpcOverrides[n.chainId] ?? n.rpcUrl }));
  const custom = settings.customNetworks.filter((c) => !builtIn.some((b) => b.chainId === c.chainId));
  return [...builtIn, ...custom];
}

export function createSettingsStore(store: KeyValueStore, initial: Partial<Settings> = {}): SettingsStore {
  let cache: Settings | undefined;
  const get = async () => {
    cache ??= {
      ...defaults(),
      ...initial,
      ...(await readStored(store, KEY, { schema: StoredSettings, fallback: () => ({}), salvage: salvageSettings })),
    };
    return cache;
  };
  const self: SettingsStore = {
    get,
    loaded: () => cache,
    async update(patch) {
      const current = await get();
      cache = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
      await store.set({ [KEY]: cache });
      return cache;
    },
    async networks() {
      return effectiveNetworks(await get());
    },
    async network(chainId) {
      return (await self.networks()).find((n) => n.chainId === chainId);
    },
    async activeNetwork() {
      const settings = await get();
      const all = effectiveNetworks(settings);
      return all.find((n) => n.chainId === settings.activeChainId) ?? all[0];
    },
  };
  return self;
}
