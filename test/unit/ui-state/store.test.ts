import { describe, expect, it } from 'vitest';
import { createWalletStore, UiCallError, type WalletClient } from '../../../lib/ui-state';
import type { UiState } from '../../../lib/ui-contract';

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
  return createWalletStore(client, { cache: { read: () => stored, write: (v) => (stored = v) }, stillUnlocked, clock: Date });
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

describe('the wallet store under the UI contract', () => {
  function recording() {
    const sent: string[] = [];
    const client: WalletClient = {
      call: (async (method: string) => {
        sent.push(method);
        return method === 'state' ? { ...unlockedView, activity: [] } : null;
      }) as WalletClient['call'],
      onStateChanged: () => () => undefined,
    };
    return { sent, store: createWalletStore(client, { clock: Date }) };
  }

  it('refetches the state after a command that changes it, and not after a read', async () => {
    const { sent, store } = recording();
    await store.getState().call('portfolio.get', {});
    await store.getState().call('issuer.status', { id: 'r1' });
    expect(sent).toEqual(['portfolio.get', 'issuer.status']);
    await store.getState().call('lock');
    await store.getState().call('activity.refresh');
    expect(sent).toEqual(['portfolio.get', 'issuer.status', 'lock', 'state', 'activity.refresh', 'state']);
  });

  it('keeps the UI error of a failed command for the page to show', async () => {
    const client: WalletClient = {
      call: (async () => {
        throw new UiCallError({ code: 'settings.bad_auto_lock', message: 'Choose between 0 (never) and 1440 minutes.' });
      }) as WalletClient['call'],
      onStateChanged: () => () => undefined,
    };
    const store = createWalletStore(client, { clock: Date });
    await expect(store.getState().call('settings.setAutoLock', { minutes: 5 })).rejects.toMatchObject({ code: 'settings.bad_auto_lock' });
    expect(store.getState().lastError?.code).toBe('settings.bad_auto_lock');
  });
});
