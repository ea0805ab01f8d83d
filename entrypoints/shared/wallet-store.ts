// The store every wallet page uses: a port to the background plus a localStorage cache
// (non-secret UiState only) so the popup paints before the background answers.
import { createWalletClient, createWalletStore } from '@/lib/ui-state';
import { UNLOCKED_FLAG } from '@/lib/state/flags';

const CACHE_KEY = 'sharekeep.ui-state';

export function openWalletStore() {
  const client = createWalletClient(() => browser.runtime.connect({ name: 'sharekeep:ui' }));
  const store = createWalletStore(
    client,
    {
      read: () => localStorage.getItem(CACHE_KEY),
      write: (value) => (value === null ? localStorage.removeItem(CACHE_KEY) : localStorage.setItem(CACHE_KEY, value)),
    },
    async () => (await browser.storage.session.get(UNLOCKED_FLAG))[UNLOCKED_FLAG] === true,
  );
  store
    .getState()
    .refresh()
    .catch(() => undefined);
  return store;
}
