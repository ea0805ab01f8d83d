import * as v from 'valibot';
import { WalletError } from '../errors';
import { base64ToBytes, bytesToBase64 } from './base64';
import { CURRENT_VAULT_VERSION, corruptVault, type KdfParams, KdfParamsSchema, type ParsedEnvelope, type VaultEnvelope } from './envelope';

/**
 * PBKDF2-SHA256 -> AES-256-GCM through WebCrypto. A VaultKey is the derived AES key plus
 * the KDF parameters it came from, so a save with an unlocked key (no password at hand)
 * writes the same salt and iterations and only draws a fresh IV.
 */

const SALT_BYTES = 16;
const IV_BYTES = 12;
const subtle = () => globalThis.crypto.subtle;

export interface VaultKey {
  readonly cryptoKey: CryptoKey;
  readonly kdf: KdfParams;
}

/** What the background keeps in storage.session: the raw AES key, never the password. */
export const ExportedVaultKeySchema = v.object({ key: v.string(), kdf: KdfParamsSchema });
export type ExportedVaultKey = v.InferOutput<typeof ExportedVaultKeySchema>;

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

/** Derives the AES key from a password; a new random salt unless `salt` is given. */
export async function deriveVaultKey(password: string, options: { iterations: number; salt?: string }): Promise<VaultKey> {
  const salt = options.salt ?? bytesToBase64(randomBytes(SALT_BYTES));
  const material = await subtle().importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
  const cryptoKey = await subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: base64ToBytes(salt), iterations: options.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    true,
    ['encrypt', 'decrypt'],
  );
  return { cryptoKey, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: options.iterations, salt } };
}

export async function exportVaultKey(key: VaultKey): Promise<ExportedVaultKey> {
  const raw = new Uint8Array(await subtle().exportKey('raw', key.cryptoKey));
  return { key: bytesToBase64(raw), kdf: key.kdf };
}

/** Rebuilds a key kept in session storage; returns undefined for anything malformed. */
export async function importVaultKey(exported: unknown): Promise<VaultKey | undefined> {
  const parsed = v.safeParse(ExportedVaultKeySchema, exported);
  if (!parsed.success) return undefined;
  try {
    const raw = base64ToBytes(parsed.output.key);
    if (raw.length !== 32) return undefined;
    const cryptoKey = await subtle().importKey('raw', raw, { name: 'AES-GCM' }, true, ['encrypt', 'decrypt']);
    return { cryptoKey, kdf: parsed.output.kdf };
  } catch {
    return undefined;
  }
}

export async function encryptWithKey(key: VaultKey, plaintext: string): Promise<VaultEnvelope> {
  const iv = randomBytes(IV_BYTES);
  const data = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv }, key.cryptoKey, new TextEncoder().encode(plaintext)));
  return { version: CURRENT_VAULT_VERSION, kdf: key.kdf, cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) }, data: bytesToBase64(data) };
}

/**
 * Decrypts with a key. A key whose KDF parameters differ from the envelope's, or that
 * fails GCM authentication, is the wrong key: 'vault.incorrect_password'.
 */
export async function decryptWithKey(key: VaultKey, envelope: ParsedEnvelope): Promise<string> {
  if (key.kdf.salt !== envelope.kdf.salt || key.kdf.iterations !== envelope.kdf.iterations) throw incorrectPassword();
  let iv: Uint8Array<ArrayBuffer>;
  let data: Uint8Array<ArrayBuffer>;
  try {
    iv = base64ToBytes(envelope.iv);
    data = base64ToBytes(envelope.data);
  } catch (err) {
    throw corruptVault(err);
  }
  try {
    const plain = await subtle().decrypt({ name: 'AES-GCM', iv }, key.cryptoKey, data);
    return new TextDecoder().decode(plain);
  } catch {
    throw incorrectPassword();
  }
}

export interface PasswordDecryption {
  plaintext: string;
  key: VaultKey;
  /** True when the vault was written with an older format or fewer KDF rounds than wanted. */
  outdated: boolean;
}

export async function decryptWithPassword(envelope: ParsedEnvelope, password: string, wantedIterations: number): Promise<PasswordDecryption> {
  let key: VaultKey;
  try {
    key = await deriveVaultKey(password, { iterations: envelope.kdf.iterations, salt: envelope.kdf.salt });
  } catch (err) {
    throw corruptVault(err);
  }
  const plaintext = await decryptWithKey(key, envelope);
  const outdated = envelope.version < CURRENT_VAULT_VERSION || envelope.kdf.iterations < wantedIterations;
  return { plaintext, key, outdated };
}

export function incorrectPassword(): WalletError {
  return new WalletError('vault.incorrect_password', 'Incorrect password. Nothing was changed; try again.');
}
