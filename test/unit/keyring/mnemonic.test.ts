import { describe, expect, it } from 'vitest';
import { generateMnemonic, looksLikePrivateKey, parseMnemonic, parsePrivateKey, UnknownWordError, validateMnemonic } from '../../../lib/keyring';
import { TEST_ACCOUNTS, TEST_PHRASE } from './fixtures';

describe('BIP-39 phrases', () => {
  it.each([
    [12, undefined],
    [12, 12],
    [24, 24],
  ] as const)('generates %i valid words when asked for %s', (count, asked) => {
    const phrase = generateMnemonic(asked);
    expect(phrase.split(' ')).toHaveLength(count);
    expect(validateMnemonic(phrase)).toEqual({ ok: true, mnemonic: phrase });
  });

  it('generates a different phrase each time', () => {
    expect(generateMnemonic()).not.toBe(generateMnemonic());
  });

  it.each([
    ['extra spaces, tabs and new lines', `  test test\ttest test\n test test test test test test test   junk `],
    ['upper case', TEST_PHRASE.toUpperCase()],
  ])('normalises %s', (_label, text) => {
    expect(parseMnemonic(text)).toBe(TEST_PHRASE);
  });

  it.each([
    ['11 words', 'test test test test test test test test test test junk', 'keyring.bad_length'],
    ['13 words', `${TEST_PHRASE} test`, 'keyring.bad_length'],
    ['no words', '   ', 'keyring.bad_length'],
    ['a valid list with a bad checksum', 'test test test test test test test test test test test test', 'keyring.bad_checksum'],
    ['two words swapped', 'test test test test test test test test test test junk test', 'keyring.bad_checksum'],
    ['an unknown word', 'test test test test tset test test test test test test junk', 'keyring.unknown_word'],
  ])('rejects %s with %s', (_label, text, code) => {
    const result = validateMnemonic(text);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error.code).toBe(code);
  });

  it('names the unknown word and its position', () => {
    const result = validateMnemonic('test test test test tset test test test test test test junk');
    if (result.ok) throw new Error('expected a failure');
    expect(result.error).toBeInstanceOf(UnknownWordError);
    expect(result.error.message).toContain('"tset"');
    expect(result.error.message).toContain('Word 5');
    expect(result.error.toJSON()).toMatchObject({ code: 'keyring.unknown_word', word: 'tset', position: 5 });
  });
});

describe('raw private keys', () => {
  const key = TEST_ACCOUNTS[0].privateKey;
  it.each([
    ['0x-prefixed', key],
    ['unprefixed', key.slice(2)],
    ['upper case with spaces around', `  ${key.toUpperCase().replace('0X', '0x')}  `],
  ])('accepts a %s key', (_label, text) => {
    expect(parsePrivateKey(text)).toBe(key);
    expect(looksLikePrivateKey(text)).toBe(true);
  });

  it.each([
    ['too short', key.slice(0, 64)],
    ['not hex', `0x${'z'.repeat(64)}`],
    ['zero', `0x${'0'.repeat(64)}`],
    ['above the curve order', `0x${'f'.repeat(64)}`],
  ])('rejects a key that is %s', (_label, text) => {
    expect(() => parsePrivateKey(text)).toThrow(expect.objectContaining({ code: 'keyring.bad_private_key' }));
  });

  it('does not mistake a phrase for a key', () => {
    expect(looksLikePrivateKey(TEST_PHRASE)).toBe(false);
  });
});
