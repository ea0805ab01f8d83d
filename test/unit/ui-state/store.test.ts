import { describe, expect, it } from 'vitest';
import { createWalletStore, type WalletClient } from '../../../lib/ui-state';
import type { UiState } from '../../../lib/commands';

const unlockedView = {
  initialized: true,
  unlocked: true,
  accounts: [],
  activity: [{ hash: '0x1' }],
  pendingApprovals: [],
  autoLockAt: Date.now() + 60_000,
} as unknown as UiState;

function setup(cachedState: UiState | undefined, stillUnlocked?: () => Promise<boolean>) {
  let stored = cachedState ? JSON.stringify({ v: 1, state: cachedState }) : null;
  // The background never answers in these tests: only what the cache allows is shown.
  const client: WalletClient = { call: () => new Promise(() => undefined), onStateChanged: () => () => undefined };
  return createWalletStore(client, { read: () => stored, write: (v) => (stored = v) }, stillUnlocked);
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the wallet store painting from its cache', () => {
  it('shows the cached unlocked view once this browser session is confirmed unlocked', async () => {
    const store = setup(unlockedView, async () => true);
    expect(store.getState().state).toBeUndefined();
    await settle();
    expect(store.getState().state).toMatchObject({ unlocked: true, activity: [{ hash: '0x1' }] });
  });

  it('shows a locked view with no activity when the session is gone (browser restart)', async () => {
    const store = setup(unlockedView, async () => false);
    await settle();
    expect(store.getState().state).toMatchObject({ unlocked: false, activity: [] });
  });

  it('never shows a cached unlocked view past its auto-lock time', () => {
    const store = setup({ ...unlockedView, autoLockAt: Date.now() - 1 }, async () => true);
    expect(store.getState().state).toMatchObject({ unlocked: false, activity: [] });
  });

  it('starts empty without a cache', () => {
    expect(setup(undefined).getState().state).toBeUndefined();
  });
});
