// The user's own issuer API credentials (Dinari's key pair and account): saved in the background,
// the pages told only which fields are set, bad values refused with a sentence, nothing half saved.
import { describe, expect, it } from 'vitest';
import { createUiApi } from '../../../lib/commands';
import { apiKindOf, createIssuerCredentialStore } from '../../../lib/issuers';
import { createMemoryStore } from '../../../lib/ports/memory';
import type { Issuer } from '../../../lib/registry';
import { issuer, registryData, token } from '../registry/fixtures';
import { createTestWallet } from '../wallet/harness';

// An issuer that speaks Dinari's API v2 (the registry's `api`), even before its fee-quote signer is sourced.
const dinari: Issuer = { ...issuer({ id: 'dinari', name: 'Dinari', contracts: [] }), api: 'dinari-v2' };
const plain: Issuer = issuer({ id: 'plain', name: 'Plain', contracts: [] });
const KEYS = { apiKeyId: 'key-id-1', apiSecretKey: 's3cr3t-value', accountId: 'acct-42' };

describe('issuer credentials', () => {
  it('belong to issuers whose API takes them (the registry says the issuer speaks Dinari API v2)', () => {
    expect(apiKindOf(dinari)).toBe('dinari-v2');
    expect(apiKindOf(plain)).toBeUndefined();
  });

  it('are listed by which fields are set, never by value, and handed to the issuer API whole', async () => {
    const local = createMemoryStore();
    const store = createIssuerCredentialStore(local);
    const before = await store.list([dinari, plain]);
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ issuerId: 'dinari', kind: 'dinari-v2', needs: expect.stringMatching(/Partners Dashboard.*KYC/) });
    expect(before[0].fields.map((f) => [f.key, f.set])).toEqual([
      ['apiKeyId', false],
      ['apiSecretKey', false],
      ['accountId', false],
    ]);
    expect(await store.get('dinari')).toBeUndefined();

    await store.set(dinari, { ...KEYS, apiKeyId: '  key-id-1 ' });
    const after = await store.list([dinari]);
    expect(after[0].fields.every((f) => f.set)).toBe(true);
    expect(JSON.stringify(after)).not.toContain('s3cr3t');
    expect(await store.get('dinari')).toEqual(KEYS);

    await store.clear('dinari');
    expect(await store.get('dinari')).toBeUndefined();
  });

  it.each([
    ['a missing field', { apiKeyId: 'a', apiSecretKey: 'b' }, /Account ID/],
    ['a space inside a value', { ...KEYS, apiSecretKey: 'two words' }, /API secret key .*without spaces/],
    ['a field the issuer does not take', { ...KEYS, password: 'x' }, /no field named password/],
  ])('refuses %s with a sentence and keeps what was saved', async (_case, values, message) => {
    const store = createIssuerCredentialStore(createMemoryStore());
    await store.set(dinari, KEYS);
    await expect(store.set(dinari, values)).rejects.toMatchObject({ code: 'issuer.bad_credentials', message: expect.stringMatching(message) });
    expect(await store.get('dinari')).toEqual(KEYS);
  });

  it('refuses credentials for an issuer whose API takes none', async () => {
    const store = createIssuerCredentialStore(createMemoryStore());
    await expect(store.set(plain, KEYS)).rejects.toMatchObject({ code: 'issuer.unsupported' });
  });

  it('through the UI commands: saved in storage.local, answered without values, unknown issuers refused', async () => {
    const t = await createTestWallet({ registry: registryData([token({ issuer: 'dinari' })], [dinari]) });
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    const listed = await ui.handle('issuer.setCredentials', { issuerId: 'dinari', values: KEYS });
    expect(JSON.stringify(listed)).not.toContain('s3cr3t');
    expect(listed).toEqual([
      expect.objectContaining({ issuerId: 'dinari', fields: expect.arrayContaining([expect.objectContaining({ set: true })]) }),
    ]);
    expect(JSON.stringify(t.local.dump())).toContain('s3cr3t-value');
    expect(await t.wallet.issuerCredentials.get('dinari')).toEqual(KEYS);
    await expect(ui.handle('issuer.setCredentials', { issuerId: 'nobody', values: KEYS })).rejects.toMatchObject({ code: 'issuer.unsupported' });
    const cleared = (await ui.handle('issuer.clearCredentials', { issuerId: 'dinari' })) as { fields: { set: boolean }[] }[];
    expect(cleared[0].fields.some((f) => f.set)).toBe(false);
    expect(JSON.stringify(t.local.dump())).not.toContain('s3cr3t-value');
  });
});
