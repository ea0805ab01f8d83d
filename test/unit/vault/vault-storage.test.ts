import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../lib/ports/memory';
import { createVaultStorage, deriveVaultKey, encryptWithKey, LEGACY_VAULT_KEY, VAULT_SLOT_KEYS, type VaultEnvelope } from '../../../lib/vault';
import { createFaultyStore, createFullStore, FAULT_MODES, type FaultMode } from './faulty-store';

async function envelopeOf(text: string): Promise<VaultEnvelope> {
  return encryptWithKey(await deriveVaultKey('pw', { iterations: 1000 }), text);
}

/** Which of the two known envelopes a store now yields. */
async function readableAs(store: ReturnType<typeof createMemoryStore>, old: VaultEnvelope, next: VaultEnvelope) {
  const stored = await createVaultStorage(store).read();
  if (stored?.envelope.data === old.data) return 'old';
  if (stored?.envelope.data === next.data) return 'new';
  return 'neither';
}

const OLD = await envelopeOf('old vault');
const NEW = await envelopeOf('new vault');

// A save is at most three writes: new slot, copy into the other slot, legacy removal.
const interruptions = [1, 2, 3, 4].flatMap((failAt) => FAULT_MODES.map((mode) => [failAt, mode] as [number, FaultMode]));

describe('crash-safe vault storage', () => {
  const startingPoints = [
    ['both slots current', undefined],
    ['slot a damaged', VAULT_SLOT_KEYS[0]],
    ['slot b damaged', VAULT_SLOT_KEYS[1]],
  ] as const;
  const slotCases = startingPoints.flatMap(([label, damaged]) => interruptions.map(([failAt, mode]) => [label, failAt, mode, damaged] as const));

  it.each(slotCases)('a save over slots (%s) interrupted at write %i (%s) leaves the old or the new vault', async (_label, failAt, mode, damaged) => {
    const store = createMemoryStore();
    await createVaultStorage(store).write(OLD, ['old index']);
    if (damaged) await store.set({ [damaged]: 'torn by an earlier crash' });
    await createVaultStorage(createFaultyStore(store, failAt, mode))
      .write(NEW, ['new index'])
      .catch(() => undefined);
    expect(await readableAs(store, OLD, NEW)).not.toBe('neither');
  });

  it.each(interruptions)('the first save over a legacy vault interrupted at write %i (%s) leaves the old or the new vault', async (failAt, mode) => {
    const store = createMemoryStore({ [LEGACY_VAULT_KEY]: { data: OLD.data, iv: OLD.cipher.iv, salt: OLD.kdf.salt } });
    await createVaultStorage(createFaultyStore(store, failAt, mode))
      .write(NEW, [])
      .catch(() => undefined);
    expect(await readableAs(store, OLD, NEW)).not.toBe('neither');
  });

  it('keeps the public index with the vault it belongs to', async () => {
    const store = createMemoryStore();
    await createVaultStorage(store).write(NEW, [{ address: '0x1' }]);
    expect((await createVaultStorage(store).read())?.publicIndex).toEqual([{ address: '0x1' }]);
  });

  it('retires the legacy key once a slot holds the vault', async () => {
    const store = createMemoryStore({ [LEGACY_VAULT_KEY]: { data: OLD.data, iv: OLD.cipher.iv, salt: OLD.kdf.salt } });
    await createVaultStorage(store).write(NEW, []);
    expect(store.dump()).not.toHaveProperty(LEGACY_VAULT_KEY);
    expect(await readableAs(store, OLD, NEW)).toBe('new');
  });

  it('leaves no copy of the previous vault behind after a completed save', async () => {
    const store = createMemoryStore();
    await createVaultStorage(store).write(OLD, []);
    await createVaultStorage(store).write(NEW, []);
    expect(JSON.stringify(store.dump())).not.toContain(OLD.data);
  });

  it('turns a quota error into vault.storage_failed and keeps the old vault', async () => {
    const store = createMemoryStore();
    await createVaultStorage(store).write(OLD, []);
    await expect(createVaultStorage(createFullStore(store)).write(NEW, [])).rejects.toMatchObject({ code: 'vault.storage_failed' });
    expect(await readableAs(store, OLD, NEW)).toBe('old');
  });

  it('refuses a save based on a generation someone else has moved past', async () => {
    const store = createMemoryStore();
    const first = await createVaultStorage(store).write(OLD, []);
    await createVaultStorage(store).write(OLD, []);
    await expect(createVaultStorage(store).write(NEW, [], { expectedGeneration: first })).rejects.toMatchObject({ code: 'vault.conflict' });
    expect(await readableAs(store, OLD, NEW)).toBe('old');
  });

  it.each([
    ['both slots hold garbage', { [VAULT_SLOT_KEYS[0]]: 'garbage', [VAULT_SLOT_KEYS[1]]: { generation: 1 } }],
    ['a legacy vault is truncated', { [LEGACY_VAULT_KEY]: '{"data":"AAA' }],
  ])('reports vault.corrupt when %s, and still says a vault exists', async (_label, contents) => {
    const store = createMemoryStore(contents);
    await expect(createVaultStorage(store).read()).rejects.toMatchObject({ code: 'vault.corrupt' });
    expect(await createVaultStorage(store).exists()).toBe(true);
    expect(store.dump()).toEqual(contents);
  });

  it('reads the intact slot when the other was damaged', async () => {
    const store = createMemoryStore();
    await createVaultStorage(store).write(NEW, []);
    await store.set({ [VAULT_SLOT_KEYS[0]]: 'damaged' });
    expect(await readableAs(store, OLD, NEW)).toBe('new');
  });

  it('refuses a vault from a future version without touching it', async () => {
    const store = createMemoryStore();
    await createVaultStorage(store).write({ ...NEW, version: 3 } as unknown as VaultEnvelope, []);
    const before = store.dump();
    await expect(createVaultStorage(store).read()).rejects.toMatchObject({ code: 'vault.unsupported_version' });
    expect(store.dump()).toEqual(before);
  });

  it('reports an empty store as no vault', async () => {
    const store = createMemoryStore();
    expect(await createVaultStorage(store).read()).toBeUndefined();
    expect(await createVaultStorage(store).exists()).toBe(false);
  });
});
