import * as v from 'valibot';
import type { Hex } from 'viem';
import { WalletError } from '../errors';
import type { Clock, KeyValueStore } from '../ports';
import {
  createMutex,
  createVaultStorage,
  DEFAULT_KDF_ITERATIONS,
  decryptWithKey,
  decryptWithPassword,
  deriveVaultKey,
  encryptWithKey,
  exportVaultKey,
  importVaultKey,
  incorrectPassword,
  type StoredVault,
  type VaultKey,
} from '../vault';
import { type Keyring, keyringFromMnemonic, keyringFromPrivateKey, openKeyring } from './keyring';
import { type KeyringState, PublicIndexSchema, parseKeyringState, toPublicAccount } from './keyring-state';
import { generateMnemonic, validateMnemonic } from './mnemonic';
import { assertPasswordAcceptable } from './password';
import type { CreateOptions, KeyManager } from './key-manager-types';
import { signPersonalMessageWithKey, signTransactionWithKey, signTypedDataWithKey } from './signing';

export type { CreateOptions, KeyManager } from './key-manager-types';

/** storage.session key holding the exported vault key while unlocked. */
export const SESSION_KEY_ENTRY = 'vault.sessionKey';

export interface KeyManagerOptions {
  /** storage.local: the encrypted vault and the public account index. */
  local: KeyValueStore;
  /** storage.session: the unlocked vault key, cleared by lock() and by a browser restart. */
  session: KeyValueStore;
  /** Accepted for the background's idle/auto-lock bookkeeping; the manager itself keeps no timers. */
  clock: Clock;
  /** PBKDF2 rounds for new saves; defaults to 600,000. Tests lower it for speed. */
  kdfIterations?: number;
}

interface Unlocked {
  key: VaultKey;
  keyring: Keyring;
  /** The vault generation this state was read as or saved as; saves expect it unchanged. */
  generation: number;
}

export function createKeyManager(options: KeyManagerOptions): KeyManager {
  const { local, session } = options;
  const iterations = options.kdfIterations ?? DEFAULT_KDF_ITERATIONS;
  const storage = createVaultStorage(local);
  const mutex = createMutex();
  let unlocked: Unlocked | undefined;

  const requireUnlocked = (): Unlocked => {
    if (!unlocked) throw new WalletError('vault.locked', 'The wallet is locked. Unlock it with your password first.');
    return unlocked;
  };

  async function readStored(): Promise<StoredVault> {
    const stored = await storage.read();
    if (!stored) throw new WalletError('vault.not_initialized', 'There is no wallet yet. Create or import one first.');
    return stored;
  }

  async function save(key: VaultKey, state: KeyringState, expectedGeneration?: number): Promise<number> {
    const envelope = await encryptWithKey(key, JSON.stringify(state));
    return storage.write(envelope, state.accounts.map(toPublicAccount), { expectedGeneration });
  }

  /** Keeping the key in session storage is a convenience: if that fails the user just types the password again after a restart. */
  async function rememberKey(key: VaultKey) {
    await session.set({ [SESSION_KEY_ENTRY]: await exportVaultKey(key) }).catch(() => undefined);
  }

  async function forgetKey() {
    await session.remove(SESSION_KEY_ENTRY).catch(() => undefined);
  }

  async function verifyPassword(current: Unlocked, password: string) {
    const candidate = await deriveVaultKey(password, { iterations: current.key.kdf.iterations, salt: current.key.kdf.salt });
    const [a, b] = await Promise.all([exportVaultKey(candidate), exportVaultKey(current.key)]);
    if (a.key !== b.key) throw incorrectPassword();
  }

  async function create(created: Keyring, password: string, { replaceExisting = false, jurisdiction }: CreateOptions) {
    assertPasswordAcceptable(password);
    const keyring = jurisdiction ? created.withState({ ...created.state, jurisdiction }) : created;
    if (!replaceExisting && (await storage.exists())) {
      throw new WalletError('vault.already_exists', 'A wallet already exists on this browser. Unlock it, or confirm that you want to replace it.');
    }
    const key = await deriveVaultKey(password, { iterations });
    const generation = await save(key, keyring.state);
    unlocked = { key, keyring, generation };
    await rememberKey(key);
    return keyring.publicAccounts();
  }

  /**
   * Saves over the generation `current` was read as. If another window saved since, the
   * edit is refused ('vault.conflict') and this manager re-reads the vault, so a retry
   * applies to the latest accounts; if the key no longer opens it, this manager locks.
   */
  async function saveOver(current: Unlocked, key: VaultKey, state: KeyringState): Promise<number> {
    try {
      return await save(key, state, current.generation);
    } catch (err) {
      if (err instanceof WalletError && err.code === 'vault.conflict') await resync(current.key);
      throw err;
    }
  }

  async function resync(key: VaultKey) {
    try {
      const stored = await readStored();
      const keyring = await openKeyring(parseKeyringState(await decryptWithKey(key, stored.envelope)));
      unlocked = { key, keyring, generation: stored.generation };
    } catch {
      unlocked = undefined;
    }
  }

  /** Applies an edit: saved first, adopted in memory only once the save has landed. */
  function edit<T>(change: (keyring: Keyring) => { next: KeyringState; result: (keyring: Keyring) => T }): Promise<T> {
    return mutex.run(async () => {
      const current = requireUnlocked();
      const { next, result } = change(current.keyring);
      const generation = await saveOver(current, current.key, next);
      const keyring = current.keyring.withState(next);
      unlocked = { ...current, keyring, generation };
      return result(keyring);
    });
  }
  const newest = (keyring: Keyring) => keyring.publicAccounts().at(-1)!;

  function withKey<T>(address: string, sign: (privateKey: Hex) => Promise<T> | T): Promise<T> {
    return mutex.run(async () => sign(requireUnlocked().keyring.privateKeyOf(address)));
  }

  return {
    isInitialized: () => storage.exists(),
    createFromMnemonic: (mnemonic, password, opts = {}) => mutex.run(async () => create(await keyringFromMnemonic(mnemonic), password, opts)),
    createFromPrivateKey: (privateKey, password, opts = {}) => mutex.run(async () => create(keyringFromPrivateKey(privateKey), password, opts)),
    generateMnemonic,
    validateMnemonic,

    unlock: (password) =>
      mutex.run(async () => {
        const stored = await readStored();
        const { plaintext, key, outdated } = await decryptWithPassword(stored.envelope, password, iterations);
        const keyring = await openKeyring(parseKeyringState(plaintext));
        let next: Unlocked = { key, keyring, generation: stored.generation };
        if (outdated) next = await upgrade(next, password, Math.max(iterations, stored.envelope.kdf.iterations));
        unlocked = next;
        await rememberKey(next.key);
      }),

    restore: () =>
      mutex.run(async () => {
        if (unlocked) return true;
        const key = await importVaultKey(await session.get(SESSION_KEY_ENTRY));
        if (!key) {
          await forgetKey();
          return false;
        }
        const stored = await storage.read().catch(() => undefined);
        if (!stored) return false;
        try {
          const keyring = await openKeyring(parseKeyringState(await decryptWithKey(key, stored.envelope)));
          unlocked = { key, keyring, generation: stored.generation };
          return true;
        } catch {
          await forgetKey();
          return false;
        }
      }),

    lock: () =>
      mutex.run(async () => {
        unlocked = undefined;
        await forgetKey();
      }),

    isUnlocked: () => unlocked !== undefined,

    async listAccounts() {
      if (unlocked) return unlocked.keyring.publicAccounts();
      const stored = await storage.read().catch(() => undefined);
      const index = v.safeParse(PublicIndexSchema, stored?.publicIndex);
      return index.success ? index.output : [];
    },

    addAccount: (name) => edit((keyring) => ({ next: keyring.addHdAccount(name), result: newest })),
    renameAccount: (address, name) => edit((keyring) => ({ next: keyring.rename(address, name), result: () => undefined })),
    setHidden: (address, hidden) => edit((keyring) => ({ next: keyring.setHidden(address, hidden), result: () => undefined })),
    importPrivateKey: (privateKey, name) => edit((keyring) => ({ next: keyring.importPrivateKey(privateKey, name), result: newest })),
    addWatchOnly: (address, name) => edit((keyring) => ({ next: keyring.addWatchOnly(address, name), result: newest })),
    addHardwareAccount: (address, path, name) => edit((keyring) => ({ next: keyring.addHardware(address, path, name), result: newest })),

    revealMnemonic: (password) =>
      mutex.run(async () => {
        const current = requireUnlocked();
        await verifyPassword(current, password);
        const { mnemonic } = current.keyring.state;
        if (!mnemonic) throw new WalletError('keyring.no_mnemonic', 'This wallet was imported from a private key and has no secret phrase.');
        return mnemonic;
      }),

    exportPrivateKey: (address, password) =>
      mutex.run(async () => {
        const current = requireUnlocked();
        await verifyPassword(current, password);
        return current.keyring.privateKeyOf(address);
      }),

    changePassword: (oldPassword, newPassword) =>
      mutex.run(async () => {
        const current = requireUnlocked();
        assertPasswordAcceptable(newPassword);
        await verifyPassword(current, oldPassword);
        const key = await deriveVaultKey(newPassword, { iterations: Math.max(iterations, current.key.kdf.iterations) });
        const generation = await saveOver(current, key, current.keyring.state);
        unlocked = { ...current, key, generation };
        await rememberKey(key);
      }),

    jurisdiction: () => unlocked?.keyring.state.jurisdiction,

    setJurisdiction: (code, password) =>
      mutex.run(async () => {
        const current = requireUnlocked();
        await verifyPassword(current, password);
        await sealJurisdiction(current, code);
      }),

    adoptJurisdiction: (code) =>
      mutex.run(async () => {
        const current = requireUnlocked();
        if (current.keyring.state.jurisdiction !== undefined)
          throw new WalletError('keyring.jurisdiction_sealed', 'The jurisdiction is already sealed in the vault; change it with your password.');
        await sealJurisdiction(current, code);
      }),

    signTransaction: (address, tx) => withKey(address, (privateKey) => signTransactionWithKey(privateKey, tx)),
    signMessage: (address, message) => withKey(address, (privateKey) => signPersonalMessageWithKey(privateKey, message)),
    signTypedData: (address, data, version) => withKey(address, (privateKey) => signTypedDataWithKey(privateKey, data, version)),
  };

  async function sealJurisdiction(current: Unlocked, jurisdiction: string): Promise<void> {
    const next = { ...current.keyring.state, jurisdiction };
    const generation = await saveOver(current, current.key, next);
    unlocked = { ...current, keyring: current.keyring.withState(next), generation };
  }

  /**
   * Re-encrypts a vault found with an old format or too few KDF rounds. If the save fails
   * (quota, another window) the old vault stays as it was and the user is still unlocked;
   * the upgrade is tried again at the next unlock.
   */
  async function upgrade(current: Unlocked, password: string, targetIterations: number): Promise<Unlocked> {
    const key = await deriveVaultKey(password, { iterations: targetIterations });
    try {
      const generation = await save(key, current.keyring.state, current.generation);
      return { ...current, key, generation };
    } catch (err) {
      if (err instanceof WalletError && (err.code === 'vault.storage_failed' || err.code === 'vault.conflict')) return current;
      throw err;
    }
  }
}
