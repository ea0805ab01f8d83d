import { describe, expect, it } from 'vitest';
import {
  DEFAULT_KDF_ITERATIONS,
  decryptWithKey,
  decryptWithPassword,
  deriveVaultKey,
  encryptWithKey,
  exportVaultKey,
  importVaultKey,
  parseEnvelope,
} from '../../../lib/vault';

const ITERATIONS = 1000;

describe('vault encryption', () => {
  it('round-trips a plaintext with the password and reports current parameters as up to date', async () => {
    const key = await deriveVaultKey('correct horse', { iterations: ITERATIONS });
    const envelope = await encryptWithKey(key, '{"secret":"value"}');
    const opened = await decryptWithPassword(parseEnvelope(envelope), 'correct horse', ITERATIONS);
    expect(opened.plaintext).toBe('{"secret":"value"}');
    expect(opened.outdated).toBe(false);
  });

  it('writes the versioned v2 shape with a 16-byte salt and a fresh 12-byte IV per save', async () => {
    const key = await deriveVaultKey('pw', { iterations: ITERATIONS });
    const first = await encryptWithKey(key, 'same text');
    const second = await encryptWithKey(key, 'same text');
    expect(first).toMatchObject({ version: 2, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: ITERATIONS }, cipher: { name: 'AES-GCM' } });
    expect(atob(first.kdf.salt)).toHaveLength(16);
    expect(atob(first.cipher.iv)).toHaveLength(12);
    expect(second.cipher.iv).not.toBe(first.cipher.iv);
    expect(second.data).not.toBe(first.data);
  });

  it('gives each new key its own random salt', async () => {
    const a = await deriveVaultKey('pw', { iterations: ITERATIONS });
    const b = await deriveVaultKey('pw', { iterations: ITERATIONS });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
  });

  it('refuses a wrong password with vault.incorrect_password', async () => {
    const key = await deriveVaultKey('right password', { iterations: ITERATIONS });
    const envelope = parseEnvelope(await encryptWithKey(key, 'x'));
    await expect(decryptWithPassword(envelope, 'wrong password', ITERATIONS)).rejects.toMatchObject({ code: 'vault.incorrect_password' });
  });

  it('exports the AES key so it can be re-imported and decrypt without the password', async () => {
    const key = await deriveVaultKey('pw', { iterations: ITERATIONS });
    const envelope = parseEnvelope(await encryptWithKey(key, 'payload'));
    const exported = JSON.parse(JSON.stringify(await exportVaultKey(key)));
    const imported = await importVaultKey(exported);
    expect(imported).toBeDefined();
    await expect(decryptWithKey(imported!, envelope)).resolves.toBe('payload');
  });

  it.each([undefined, null, 'x', { key: 'AAAA', kdf: {} }, { key: '!!', kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1, salt: '' } }])(
    'ignores a malformed exported key %j',
    async (exported) => {
      expect(await importVaultKey(exported)).toBeUndefined();
    },
  );

  it('flags vaults written with fewer rounds than wanted as outdated', async () => {
    const key = await deriveVaultKey('pw', { iterations: ITERATIONS });
    const envelope = parseEnvelope(await encryptWithKey(key, 'x'));
    expect((await decryptWithPassword(envelope, 'pw', ITERATIONS * 2)).outdated).toBe(true);
  });

  it('defaults to at least 600,000 PBKDF2 rounds', () => {
    expect(DEFAULT_KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });
});

describe('vault format', () => {
  it.each([
    ['a future version', { version: 3, anything: true }, 'vault.unsupported_version'],
    ['a far future version', { version: 99 }, 'vault.unsupported_version'],
    ['garbage', 'not a vault', 'vault.corrupt'],
    ['null', null, 'vault.corrupt'],
    [
      'v2 missing its IV',
      { version: 2, kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: 'AAAA' }, cipher: { name: 'AES-GCM' }, data: 'AAAA' },
      'vault.corrupt',
    ],
    [
      'v2 with a non-base64 payload',
      {
        version: 2,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1000, salt: 'AAAA' },
        cipher: { name: 'AES-GCM', iv: 'AAAA' },
        data: 'not base64!',
      },
      'vault.corrupt',
    ],
    ['v1 missing its salt', { data: 'AAAA', iv: 'AAAA' }, 'vault.corrupt'],
  ])('refuses %s', (_label, raw, code) => {
    expect(() => parseEnvelope(raw)).toThrow(expect.objectContaining({ code }));
  });

  it.each([
    ['without key metadata', {}, 10_000],
    ['with key metadata', { keyMetadata: { algorithm: 'PBKDF2', params: { iterations: 5000 } } }, 5000],
  ])('reads a v1 envelope %s', (_label, extra, iterations) => {
    const parsed = parseEnvelope({ data: 'AAAA', iv: 'AAAA', salt: 'AAAA', ...extra });
    expect(parsed).toMatchObject({ version: 1, kdf: { iterations, salt: 'AAAA' } });
  });
});
