import { createKeyManager, type KeyManager, keyringFromMnemonic } from '../../../lib/keyring';
import type { KeyValueStore } from '../../../lib/ports';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { TEST_PHRASE } from './fixtures';

export const PASSWORD = 'correct horse battery';
export const FAST = 1000;

export type MemoryStore = ReturnType<typeof createMemoryStore>;

export function createStores() {
  return { local: createMemoryStore(), session: createMemoryStore() };
}

/** A manager over the given stores, like a (re)started background. 'default' leaves kdfIterations unset. */
export function managerOver(stores: { local: KeyValueStore; session: KeyValueStore }, kdfIterations: number | 'default' = FAST): KeyManager {
  return createKeyManager({ ...stores, clock: createManualClock(), kdfIterations: kdfIterations === 'default' ? undefined : kdfIterations });
}

export async function createdWallet(stores = createStores()) {
  const manager = managerOver(stores);
  await manager.createFromMnemonic(TEST_PHRASE, PASSWORD);
  return { stores, manager };
}

/**
 * A vault as an older Sharekeep wrote it: a bare browser-passworder-style envelope under
 * `vault`, PBKDF2-SHA256 with 10,000 rounds, built here by hand rather than with lib code.
 */
export async function legacyV1Vault(password = PASSWORD): Promise<Record<string, unknown>> {
  const state = (await keyringFromMnemonic(TEST_PHRASE)).state;
  const subtle = globalThis.crypto.subtle;
  const salt = crypto.getRandomValues(new Uint8Array(32));
  const iv = crypto.getRandomValues(new Uint8Array(16));
  const material = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 10_000 },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const data = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(state))));
  const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return { vault: { data: b64(data), iv: b64(iv), salt: b64(salt) } };
}

/** Collects the code of a rejected promise, or 'resolved'. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
}
