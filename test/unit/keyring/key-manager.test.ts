import { recoverMessageAddress, recoverTransactionAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { SESSION_KEY_ENTRY } from '../../../lib/keyring';
import { createMemoryStore } from '../../../lib/ports/memory';
import { createVaultStorage, deriveVaultKey, encryptWithKey, LEGACY_VAULT_KEY, VAULT_SLOT_KEYS, type VaultEnvelope } from '../../../lib/vault';
import { createFullStore } from '../vault/faulty-store';
import { TEST_ACCOUNTS, TEST_PHRASE } from './fixtures';
import { codeOf, createdWallet, createStores, legacyV1Vault, managerOver, PASSWORD } from './manager-helpers';

const WATCHED = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

describe('creating a wallet', () => {
  it('imports the test phrase, shows account 0 and stays unlocked', async () => {
    const stores = createStores();
    const manager = managerOver(stores);
    expect(await manager.isInitialized()).toBe(false);
    const accounts = await manager.createFromMnemonic(`  ${TEST_PHRASE.toUpperCase()} `, PASSWORD);
    expect(accounts).toEqual([{ address: TEST_ACCOUNTS[0].address, name: 'Account 1', kind: 'hd', index: 0, hidden: false }]);
    expect(manager.isUnlocked()).toBe(true);
    expect(await manager.isInitialized()).toBe(true);
    expect(await managerOver(stores).isInitialized()).toBe(true);
  });

  it('creates from a raw private key', async () => {
    const manager = managerOver(createStores());
    const accounts = await manager.createFromPrivateKey(TEST_ACCOUNTS[1].privateKey.slice(2), PASSWORD);
    expect(accounts.map((a) => [a.address, a.kind])).toEqual([[TEST_ACCOUNTS[1].address, 'imported']]);
    expect(await codeOf(manager.revealMnemonic(PASSWORD))).toBe('keyring.no_mnemonic');
    expect(await codeOf(manager.addAccount())).toBe('keyring.no_mnemonic');
  });

  it.each([
    ['a phrase with a typo', 'test test test test test test test test test test test junkk', PASSWORD, 'keyring.unknown_word'],
    ['a phrase with a bad checksum', 'test test test test test test test test test test test test', PASSWORD, 'keyring.bad_checksum'],
    ['a short password', TEST_PHRASE, 'short', 'vault.weak_password'],
  ])('refuses %s and stores nothing', async (_label, phrase, password, code) => {
    const stores = createStores();
    expect(await codeOf(managerOver(stores).createFromMnemonic(phrase, password))).toBe(code);
    expect(stores.local.dump()).toEqual({});
  });

  it('never overwrites an existing vault unless asked to', async () => {
    const { stores } = await createdWallet();
    const before = stores.local.dump();
    const second = managerOver(stores);
    expect(await codeOf(second.createFromPrivateKey(TEST_ACCOUNTS[2].privateKey, 'another password'))).toBe('vault.already_exists');
    expect(stores.local.dump()).toEqual(before);
    await second.createFromPrivateKey(TEST_ACCOUNTS[2].privateKey, 'another password', { replaceExisting: true });
    expect((await managerOver(stores).listAccounts()).map((a) => a.address)).toEqual([TEST_ACCOUNTS[2].address]);
  });

  it('generates and validates phrases for the onboarding screen', () => {
    const manager = managerOver(createStores());
    expect(manager.generateMnemonic(24).split(' ')).toHaveLength(24);
    expect(manager.validateMnemonic('test test').ok).toBe(false);
  });
});

describe('unlocking and locking', () => {
  it('a wrong password is refused and changes nothing', async () => {
    const { stores, manager } = await createdWallet();
    await manager.lock();
    const before = { local: stores.local.dump(), session: stores.session.dump() };
    expect(await codeOf(manager.unlock('not the password'))).toBe('vault.incorrect_password');
    expect(manager.isUnlocked()).toBe(false);
    expect({ local: stores.local.dump(), session: stores.session.dump() }).toEqual(before);
    await manager.unlock(PASSWORD);
    expect(manager.isUnlocked()).toBe(true);
  });

  it('a wrong password while unlocked does not lock the wallet', async () => {
    const { manager } = await createdWallet();
    expect(await codeOf(manager.unlock('nope nope nope'))).toBe('vault.incorrect_password');
    expect(manager.isUnlocked()).toBe(true);
  });

  it('stays unlocked across a service-worker restart through the key in session storage', async () => {
    const { stores } = await createdWallet();
    const restarted = managerOver(stores);
    expect(restarted.isUnlocked()).toBe(false);
    expect(await restarted.restore()).toBe(true);
    const signature = await restarted.signMessage(TEST_ACCOUNTS[0].address, 'still here');
    expect(await recoverMessageAddress({ message: 'still here', signature })).toBe(TEST_ACCOUNTS[0].address);
  });

  it('lock() clears the session key, so a restarted worker is locked', async () => {
    const { stores, manager } = await createdWallet();
    expect(stores.session.dump()).toHaveProperty([SESSION_KEY_ENTRY]);
    await manager.lock();
    expect(stores.session.dump()).toEqual({});
    expect(await codeOf(manager.signMessage(TEST_ACCOUNTS[0].address, 'x'))).toBe('vault.locked');
    expect(await managerOver(stores).restore()).toBe(false);
  });

  it('a browser restart (session storage emptied) needs the password again', async () => {
    const { stores } = await createdWallet();
    const afterBrowserRestart = managerOver({ local: stores.local, session: createMemoryStore() });
    expect(await afterBrowserRestart.restore()).toBe(false);
    await afterBrowserRestart.unlock(PASSWORD);
    expect(afterBrowserRestart.isUnlocked()).toBe(true);
  });

  it('a stale or garbled session key does not unlock and is dropped', async () => {
    const { stores } = await createdWallet();
    const other = await deriveVaultKey(PASSWORD, { iterations: 1000 });
    await stores.session.set({ [SESSION_KEY_ENTRY]: { key: btoa('x'.repeat(32)), kdf: other.kdf } });
    expect(await managerOver(stores).restore()).toBe(false);
    expect(stores.session.dump()).toEqual({});
  });

  it('two unlocks at once both succeed', async () => {
    const { stores, manager } = await createdWallet();
    await manager.lock();
    const results = await Promise.allSettled([manager.unlock(PASSWORD), manager.unlock(PASSWORD)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await managerOver(stores).restore()).toBe(true);
  });

  it('two windows (two managers) unlocking a vault that needs migrating both succeed and leave it readable', async () => {
    const stores = { local: createMemoryStore(await legacyV1Vault()), session: createMemoryStore() };
    const [a, b] = [managerOver(stores), managerOver(stores)];
    const results = await Promise.allSettled([a.unlock(PASSWORD), b.unlock(PASSWORD)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    const fresh = managerOver({ local: stores.local, session: createMemoryStore() });
    await fresh.unlock(PASSWORD);
    expect((await fresh.listAccounts())[0].address).toBe(TEST_ACCOUNTS[0].address);
  });
});

describe('vault upgrades and damaged vaults', () => {
  it('re-encrypts a weak v1 vault with the current format and 600,000 rounds on unlock', async () => {
    const stores = { local: createMemoryStore(await legacyV1Vault()), session: createMemoryStore() };
    const manager = managerOver(stores, 'default');
    await manager.unlock(PASSWORD);
    const stored = await createVaultStorage(stores.local).read();
    expect(stored?.envelope.version).toBe(2);
    expect(stored?.envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    expect(stores.local.dump()).not.toHaveProperty(LEGACY_VAULT_KEY);
    const again = managerOver({ local: stores.local, session: createMemoryStore() }, 'default');
    await again.unlock(PASSWORD);
    expect(await again.revealMnemonic(PASSWORD)).toBe(TEST_PHRASE);
  });

  it('still unlocks a weak vault when the upgrade cannot be saved, and keeps the old one', async () => {
    const local = createMemoryStore(await legacyV1Vault());
    const before = local.dump();
    const manager = managerOver({ local: createFullStore(local), session: createMemoryStore() });
    await manager.unlock(PASSWORD);
    expect(manager.isUnlocked()).toBe(true);
    expect(local.dump()).toEqual(before);
    expect(await manager.revealMnemonic(PASSWORD)).toBe(TEST_PHRASE);
  });

  it('refuses a vault from a future version and leaves it untouched', async () => {
    const { stores, manager } = await createdWallet();
    await manager.lock();
    const key = await deriveVaultKey(PASSWORD, { iterations: 1000 });
    const future = { ...(await encryptWithKey(key, '{}')), version: 3 } as unknown as VaultEnvelope;
    await createVaultStorage(stores.local).write(future, []);
    const before = stores.local.dump();
    expect(await codeOf(manager.unlock(PASSWORD))).toBe('vault.unsupported_version');
    expect(stores.local.dump()).toEqual(before);
  });

  it.each([
    ['both slots hold garbage', { [VAULT_SLOT_KEYS[0]]: '{"gen', [VAULT_SLOT_KEYS[1]]: 12 }],
    ['the legacy vault is truncated', { [LEGACY_VAULT_KEY]: { data: 'AAAA', iv: 'AAAA' } }],
  ])('reports vault.corrupt when %s and never overwrites it on its own', async (_label, contents) => {
    const stores = { local: createMemoryStore(contents), session: createMemoryStore() };
    const manager = managerOver(stores);
    expect(await manager.isInitialized()).toBe(true);
    expect(await codeOf(manager.unlock(PASSWORD))).toBe('vault.corrupt');
    expect(await codeOf(manager.createFromMnemonic(TEST_PHRASE, PASSWORD))).toBe('vault.already_exists');
    expect(await manager.listAccounts()).toEqual([]);
    expect(stores.local.dump()).toEqual(contents);
  });

  it('reports vault.corrupt when the vault decrypts to something that is not a keyring', async () => {
    const local = createMemoryStore();
    const key = await deriveVaultKey(PASSWORD, { iterations: 1000 });
    await createVaultStorage(local).write(await encryptWithKey(key, 'not json'), []);
    expect(await codeOf(managerOver({ local, session: createMemoryStore() }).unlock(PASSWORD))).toBe('vault.corrupt');
  });

  it('a full disk gives vault.storage_failed, and both memory and disk keep the old accounts', async () => {
    const { stores } = await createdWallet();
    const manager = managerOver({ local: createFullStore(stores.local), session: stores.session });
    await manager.restore();
    expect(await codeOf(manager.addAccount())).toBe('vault.storage_failed');
    expect(await manager.listAccounts()).toHaveLength(1);
    const reloaded = managerOver({ local: stores.local, session: createMemoryStore() });
    await reloaded.unlock(PASSWORD);
    expect(await reloaded.listAccounts()).toHaveLength(1);
  });

  it('an edit based on a vault another window has since changed is refused, not merged, and a retry builds on the latest', async () => {
    const { stores, manager: first } = await createdWallet();
    const second = managerOver(stores);
    await second.restore();
    await first.addAccount('From window one');
    expect(await codeOf(second.addAccount('From window two'))).toBe('vault.conflict');
    const reloaded = () => managerOver({ local: stores.local, session: createMemoryStore() }).listAccounts();
    expect((await reloaded()).map((a) => a.name)).toEqual(['Account 1', 'From window one']);
    await second.addAccount('From window two');
    expect((await reloaded()).map((a) => a.name)).toEqual(['Account 1', 'From window one', 'From window two']);
  });
});

describe('accounts', () => {
  it('adds, renames, hides, imports and watches; all of it survives a lock', async () => {
    const { stores, manager } = await createdWallet();
    expect(await manager.addAccount()).toMatchObject({ address: TEST_ACCOUNTS[1].address, index: 1, kind: 'hd' });
    await manager.renameAccount(TEST_ACCOUNTS[0].address, 'Main');
    await manager.setHidden(TEST_ACCOUNTS[1].address, true);
    expect(await manager.importPrivateKey(TEST_ACCOUNTS[2].privateKey, 'Hot')).toMatchObject({ address: TEST_ACCOUNTS[2].address, kind: 'imported' });
    expect(await manager.addWatchOnly(WATCHED)).toMatchObject({ address: WATCHED, kind: 'watch', name: 'Watch 1' });
    const expected = [
      { address: TEST_ACCOUNTS[0].address, name: 'Main', kind: 'hd', index: 0, hidden: false },
      { address: TEST_ACCOUNTS[1].address, name: 'Account 2', kind: 'hd', index: 1, hidden: true },
      { address: TEST_ACCOUNTS[2].address, name: 'Hot', kind: 'imported', hidden: false },
      { address: WATCHED, name: 'Watch 1', kind: 'watch', hidden: false },
    ];
    expect(await manager.listAccounts()).toEqual(expected);
    await manager.lock();
    expect(await manager.listAccounts()).toEqual(expected);
    const reloaded = managerOver({ local: stores.local, session: createMemoryStore() });
    expect(await reloaded.listAccounts()).toEqual(expected);
    await reloaded.unlock(PASSWORD);
    expect(await reloaded.listAccounts()).toEqual(expected);
  });

  it('two account additions at once get distinct indexes and both are saved', async () => {
    const { stores, manager } = await createdWallet();
    const added = await Promise.all([manager.addAccount(), manager.addAccount()]);
    expect(added.map((a) => a.index)).toEqual([1, 2]);
    expect(await managerOver(stores).listAccounts()).toHaveLength(3);
  });

  it('needs the wallet unlocked to change accounts', async () => {
    const { manager } = await createdWallet();
    await manager.lock();
    expect(await codeOf(manager.addAccount())).toBe('vault.locked');
    expect(await codeOf(manager.renameAccount(TEST_ACCOUNTS[0].address, 'x'))).toBe('vault.locked');
  });
});

describe('secrets behind the password', () => {
  it('reveals the phrase and exports keys only with the right password', async () => {
    const { manager } = await createdWallet();
    expect(await codeOf(manager.revealMnemonic('wrong password'))).toBe('vault.incorrect_password');
    expect(await manager.revealMnemonic(PASSWORD)).toBe(TEST_PHRASE);
    expect(await codeOf(manager.exportPrivateKey(TEST_ACCOUNTS[0].address, 'wrong password'))).toBe('vault.incorrect_password');
    expect(await manager.exportPrivateKey(TEST_ACCOUNTS[0].address, PASSWORD)).toBe(TEST_ACCOUNTS[0].privateKey);
    await manager.addWatchOnly(WATCHED);
    expect(await codeOf(manager.exportPrivateKey(WATCHED, PASSWORD))).toBe('keyring.watch_only');
  });

  it('changing the password re-encrypts everything: the old password opens nothing, the new one does', async () => {
    const { stores, manager } = await createdWallet();
    expect(await codeOf(manager.changePassword('wrong password', 'new password 1'))).toBe('vault.incorrect_password');
    await manager.changePassword(PASSWORD, 'new password 1');
    expect(await managerOver(stores).restore()).toBe(true);
    const reloaded = managerOver({ local: stores.local, session: createMemoryStore() });
    expect(await codeOf(reloaded.unlock(PASSWORD))).toBe('vault.incorrect_password');
    await reloaded.unlock('new password 1');
    expect(await reloaded.revealMnemonic('new password 1')).toBe(TEST_PHRASE);
  });
});

describe('signing through the manager', () => {
  it('signs transactions, messages and typed data for an account; refuses a watch-only one', async () => {
    const { manager } = await createdWallet();
    const account = await manager.addAccount();
    const tx = await manager.signTransaction(account.address, {
      type: 'eip1559',
      chainId: 31337,
      maxFeePerGas: 2n,
      gas: 21_000n,
      to: WATCHED,
      value: 1n,
    });
    expect(await recoverTransactionAddress({ serializedTransaction: tx as never })).toBe(account.address);
    const typed = {
      types: { EIP712Domain: [{ name: 'name', type: 'string' }], Hi: [{ name: 'x', type: 'uint256' }] },
      primaryType: 'Hi',
      domain: { name: 'T' },
      message: { x: '1' },
    };
    expect(await manager.signTypedData(account.address, typed, 'V4')).toMatch(/^0x[0-9a-f]{130}$/);
    await manager.addWatchOnly(WATCHED);
    expect(await codeOf(manager.signMessage(WATCHED, 'hi'))).toBe('keyring.watch_only');
    expect(await codeOf(manager.signMessage(TEST_ACCOUNTS[2].address, 'hi'))).toBe('keyring.unknown_account');
  });
});
