import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildCompactRegistry, buildRegistryData, TOKEN_LIST_FILES } from '../../../lib/registry/build/index.ts';
import { unpackRegistry } from '../../../lib/registry/index.ts';
import { token } from './fixtures.ts';

const root = join(import.meta.dirname, '../../..');
const listsDir = join(root, '../shared/data/tokenlists');
const lists = Object.fromEntries(TOKEN_LIST_FILES.map(({ file }) => [file, JSON.parse(readFileSync(join(listsDir, file), 'utf8'))]));
const committedText = readFileSync(join(root, 'lib/registry/data/registry.json'), 'utf8');
const committed = unpackRegistry(JSON.parse(committedText));
const keyOf = (t: { chainId: number; address: string }) => `${t.chainId}:${t.address.toLowerCase()}`;

describe('registry generator', () => {
  it('keeps every token list entry, with its chain, symbol and decimals', () => {
    const byKey = new Map(committed.tokens.map((t) => [keyOf(t), t]));
    const entries = Object.values(lists).flatMap((l) => l.tokens as { chainId: number; address: string; symbol: string; decimals: number }[]);
    expect(entries.length).toBe(531 + 888);
    for (const entry of entries) {
      const found = byKey.get(keyOf(entry));
      expect(found, `${entry.symbol} on ${entry.chainId}`).toMatchObject({ symbol: entry.symbol, decimals: entry.decimals });
    }
    expect(committed.tokens).toHaveLength(entries.length);
  });

  it('has no chain and address twice', () => {
    const keys = committed.tokens.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('stores every address checksummed', () => {
    for (const t of committed.tokens) expect(t.address).toBe(getAddress(t.address));
    for (const c of committed.issuers.flatMap((i) => i.contracts)) expect(c.address).toBe(getAddress(c.address));
  });

  it('reads the underlying off the issuer naming and the model off the issuer', () => {
    const find = (chainId: number, symbol: string) => committed.tokens.find((t) => t.chainId === chainId && t.symbol === symbol);
    expect(find(1, 'AAPLx')).toMatchObject({ issuer: 'xstocks', underlying: { ticker: 'AAPL', name: 'Apple' }, corporateActions: 'multiplier' });
    expect(find(1, 'BRK.Bx')?.underlying?.ticker).toBe('BRK.B');
    expect(find(56, 'QBTSon')).toMatchObject({
      issuer: 'ondo-gm',
      underlying: { ticker: 'QBTS', name: 'D-Wave Quantum' },
      corporateActions: 'oracle-multiplier',
    });
    expect(find(1, 'USDon')).toMatchObject({ kind: 'stablecoin', underlying: null, corporateActions: 'none' });
  });

  it('matches a fresh build of the lists (run scripts/build-registry.ts after changing them)', () => {
    expect(JSON.parse(committedText)).toEqual(buildCompactRegistry(lists));
  });

  it('stays well under 200 KB', () => {
    expect(committedText.length).toBeLessThan(120_000);
  });

  it('keeps unverified issuer addresses unverified', () => {
    const ondo = committed.issuers.find((i) => i.id === 'ondo-gm');
    expect(ondo?.contracts.find((c) => c.address === '0x2c158BC456e027b2AfFCCadF1BDBD9f5fC4c5C8c')?.verified).toBe(false);
  });

  it('refuses a list entry that does not follow its issuer naming', () => {
    const bad = {
      ...lists['xstocks.tokenlist.json'],
      tokens: [{ chainId: 1, address: '0x06a0138f8c3e5110fd98e34a4473fb08f1304b87', name: 'Mystery', symbol: 'MYST', decimals: 18 }],
    };
    expect(() => buildRegistryData({ ...lists, 'xstocks.tokenlist.json': bad })).toThrow(/underlying/);
  });

  it('refuses two different tokens at one chain and address', () => {
    const clash = token({ chainId: 1, address: getAddress('0x06a0138f8c3e5110fd98e34a4473fb08f1304b87'), symbol: 'FAKEx', issuer: 'dinari' });
    expect(() => buildRegistryData(lists, [clash])).toThrow(/both/);
  });
});
