import * as v from 'valibot';
import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { WalletError } from '../errors';
import { corruptVault } from '../vault';

/**
 * The keyring's state: the plain JSON the vault encrypts. Accounts are listed in display
 * order; each keeps its address so the public index can be rebuilt without deriving keys.
 */

const address = v.pipe(
  v.string(),
  v.check((text) => isAddress(text, { strict: false })),
  v.transform((text) => getAddress(text)),
);
const name = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const privateKey = v.pipe(v.string(), v.regex(/^0x[0-9a-f]{64}$/)) as v.GenericSchema<Hex>;

const HdAccountSchema = v.object({
  kind: v.literal('hd'),
  index: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0x7fffffff)),
  address,
  name,
  hidden: v.boolean(),
});
const ImportedAccountSchema = v.object({ kind: v.literal('imported'), privateKey, address, name, hidden: v.boolean() });
const WatchAccountSchema = v.object({ kind: v.literal('watch'), address, name, hidden: v.boolean() });
/**
 * A Ledger account: the device holds the key; the wallet keeps where it lives (the BIP-44 path)
 * and the address the device gave for it, nothing secret.
 */
export const HardwarePathSchema = v.pipe(
  v.string(),
  v.regex(/^m\/44'\/60'\/(\d{1,9}'\/0\/0|0'\/\d{1,9})$/, "The derivation path must be m/44'/60'/x'/0/0 or m/44'/60'/0'/x."),
);
const HardwareAccountSchema = v.object({ kind: v.literal('hardware'), path: HardwarePathSchema, address, name, hidden: v.boolean() });
const AccountEntrySchema = v.variant('kind', [HdAccountSchema, ImportedAccountSchema, WatchAccountSchema, HardwareAccountSchema]);

export const KeyringStateSchema = v.object({
  version: v.literal(1),
  mnemonic: v.optional(v.string()),
  accounts: v.array(AccountEntrySchema),
  /**
   * The user's declared jurisdiction (ISO 3166-1 alpha-2, or a 3166-2 region), sealed in the
   * vault: only this vault's password changes it, and storage.local cannot.
   */
  jurisdiction: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/))),
});
export type KeyringState = v.InferOutput<typeof KeyringStateSchema>;
export type AccountEntry = KeyringState['accounts'][number];

/** What anyone may see about an account: no secrets. Stored unencrypted as the public index. */
export const PublicAccountSchema = v.object({
  address,
  name,
  kind: v.picklist(['hd', 'imported', 'watch', 'hardware']),
  index: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Where a hardware account's key lives on the device. */
  path: v.optional(HardwarePathSchema),
  hidden: v.boolean(),
});
export type PublicAccount = v.InferOutput<typeof PublicAccountSchema>;
export const PublicIndexSchema = v.array(PublicAccountSchema);

export function toPublicAccount(entry: AccountEntry): PublicAccount {
  const base = { address: entry.address, name: entry.name, kind: entry.kind, hidden: entry.hidden };
  if (entry.kind === 'hd') return { ...base, index: entry.index };
  return entry.kind === 'hardware' ? { ...base, path: entry.path } : base;
}

/** Parses decrypted vault plaintext; anything unexpected is a damaged vault. */
export function parseKeyringState(plaintext: string): KeyringState {
  try {
    const parsed = v.safeParse(KeyringStateSchema, JSON.parse(plaintext));
    if (parsed.success) return parsed.output;
  } catch {
    // fall through: not JSON
  }
  throw corruptVault();
}

export function parseAccountName(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 64) throw new WalletError('keyring.bad_name', 'An account name needs 1 to 64 characters.');
  return trimmed;
}

export function parseHardwarePath(text: string): string {
  const parsed = v.safeParse(HardwarePathSchema, text.trim());
  if (!parsed.success) throw new WalletError('keyring.bad_path', parsed.issues[0].message);
  return parsed.output;
}

export function parseAddress(text: string): Address {
  if (!isAddress(text.trim(), { strict: false })) throw new WalletError('keyring.bad_address', 'That is not a valid Ethereum address.');
  return getAddress(text.trim());
}
