import { privateKeyToAddress } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { keyringFromMnemonic, keyringFromPrivateKey, openKeyring } from '../../../lib/keyring';
import { TEST_ACCOUNTS, TEST_PHRASE } from './fixtures';

const WATCHED = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

describe('keyring', () => {
  it("derives the known m/44'/60'/0'/0/i vectors from the test phrase", async () => {
    let keyring = await keyringFromMnemonic(TEST_PHRASE);
    keyring = keyring.withState(keyring.addHdAccount());
    keyring = keyring.withState(keyring.addHdAccount());
    expect(keyring.publicAccounts().map((a) => [a.address, a.index])).toEqual(TEST_ACCOUNTS.map((a, i) => [a.address, i]));
    for (const account of TEST_ACCOUNTS) expect(keyring.privateKeyOf(account.address)).toBe(account.privateKey);
  });

  it('names accounts by default and accepts a chosen name', async () => {
    const keyring = await keyringFromMnemonic(TEST_PHRASE);
    const named = keyring.withState(keyring.addHdAccount('  Savings '));
    const unnamed = keyring.withState(keyring.addHdAccount());
    expect(named.publicAccounts().map((a) => a.name)).toEqual(['Account 1', 'Savings']);
    expect(unnamed.publicAccounts().map((a) => a.name)).toEqual(['Account 1', 'Account 2']);
  });

  it('does not change its own state when asked for an edit', async () => {
    const keyring = await keyringFromMnemonic(TEST_PHRASE);
    keyring.addHdAccount();
    expect(keyring.publicAccounts()).toHaveLength(1);
  });

  it('imports a private key, refuses a duplicate and signs with it', async () => {
    const keyring = await keyringFromMnemonic(TEST_PHRASE);
    const other = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba';
    const next = keyring.withState(keyring.importPrivateKey(other, 'Cold'));
    const imported = next.publicAccounts()[1];
    expect(imported).toEqual({ address: privateKeyToAddress(other), name: 'Cold', kind: 'imported', hidden: false });
    expect(next.privateKeyOf(imported.address.toLowerCase())).toBe(other);
    expect(() => next.importPrivateKey(other)).toThrow(expect.objectContaining({ code: 'keyring.duplicate_account' }));
    expect(() => keyring.importPrivateKey(TEST_ACCOUNTS[0].privateKey)).toThrow(expect.objectContaining({ code: 'keyring.duplicate_account' }));
  });

  it('lists a watch-only address but holds no key for it', async () => {
    const keyring = await keyringFromMnemonic(TEST_PHRASE);
    const next = keyring.withState(keyring.addWatchOnly(WATCHED.toLowerCase()));
    expect(next.publicAccounts()[1]).toEqual({ address: WATCHED, name: 'Watch 1', kind: 'watch', hidden: false });
    expect(() => next.privateKeyOf(WATCHED)).toThrow(expect.objectContaining({ code: 'keyring.watch_only' }));
  });

  it('renames and hides accounts; rejects empty names and unknown addresses', async () => {
    const keyring = await keyringFromMnemonic(TEST_PHRASE);
    const address = TEST_ACCOUNTS[0].address;
    const next = keyring.withState(keyring.rename(address, 'Main')).withState(keyring.setHidden(address, true));
    expect(keyring.withState(keyring.rename(address, 'Main')).publicAccounts()[0].name).toBe('Main');
    expect(next.publicAccounts()[0].hidden).toBe(true);
    expect(() => keyring.rename(address, '   ')).toThrow(expect.objectContaining({ code: 'keyring.bad_name' }));
    expect(() => keyring.rename(TEST_ACCOUNTS[1].address, 'x')).toThrow(expect.objectContaining({ code: 'keyring.unknown_account' }));
    expect(() => keyring.rename('0x1234', 'x')).toThrow(expect.objectContaining({ code: 'keyring.bad_address' }));
  });

  it('a wallet made from a private key has no phrase to derive from', () => {
    const keyring = keyringFromPrivateKey(TEST_ACCOUNTS[1].privateKey);
    expect(keyring.publicAccounts()).toEqual([{ address: TEST_ACCOUNTS[1].address, name: 'Imported 1', kind: 'imported', hidden: false }]);
    expect(() => keyring.addHdAccount()).toThrow(expect.objectContaining({ code: 'keyring.no_mnemonic' }));
  });

  it('reopens from its saved state with the same keys', async () => {
    const keyring = await keyringFromMnemonic(TEST_PHRASE);
    const state = JSON.parse(JSON.stringify(keyring.addHdAccount()));
    const reopened = await openKeyring(state);
    expect(reopened.privateKeyOf(TEST_ACCOUNTS[1].address)).toBe(TEST_ACCOUNTS[1].privateKey);
  });
});
