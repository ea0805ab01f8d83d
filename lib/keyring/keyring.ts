import type { Address, Hex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { WalletError } from '../errors';
import { createHdRoot, type HdRoot } from './hd';
import {
  type AccountEntry,
  type KeyringState,
  type PublicAccount,
  parseAccountName,
  parseAddress,
  parseHardwarePath,
  toPublicAccount,
} from './keyring-state';
import { parseMnemonic } from './mnemonic';
import { parsePrivateKey } from './private-key';

/**
 * An unlocked keyring: its state plus the cached HD parent node. Edits return the next
 * state without applying it, so the caller can save first and adopt it only once saved.
 */
export interface Keyring {
  readonly state: KeyringState;
  publicAccounts(): PublicAccount[];
  /** The key that signs for `address`; keyring.watch_only or keyring.unknown_account otherwise. */
  privateKeyOf(address: string): Hex;
  addHdAccount(name?: string): KeyringState;
  importPrivateKey(privateKey: string, name?: string): KeyringState;
  addWatchOnly(address: string, name?: string): KeyringState;
  /** A Ledger account: the address the device derived at `path`. */
  addHardware(address: string, path: string, name?: string): KeyringState;
  rename(address: string, name: string): KeyringState;
  setHidden(address: string, hidden: boolean): KeyringState;
  withState(state: KeyringState): Keyring;
}

export async function keyringFromMnemonic(text: string): Promise<Keyring> {
  const mnemonic = parseMnemonic(text);
  const root = await createHdRoot(mnemonic);
  const address = privateKeyToAddress(root.privateKeyAt(0));
  return buildKeyring({ version: 1, mnemonic, accounts: [{ kind: 'hd', index: 0, address, name: 'Account 1', hidden: false }] }, root);
}

export function keyringFromPrivateKey(text: string): Keyring {
  const privateKey = parsePrivateKey(text);
  return buildKeyring(
    { version: 1, accounts: [{ kind: 'imported', privateKey, address: privateKeyToAddress(privateKey), name: 'Imported 1', hidden: false }] },
    undefined,
  );
}

export async function openKeyring(state: KeyringState): Promise<Keyring> {
  return buildKeyring(state, state.mnemonic ? await createHdRoot(state.mnemonic) : undefined);
}

function buildKeyring(state: KeyringState, root: HdRoot | undefined): Keyring {
  const find = (address: string): AccountEntry => {
    const wanted = parseAddress(address);
    const entry = state.accounts.find((account) => account.address === wanted);
    if (!entry) throw new WalletError('keyring.unknown_account', `No account ${wanted} in this wallet.`);
    return entry;
  };
  const rejectDuplicate = (address: Address) => {
    if (state.accounts.some((account) => account.address === address))
      throw new WalletError('keyring.duplicate_account', `Account ${address} is already in this wallet.`);
  };
  const countOf = (kind: AccountEntry['kind']) => state.accounts.filter((account) => account.kind === kind).length;
  const update = (address: string, change: Partial<Pick<AccountEntry, 'name' | 'hidden'>>): KeyringState => {
    const target = find(address);
    return { ...state, accounts: state.accounts.map((account) => (account === target ? { ...account, ...change } : account)) };
  };

  return {
    state,
    publicAccounts: () => state.accounts.map(toPublicAccount),
    privateKeyOf(address) {
      const entry = find(address);
      if (entry.kind === 'watch')
        throw new WalletError('keyring.watch_only', `${entry.address} is a watch-only address; Sharekeep holds no key for it and cannot sign.`);
      if (entry.kind === 'hardware')
        throw new WalletError('keyring.hardware', `${entry.address} lives on a Ledger; it signs on the device, not in Sharekeep.`);
      if (entry.kind === 'imported') return entry.privateKey;
      if (!root) throw new WalletError('keyring.no_mnemonic', 'This wallet has no secret phrase.');
      return root.privateKeyAt(entry.index);
    },
    addHdAccount(name) {
      if (!root)
        throw new WalletError(
          'keyring.no_mnemonic',
          'This wallet was imported from a private key, so it has no secret phrase to derive more accounts from.',
        );
      const index = Math.max(-1, ...state.accounts.map((account) => (account.kind === 'hd' ? account.index : -1))) + 1;
      const address = privateKeyToAddress(root.privateKeyAt(index));
      rejectDuplicate(address);
      const entry: AccountEntry = {
        kind: 'hd',
        index,
        address,
        name: name === undefined ? `Account ${index + 1}` : parseAccountName(name),
        hidden: false,
      };
      return { ...state, accounts: [...state.accounts, entry] };
    },
    importPrivateKey(text, name) {
      const privateKey = parsePrivateKey(text);
      const address = privateKeyToAddress(privateKey);
      rejectDuplicate(address);
      const entry: AccountEntry = {
        kind: 'imported',
        privateKey,
        address,
        name: name === undefined ? `Imported ${countOf('imported') + 1}` : parseAccountName(name),
        hidden: false,
      };
      return { ...state, accounts: [...state.accounts, entry] };
    },
    addWatchOnly(text, name) {
      const address = parseAddress(text);
      rejectDuplicate(address);
      const entry: AccountEntry = {
        kind: 'watch',
        address,
        name: name === undefined ? `Watch ${countOf('watch') + 1}` : parseAccountName(name),
        hidden: false,
      };
      return { ...state, accounts: [...state.accounts, entry] };
    },
    addHardware(text, pathText, name) {
      const address = parseAddress(text);
      const path = parseHardwarePath(pathText);
      rejectDuplicate(address);
      const entry: AccountEntry = {
        kind: 'hardware',
        path,
        address,
        name: name === undefined ? `Ledger ${countOf('hardware') + 1}` : parseAccountName(name),
        hidden: false,
      };
      return { ...state, accounts: [...state.accounts, entry] };
    },
    rename: (address, name) => update(address, { name: parseAccountName(name) }),
    setHidden: (address, hidden) => update(address, { hidden }),
    withState: (next) => buildKeyring(next, root),
  };
}
