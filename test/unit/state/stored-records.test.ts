// Stored records read through their schemas: a corrupt or tampered value never crashes the
// wallet and never passes as valid; what parses is kept and the original is set aside.
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { createPermissionStore } from '../../../lib/permissions';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { createNonceManager } from '../../../lib/signing/nonces';
import { createActivityLog, createSettingsStore } from '../../../lib/state';
import { ACCOUNT_0, connect, createTestWallet, SITE } from '../wallet/harness';

const HASH = `0x${'ab'.repeat(32)}`;
const entry = { hash: HASH, chainId: 1, from: ACCOUNT_0, origin: SITE, summary: 'Send 1 ETH', status: 'pending', createdAt: 1, nonce: 0 };

describe('settings read from storage', () => {
  it('keeps the fields that parse and resets the others to their defaults', async () => {
    const local = createMemoryStore();
    const stored = { activeChainId: 'mainnet', jurisdiction: 'US', autoLockMinutes: 5, watchedTokens: 'oops', rpcOverrides: { 1: 42 } };
    await local.set({ settings: stored });
    const settings = await createSettingsStore(local).get();
    expect(settings).toMatchObject({ activeChainId: 1, jurisdiction: 'US', autoLockMinutes: 5, watchedTokens: [], rpcOverrides: {} });
    expect(local.dump()['settings.corrupt']).toEqual(stored);
    expect(local.dump().settings).toEqual({ jurisdiction: 'US', autoLockMinutes: 5 });
  });

  it('a jurisdiction that is not a country code is not taken as one', async () => {
    const local = createMemoryStore();
    await local.set({ settings: { jurisdiction: 'us; DROP' } });
    expect((await createSettingsStore(local).get()).jurisdiction).toBeUndefined();
  });

  it('a value that is not settings at all leaves the defaults and a usable wallet', async () => {
    const seed = await createTestWallet();
    await seed.local.set({ settings: 'garbage', activity: { not: 'a list' }, 'permissions.sites': [1, 2], 'nonces.used': 7 });
    const t = await createTestWallet({ stores: { local: seed.local, session: seed.session } });
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    const state = (await ui.handle('state', {})) as { activeChainId: number; connectedSites: unknown[]; activity: unknown[] };
    expect(state).toMatchObject({ activeChainId: 31337, connectedSites: [] });
    expect(seed.local.dump()['settings.corrupt']).toBe('garbage');
  });
});

describe('activity read from storage', () => {
  it('shows the entries that parse, in order, and sets the original aside', async () => {
    const local = createMemoryStore();
    const second = { ...entry, hash: `0x${'cd'.repeat(32)}` };
    const raw = [entry, { ...entry, status: 'stolen' }, { hash: 5 }, second];
    await local.set({ activity: raw });
    const log = createActivityLog(local);
    expect((await log.list()).map((e) => e.hash)).toEqual([HASH, second.hash]);
    expect(local.dump()['activity.corrupt']).toEqual(raw);
    await log.add({ ...entry, hash: `0x${'ef'.repeat(32)}`, status: 'pending' });
    expect(await log.list()).toHaveLength(3);
  });
});

describe('site grants read from storage', () => {
  it('drops a malformed grant, and a grant filed under another origin (tampering)', async () => {
    const local = createMemoryStore();
    await local.set({
      'permissions.sites': {
        [SITE]: { origin: SITE, accounts: [ACCOUNT_0], grantedAt: 1 },
        'https://evil.example': { origin: SITE, accounts: [ACCOUNT_0], grantedAt: 2 },
        'https://broken.example': { origin: 'https://broken.example', accounts: 'all' },
      },
    });
    const grants = createPermissionStore(local);
    expect((await grants.list()).map((g) => g.origin)).toEqual([SITE]);
    expect(await grants.get('https://evil.example')).toBeUndefined();
  });

  it('a site whose stored grant is corrupt sees no account and can connect again', async () => {
    const seed = await createTestWallet();
    await connect(seed);
    await seed.local.set({ 'permissions.sites': { [SITE]: { origin: SITE, accounts: ['me'], grantedAt: 'yesterday' } } });
    const t = await createTestWallet({ stores: { local: seed.local, session: seed.session } });
    await t.wallet.ready();
    expect(await t.request('eth_accounts')).toEqual([]);
  });
});

describe('used nonces read from storage', () => {
  it('a corrupt record leaves the node to decide the next nonce', async () => {
    const local = createMemoryStore();
    await local.set({ 'nonces.used': { [`1:${ACCOUNT_0.toLowerCase()}`]: { nonce: 'nine', hash: HASH } } });
    const node = { pendingCount: async () => 4, knowsTransaction: async () => true };
    const used: number[] = [];
    await createNonceManager(local).withNextNonce(1, ACCOUNT_0, node, async (nonce) => {
      used.push(nonce);
      return HASH as `0x${string}`;
    });
    expect(used).toEqual([4]);
  });
});

describe('the manual clock', () => {
  it('sleeps by moving its time, so lib/ timers run without waiting', async () => {
    const clock = createManualClock(1000);
    await clock.sleep(500);
    expect(clock.now()).toBe(1500);
  });
});
