import { bytesToHex, type Hex } from 'viem';
import { HDKey } from 'viem/accounts';
import { WalletError } from '../errors';

/**
 * BIP-32/44 derivation for Ethereum accounts, m/44'/60'/0'/0/i. The seed (PBKDF2-SHA512,
 * 2048 rounds, salt "mnemonic") is computed once through WebCrypto and the account-level
 * parent node is kept, so each further account costs one child derivation.
 */

export const ETH_ACCOUNT_PARENT_PATH = "m/44'/60'/0'/0";

export async function mnemonicToSeed(mnemonic: string, passphrase = ''): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', encoder.encode(mnemonic.normalize('NFKD')), 'PBKDF2', false, ['deriveBits']);
  const salt = encoder.encode(`mnemonic${passphrase}`.normalize('NFKD'));
  return new Uint8Array(await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-512', salt, iterations: 2048 }, material, 512));
}

export interface HdRoot {
  privateKeyAt(index: number): Hex;
}

export async function createHdRoot(mnemonic: string): Promise<HdRoot> {
  const parent = HDKey.fromMasterSeed(await mnemonicToSeed(mnemonic)).derive(ETH_ACCOUNT_PARENT_PATH);
  return {
    privateKeyAt(index) {
      const key = parent.deriveChild(index).privateKey;
      if (!key) throw new WalletError('keyring.derivation_failed', `Could not derive account ${index}.`);
      return bytesToHex(key);
    },
  };
}
