// The jurisdiction is sealed in the vault (security issue, item 14): storage.local is writable by
// anything running as the extension, so the copy there is never what the guard reads.
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { createWallet } from '../../../lib/wallet';
import { CHAIN_ID, createFakeFetch, ONDO_KEYS, testRegistry, TOKENS } from '../issuers/fixtures';
import { createFakeNode, PASSWORD, TEST_PHRASE } from '../wallet/harness';

type Stores = { local: ReturnType<typeof createMemoryStore>; session: ReturnType<typeof createMemoryStore> };

/** A wallet over `stores`: a second call over the same stores is the worker after a restart. */
function start(stores: Stores) {
  const http = createFakeFetch();
  const wallet = createWallet({
    ...stores,
    clock: createManualClock(),
    rpc: createFakeNode(CHAIN_ID).transport,
    issuerFetch: http.fetch,
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => testRegistry().data,
    kdfIterations: 1000,
    initialSettings: { activeChainId: CHAIN_ID },
  });
  return { wallet, http, ui: createUiApi(wallet, { schedule: () => undefined }, createManualClock()) };
}

const quoteAmzn = { chainId: CHAIN_ID, token: TOKENS.AMZN, side: 'mint', amount: '1' };

async function onboardedIn(jurisdiction: string) {
  const stores = { local: createMemoryStore(), session: createMemoryStore() };
  const first = start(stores);
  await first.ui.handle('onboarding.create', { secret: TEST_PHRASE, password: PASSWORD, jurisdiction });
  return { stores, first };
}

/** What a content script (or any code running as the extension) could do: rewrite the copy. */
async function tamper(stores: Stores, jurisdiction: string) {
  const settings = stores.local.dump().settings as Record<string, unknown>;
  await stores.local.set({ settings: { ...settings, jurisdiction } });
}

describe('the jurisdiction sealed in the vault', () => {
  it('a rewritten copy in storage.local changes nothing: the guard still refuses, and the copy is put back', async () => {
    const { stores } = await onboardedIn('US');
    await tamper(stores, 'DE');
    const restarted = start(stores);
    await expect(restarted.ui.handle('issuer.quote', quoteAmzn)).rejects.toMatchObject({ code: 'issuer.blocked' });
    expect(restarted.http.calls).toEqual([]);
    expect(await restarted.ui.handle('state', {})).toMatchObject({
      jurisdiction: 'US',
      // Noticed: the activity list says what was undone.
      settingChanges: [
        { kind: 'jurisdiction-restored', from: 'DE', to: 'US' },
        { kind: 'jurisdiction-declared', to: 'US' },
      ],
    });
    expect((stores.local.dump().settings as { jurisdiction: string }).jurisdiction).toBe('US');
  });

  it('changes only with the vault password', async () => {
    const { first } = await onboardedIn('US');
    await expect(first.ui.handle('settings.setJurisdiction', { jurisdiction: 'DE', password: 'not the password' })).rejects.toMatchObject({
      code: 'vault.incorrect_password',
    });
    expect(await first.ui.handle('state', {})).toMatchObject({ jurisdiction: 'US' });
    await first.ui.handle('settings.setJurisdiction', { jurisdiction: 'DE', password: PASSWORD });
    expect(first.wallet.keys.jurisdiction()).toBe('DE');
    expect(await first.ui.handle('state', {})).toMatchObject({
      settingChanges: [{ kind: 'jurisdiction-changed', from: 'US', to: 'DE' }, { kind: 'jurisdiction-declared' }],
    });
    // No longer blocked by the rule: with the user's Ondo key saved, the request goes on to the issuer.
    await first.ui.handle('issuer.setCredentials', { issuerId: 'attest', values: ONDO_KEYS });
    const error = await first.ui.handle('issuer.quote', quoteAmzn).catch((err: { code?: string }) => err);
    expect(error).not.toMatchObject({ code: 'issuer.blocked' });
    expect(first.http.calls.length).toBeGreaterThan(0);
  });

  it('replacing the wallet without its password keeps the country: re-onboarding cannot change it', async () => {
    const { stores } = await onboardedIn('US');
    await start(stores).wallet.keys.lock();
    const again = start(stores);
    const replace = (jurisdiction: string) =>
      again.ui.handle('onboarding.create', { secret: TEST_PHRASE, password: 'another good password', jurisdiction, replaceExisting: true });
    const before = JSON.stringify(stores.local.dump());
    await expect(replace('DE')).rejects.toMatchObject({ code: 'settings.jurisdiction_kept', message: expect.stringContaining('US') });
    expect(JSON.stringify(stores.local.dump())).toBe(before);
    await replace('US');
    expect(again.wallet.keys.jurisdiction()).toBe('US');
    await expect(again.ui.handle('issuer.quote', quoteAmzn)).rejects.toMatchObject({ code: 'issuer.blocked' });
  });

  it('a vault from before vaults held it adopts its copy once; later rewrites are undone', async () => {
    const stores = { local: createMemoryStore(), session: createMemoryStore() };
    const legacy = start(stores);
    await legacy.wallet.keys.createFromMnemonic(TEST_PHRASE, PASSWORD);
    await legacy.wallet.settings.update({ jurisdiction: 'US' });
    expect(legacy.wallet.keys.jurisdiction()).toBeUndefined();
    expect(await legacy.wallet.jurisdiction()).toBe('US');
    expect(legacy.wallet.keys.jurisdiction()).toBe('US');
    await tamper(stores, 'DE');
    const restarted = start(stores);
    expect(await restarted.ui.handle('state', {})).toMatchObject({ jurisdiction: 'US' });
  });

  it('takes a region where a rule names one (ISO 3166-2), sealed like a country', async () => {
    const { first } = await onboardedIn('UA');
    await first.ui.handle('settings.setJurisdiction', { jurisdiction: 'ua-43', password: PASSWORD });
    expect(first.wallet.keys.jurisdiction()).toBe('UA-43');
    expect(await first.ui.handle('state', {})).toMatchObject({ jurisdiction: 'UA-43' });
  });
});
