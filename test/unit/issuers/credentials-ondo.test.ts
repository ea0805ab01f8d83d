import { describe, expect, it } from 'vitest';
import { createIssuerCredentialStore } from '../../../lib/issuers';
import { createMemoryStore } from '../../../lib/ports/memory';
import { testRegistry } from './fixtures';

const attest = testRegistry().issuer('attest');
if (!attest) throw new Error('fixture');
// The fixture's Ondo-style issuer says it speaks Ondo GM's API, as the registry's `api` field marks it; `base` names none.
const ondo = attest;
const { api: _api, ...base } = attest;

describe("Ondo GM's API key", () => {
  it('is the one field an Ondo-style issuer takes, listed unset, then set without its value', async () => {
    const store = createIssuerCredentialStore(createMemoryStore());
    const [before] = await store.list([ondo]);
    expect(before).toMatchObject({ issuerId: 'attest', kind: 'ondo-gm' });
    expect(before?.needs).toMatch(/API key.*KYC.*whitelisted/);
    expect(before?.fields).toEqual([{ key: 'apiKey', label: 'API key', secret: true, set: false }]);
    await store.set(ondo, { apiKey: 'devnet-ondo-key' });
    const after = await store.list([ondo]);
    expect(after[0]?.fields[0]?.set).toBe(true);
    expect(JSON.stringify(after)).not.toContain('devnet-ondo-key');
  });

  it('is not asked of an issuer whose registry entry names no API', async () => {
    const store = createIssuerCredentialStore(createMemoryStore());
    expect(await store.list([base])).toEqual([]);
  });
});
