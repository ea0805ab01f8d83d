import { type Hex, isHex } from 'viem';
import { privateKeyToAddress } from 'viem/accounts';
import { WalletError } from '../errors';

/** Accepts a raw secp256k1 private key, 0x-prefixed or not; returns it 0x-prefixed lower case. */
export function parsePrivateKey(text: string): Hex {
  const trimmed = text.trim();
  const hex = (trimmed.startsWith('0x') || trimmed.startsWith('0X') ? `0x${trimmed.slice(2)}` : `0x${trimmed}`).toLowerCase() as Hex;
  if (hex.length !== 66 || !isHex(hex, { strict: true })) throw badPrivateKey();
  try {
    privateKeyToAddress(hex);
  } catch {
    throw badPrivateKey();
  }
  return hex;
}

/** True when the text looks like a private key rather than a phrase (the import field takes both). */
export function looksLikePrivateKey(text: string): boolean {
  return /^(0x)?[0-9a-f]{64}$/i.test(text.trim());
}

function badPrivateKey(): WalletError {
  return new WalletError(
    'keyring.bad_private_key',
    'That is not a valid private key: expected 64 hexadecimal characters, optionally starting with 0x.',
  );
}
