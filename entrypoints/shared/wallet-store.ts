// The store every wallet page uses: a port to the background plus a localStorage cache
// (non-secret UiState only) so the popup paints before the background answers.
import { UI_PORT_NAME } from '@/lib/ui-contract';
import { createWalletClient, createWalletStore } from '@/lib/ui-state';
import { UNLOCKED_FLAG } from '@/lib/state/flags';

const CACHE_KEY = 'sharekeep.ui-state';

export function openWalletStore() {
  const client = createWalletClient(() => browser.runtime.connect({ name: UI_PORT_NAME }));
  const store = createWalletStore(client, {
    cache: {
      read: () => localStorage.getItem(CACHE_KEY),
      write: (value) => (value === null ? localStorage.removeItem(CACHE_KEY) : localStorage.setItem(CACHE_KEY, value)),
    },
    stillUnlocked: async () => (await browser.storage.session.get(UNLOCKED_FLAG))[UNLOCKED_FLAG] === true,
    clock: Date,
  });
  store
    .getState()
    .refresh()
    .catch(() => undefined);
  return store;
}
