/**
 * The zustand store the wallet pages read. It mirrors the background's UiState (never owns
 * it), refetches when the background says it changed, and keeps a copy in a synchronous
 * cache so the popup paints at once on the next open, before the background answers.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Clock } from '../ports';
import { UI_COMMANDS, type UiState } from '../ui-contract';
import { type UiCall, UiCallError, type WalletClient } from './client';

export interface SyncCache {
  read(): string | null;
  write(value: string | null): void;
}

export interface WalletStoreState {
  /** Undefined until the cache or the background has answered. */
  state?: UiState;
  /** True while `state` comes from the cache and the background has not confirmed it. */
  fromCache: boolean;
  lastError?: UiCallError;
  call: UiCall;
  refresh(): Promise<void>;
}

const CACHE_VERSION = 1;

function readCache(cache: SyncCache | undefined): UiState | undefined {
  try {
    const parsed = JSON.parse(cache?.read() ?? 'null') as { v: number; state: UiState } | null;
    return parsed?.v === CACHE_VERSION ? parsed.state : undefined;
  } catch {
    return undefined;
  }
}

const lockedView = (state: UiState): UiState => ({
  ...state,
  unlocked: false,
  activity: [],
  activityLabels: {},
  incoming: [],
  incomingNotice: undefined,
  contacts: {},
  settingChanges: [],
  pendingApprovals: [],
});

export interface WalletStoreOptions {
  /** A synchronous copy of the last state, so the page paints before the background answers. */
  cache?: SyncCache;
  stillUnlocked?: () => Promise<boolean>;
  clock: Pick<Clock, 'now'>;
}

/**
 * `stillUnlocked` answers whether this browser session is the one the cache was written in
 * with the wallet unlocked (the background keeps a non-secret flag in storage.session). Until
 * it answers, a cached unlocked view is not shown, so a locked wallet never flashes its data.
 */
export function createWalletStore(client: WalletClient, { cache, stillUnlocked, clock }: WalletStoreOptions): StoreApi<WalletStoreState> {
  const cached = readCache(cache);
  const fresh = cached?.unlocked === true && (cached.autoLockAt ?? Number.POSITIVE_INFINITY) > clock.now();
  const store = createStore<WalletStoreState>()((set, get) => ({
    state: !cached ? undefined : !fresh ? lockedView(cached) : stillUnlocked ? undefined : cached,
    fromCache: cached !== undefined,
    async call(method, ...params) {
      try {
        const result = await client.call(method, ...params);
        // Commands that change no wallet state need no state refetch after them.
        if (!UI_COMMANDS[method].read) await get().refresh();
        return result;
      } catch (err) {
        const error = err instanceof UiCallError ? err : new UiCallError({ code: 'internal', message: String(err) });
        set({ lastError: error });
        throw error;
      }
    },
    async refresh() {
      const state = await client.call('state');
      set({ state, fromCache: false });
      // A locked wallet's state is cached without what only an unlocked one may show.
      cache?.write(JSON.stringify({ v: CACHE_VERSION, state: state.unlocked ? state : lockedView(state) }));
    },
  }));
  if (cached && fresh && stillUnlocked) {
    stillUnlocked().then(
      (unlocked) => {
        if (store.getState().fromCache) store.setState({ state: unlocked ? cached : lockedView(cached) });
      },
      () => undefined,
    );
  }
  client.onStateChanged(() => {
    store
      .getState()
      .refresh()
      .catch(() => undefined);
  });
  return store;
}
