import { type Address, getAddress, type Hex } from 'viem';

const WORD = 64;
const PADDING = '0'.repeat(24);
/**
 * Values below this are amounts, flags or offsets, not contract addresses (a random
 * address is this small with odds of 2^-60; vanity addresses keep far fewer zeros).
 */
const SMALLEST = 2n ** 100n;
const MAX_WORDS = 4096;

/**
 * Every 32-byte word of `data` (after `skip` bytes, e.g. a 4-byte selector) that
 * holds an address the way the ABI encodes one: twelve zero bytes, then twenty
 * bytes. Used where Sharekeep cannot decode data but the guard must still see the
 * tokens it names; most contracts encode token addresses like this.
 */
export function addressWords(data: Hex, skip = 0): Address[] {
  const hex = data.slice(2 + skip * 2);
  const found = new Set<Address>();
  const words = Math.min(Math.floor(hex.length / WORD), MAX_WORDS);
  for (let i = 0; i < words; i++) {
    const word = hex.slice(i * WORD, (i + 1) * WORD);
    if (!word.startsWith(PADDING)) continue;
    const value = `0x${word.slice(24)}` as Hex;
    if (BigInt(value) < SMALLEST) continue;
    found.add(getAddress(value));
  }
  return [...found];
}
