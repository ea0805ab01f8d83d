import { sha256 } from 'viem';
import { english, generateMnemonic as generateWords } from 'viem/accounts';
import { WalletError } from '../errors';

/** BIP-39 phrases (English list): generate, normalise, validate with a precise reason. */

export const MNEMONIC_LENGTHS = [12, 15, 18, 21, 24] as const;
const wordIndex = new Map(english.map((word, i) => [word, i]));

/** An unknown word, with where it is, so the UI can point at it. Positions count from 1. */
export class UnknownWordError extends WalletError {
  readonly word: string;
  readonly position: number;
  constructor(word: string, position: number) {
    super('keyring.unknown_word', `Word ${position}, "${word}", is not in the BIP-39 English word list. Check its spelling.`);
    this.word = word;
    this.position = position;
  }
  override toJSON() {
    return { ...super.toJSON(), word: this.word, position: this.position };
  }
}

export function generateMnemonic(words: 12 | 24 = 12): string {
  return generateWords(english, words === 24 ? 256 : 128);
}

/** Lower case, single spaces, NFKD as BIP-39 asks. */
export function normaliseMnemonic(text: string): string {
  return text.normalize('NFKD').toLowerCase().split(/\s+/).filter(Boolean).join(' ');
}

/** Returns the normalised phrase or throws keyring.bad_length / unknown_word / bad_checksum. */
export function parseMnemonic(text: string): string {
  const words = normaliseMnemonic(text).split(' ').filter(Boolean);
  if (!(MNEMONIC_LENGTHS as readonly number[]).includes(words.length)) {
    throw new WalletError('keyring.bad_length', `A secret phrase has 12, 15, 18, 21 or 24 words; this one has ${words.length}.`);
  }
  const bits = words
    .map((word, i) => {
      const index = wordIndex.get(word);
      if (index === undefined) throw new UnknownWordError(word, i + 1);
      return index.toString(2).padStart(11, '0');
    })
    .join('');
  const checksumBits = bits.length / 33;
  const entropyBits = bits.slice(0, bits.length - checksumBits);
  const entropy = new Uint8Array(entropyBits.length / 8);
  for (let i = 0; i < entropy.length; i++) entropy[i] = Number.parseInt(entropyBits.slice(i * 8, i * 8 + 8), 2);
  const expected = sha256(entropy, 'bytes')[0].toString(2).padStart(8, '0').slice(0, checksumBits);
  if (expected !== bits.slice(-checksumBits)) {
    throw new WalletError(
      'keyring.bad_checksum',
      'These words are all valid but do not form a valid secret phrase (checksum mismatch). Check the order and each word.',
    );
  }
  return words.join(' ');
}

export type MnemonicValidation = { ok: true; mnemonic: string } | { ok: false; error: WalletError };

export function validateMnemonic(text: string): MnemonicValidation {
  try {
    return { ok: true, mnemonic: parseMnemonic(text) };
  } catch (err) {
    if (err instanceof WalletError) return { ok: false, error: err };
    throw err;
  }
}
