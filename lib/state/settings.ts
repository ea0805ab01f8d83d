/**
 * Non-secret preferences in storage.local: the active network, user-set RPC URLs, networks
 * added by dApps or by hand, the jurisdiction, auto-lock, watched tokens.
 */
import { BUILT_IN_NETWORKS, DEFAULT_CHAIN_ID, type Network } from '../chains';
import type { KeyValueStore } from '../ports';

export interface WatchedToken {
  chainId: number;
  address: string;
  symbol: string;
  decimals: number;
  image?: string;
}

export interface Settings {
  activeChainId: number;
  /** ISO 3166-1 alpha-2, chosen at onboarding. */
  jurisdiction?: string;
  autoLockMinutes: number;
  selectedAddress?: string;
  rpcOverrides: Record<string, string>;
  customNetworks: Network[];
  watchedTokens: WatchedToken[];
}

export const DEFAULT_AUTO_LOCK_MINUTES = 15;
const KEY = 'settings';

const defaults = (): Settings => ({
  activeChainId: DEFAULT_CHAIN_ID,
  autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES,
  rpcOverrides: {},
  customNetworks: [],
  watchedTokens: [],
});

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
    cache ??= { ...defaults(), ...initial, ...((await store.get<Partial<Settings>>(KEY)) ?? {}) };
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
