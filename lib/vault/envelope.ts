import * as v from 'valibot';
import { WalletError } from '../errors';

/**
 * The encrypted vault's on-disk shapes. Version 2 is written today; version 1 (the
 * browser-passworder-style `{data, iv, salt, keyMetadata?}`, 10,000 PBKDF2 rounds when
 * no metadata says otherwise) is read and upgraded. Anything newer is refused untouched.
 */

export const CURRENT_VAULT_VERSION = 2;
export const DEFAULT_KDF_ITERATIONS = 600_000;
export const LEGACY_V1_ITERATIONS = 10_000;

const base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const iterations = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100_000_000));

export const KdfParamsSchema = v.object({
  name: v.literal('PBKDF2'),
  hash: v.literal('SHA-256'),
  iterations,
  salt: base64,
});
export type KdfParams = v.InferOutput<typeof KdfParamsSchema>;

export const VaultEnvelopeV2Schema = v.object({
  version: v.literal(2),
  kdf: KdfParamsSchema,
  cipher: v.object({ name: v.literal('AES-GCM'), iv: base64 }),
  data: base64,
});
export type VaultEnvelope = v.InferOutput<typeof VaultEnvelopeV2Schema>;

const VaultEnvelopeV1Schema = v.object({
  data: base64,
  iv: base64,
  salt: base64,
  keyMetadata: v.optional(v.object({ algorithm: v.literal('PBKDF2'), params: v.object({ iterations }) })),
});

/** Any readable envelope, brought to one shape; `version` says where it came from. */
export interface ParsedEnvelope {
  version: 1 | 2;
  kdf: KdfParams;
  iv: string;
  data: string;
}

/** Parses stored vault data of any known version, or throws a coded WalletError. */
export function parseEnvelope(raw: unknown): ParsedEnvelope {
  const version = typeof raw === 'object' && raw !== null && 'version' in raw ? (raw as { version: unknown }).version : 1;
  if (typeof version === 'number' && version > CURRENT_VAULT_VERSION) {
    throw new WalletError(
      'vault.unsupported_version',
      `This vault was written by a newer version of Sharekeep (format ${version}). Update the extension to open it; the vault was left untouched.`,
    );
  }
  if (version === 2) {
    const parsed = v.safeParse(VaultEnvelopeV2Schema, raw);
    if (parsed.success) return { version: 2, kdf: parsed.output.kdf, iv: parsed.output.cipher.iv, data: parsed.output.data };
  } else if (version === 1) {
    const parsed = v.safeParse(VaultEnvelopeV1Schema, raw);
    if (parsed.success) {
      const { data, iv, salt, keyMetadata } = parsed.output;
      const kdf: KdfParams = { name: 'PBKDF2', hash: 'SHA-256', iterations: keyMetadata?.params.iterations ?? LEGACY_V1_ITERATIONS, salt };
      return { version: 1, kdf, iv, data };
    }
  }
  throw corruptVault();
}

export function corruptVault(cause?: unknown): WalletError {
  return new WalletError(
    'vault.corrupt',
    'The stored vault is damaged and cannot be read. It was left as it is; you can restore the wallet from its secret phrase.',
    { cause },
  );
}
