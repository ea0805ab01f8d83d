/** The key manager's face, declared: what the background and the wallet may ask of custody. */
import type { Hex, TransactionSerializable } from 'viem';
import type { PublicAccount } from './keyring-state';
import type { MnemonicValidation } from './mnemonic';
import type { TypedData, TypedDataVersion } from './signing';

/**
 * The custody controller the background owns (one per service-worker life).
 * - Every operation that reads or writes the vault runs through one mutex, in call order.
 * - A new salt is drawn whenever a key is derived from a password (create, change password,
 *   upgrade); saves made with the unlocked key reuse its salt and draw a fresh IV, since
 *   the password is not kept.
 * - While locked, listAccounts() still answers from the public index (addresses, names,
 *   kinds, hidden flags; no secrets) so the popup can draw the account list behind the
 *   unlock screen. The background must not hand it to dApps while locked.
 * - Errors are WalletErrors with stable codes: vault.locked, vault.not_initialized,
 *   vault.already_exists, vault.incorrect_password, vault.weak_password, vault.corrupt,
 *   vault.unsupported_version, vault.storage_failed, vault.conflict, keyring.unknown_word,
 *   keyring.bad_checksum, keyring.bad_length, keyring.bad_private_key, keyring.bad_address,
 *   keyring.bad_name, keyring.duplicate_account, keyring.unknown_account,
 *   keyring.watch_only, keyring.hardware, keyring.bad_path, keyring.no_mnemonic, keyring.bad_transaction, keyring.bad_typed_data.
 */
export interface KeyManager {
  isInitialized(): Promise<boolean>;
  createFromMnemonic(mnemonic: string, password: string, options?: CreateOptions): Promise<PublicAccount[]>;
  createFromPrivateKey(privateKey: string, password: string, options?: CreateOptions): Promise<PublicAccount[]>;
  generateMnemonic(words?: 12 | 24): string;
  validateMnemonic(text: string): MnemonicValidation;
  unlock(password: string): Promise<void>;
  /** Unlocks from the key in storage.session (after a service-worker restart); returns whether unlocked. */
  restore(): Promise<boolean>;
  lock(): Promise<void>;
  isUnlocked(): boolean;
  /** Works while locked too, from the non-secret public index saved beside the vault. */
  listAccounts(): Promise<PublicAccount[]>;
  addAccount(name?: string): Promise<PublicAccount>;
  renameAccount(address: string, name: string): Promise<void>;
  setHidden(address: string, hidden: boolean): Promise<void>;
  importPrivateKey(privateKey: string, name?: string): Promise<PublicAccount>;
  addWatchOnly(address: string, name?: string): Promise<PublicAccount>;
  /** A Ledger account the device derived at `path`; the vault keeps only the address and the path. */
  addHardwareAccount(address: string, path: string, name?: string): Promise<PublicAccount>;
  revealMnemonic(password: string): Promise<string>;
  exportPrivateKey(address: string, password: string): Promise<Hex>;
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  signTransaction(address: string, tx: TransactionSerializable): Promise<Hex>;
  signMessage(address: string, message: string): Promise<Hex>;
  signTypedData(address: string, data: TypedData, version: TypedDataVersion): Promise<Hex>;
  /** The jurisdiction sealed in the vault; undefined while locked or never declared. */
  jurisdiction(): string | undefined;
  /** Changes the sealed jurisdiction: the vault's password is the proof. */
  setJurisdiction(code: string, password: string): Promise<void>;
  /** Seals a jurisdiction into a vault that has none yet (one written before vaults held it). */
  adoptJurisdiction(code: string): Promise<void>;
}

export interface CreateOptions {
  /** Replaces the wallet on this browser: a new vault, whose jurisdiction is the one given here. */
  replaceExisting?: boolean;
  jurisdiction?: string;
}
