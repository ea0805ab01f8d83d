import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { withFeedFacts } from '../../../lib/registry/build/feed-facts.ts';
import { buildCompactRegistry, buildRegistryData, SHARE_PRICE_FEEDS, TOKEN_LIST_FILES } from '../../../lib/registry/build/index.ts';
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

describe('issuer facts the generator fills from REFERENCE.md', () => {
  const issuerOf = (id: string) => committed.issuers.find((i) => i.id === id)!;
  const ONDO_TRUST = 'https://docs.ondo.finance/ondo-global-markets/trust-and-transparency';

  it('lists the xStocks factory on every xStocks chain, unverified, with its source and read date', () => {
    const factories = issuerOf('xstocks').contracts.filter((c) => c.role === 'factory');
    expect(factories.map((c) => c.chainId).sort((a, b) => a - b)).toEqual(
      [...new Set(committed.tokens.filter((t) => t.issuer === 'xstocks').map((t) => t.chainId))].sort((a, b) => a - b),
    );
    for (const c of factories)
      expect(c).toMatchObject({ address: '0x9768D3956a850913fb74594eBf40DFf9b5b576F3', verified: false, read: '2026-12-02' });
  });

  it('gives Backed redemption by deposit within T+3 but no deposit address, since none is sourced', () => {
    const backed = issuerOf('xstocks');
    expect(backed.redemptionByDeposit).toEqual({ onboarding: 'https://docs.backed.fi', settlementDays: 3 });
    expect(backed.contracts.filter((c) => c.role === 'redemption-deposit' || c.role === 'payout')).toEqual([]);
  });

  it('records the Backed reserve feeds on Polygon as unverified, for products the lists do not carry', () => {
    const feeds = issuerOf('xstocks').feeds ?? [];
    expect(feeds.map((f) => [f.product, f.chainId, f.kind, f.verified])).toEqual([
      ['bIB01', 137, 'reserve', false],
      ['bCSPX', 137, 'reserve', false],
      ['bIBTA', 137, 'reserve', false],
    ]);
    expect(committed.tokens.some((t) => t.chainId === 137)).toBe(false);
  });

  it("names Ondo's SPV, custody and daily attestation agent from its trust page", () => {
    expect(issuerOf('ondo-gm')).toMatchObject({
      legalEntity: { value: 'Ondo Global Markets (BVI) Limited', source: ONDO_TRUST },
      jurisdiction: { value: 'VG', source: ONDO_TRUST },
      custodian: { value: expect.stringContaining('Ankura Trust Company'), source: ONDO_TRUST },
      proofOfReserve: { value: expect.stringContaining('Daily attestation'), source: ONDO_TRUST },
    });
  });

  it("lists Dinari's DShareFactory and OrderProcessor on chains 1, 42161 and 8453", () => {
    const dinari = issuerOf('dinari').contracts;
    for (const role of ['factory', 'mint-redeem'] as const) {
      expect(dinari.filter((c) => c.role === role).map((c) => c.chainId)).toEqual([1, 42161, 8453]);
    }
  });

  it('gives no bundled token an exchange or an ISIN: the token lists carry none and none is sourced', () => {
    expect(committed.tokens.filter((t) => t.underlying?.exchange || t.underlying?.isin)).toEqual([]);
  });
});

describe('feeds the generator fills from the Chainlink directory copy (feed-facts.ts)', () => {
  const COPY = 'https://github.com/appCryptoCrucible/liquidation/blob/bc096a0ff23ffea0f443b64cd8081e1878b7392c/registry/feeds-mainnet.json';
  const find = (chainId: number, symbol: string) => committed.tokens.find((t) => t.chainId === chainId && t.symbol === symbol);

  it("prices an Ethereum xStock by its share's 24/5 feed, unverified, with the copy it was read from", () => {
    expect(find(1, 'TSLAx')?.feeds).toEqual({
      price: { address: '0xB204328559E17F84eE7A285036AA0d47124F85D5', heartbeat: 86400, source: COPY, read: '2026-12-03', verified: false },
    });
    expect(find(1, 'NVDAx')?.feeds?.price?.address).toBe('0x2c47b8CD75C818969b398911b70C633e280552d4');
  });

  it("gives each chain's xStock that chain's feed, and none where no feed is sourced", () => {
    const tslax = (chainId: number) => find(chainId, 'TSLAx');
    expect(tslax(42161)?.address).toBe(tslax(1)?.address);
    expect(tslax(42161)?.feeds?.price).toMatchObject({ address: '0x3609baAa0a9b1f0FE4d6CC01884585d0e191C3E3', verified: false });
    expect(tslax(56)?.feeds?.price?.address).toBe('0xEEA2ae9c074E87596A85ABE698B2Afebc9B57893');
    expect(tslax(56)?.feeds?.price?.source).toMatch(/^https:\/\/github\.com\/duneanalytics\/spellbook\//);
    for (const chainId of [5000, 57073, 999]) expect(tslax(chainId)?.feeds, `chain ${chainId}`).toBeUndefined();
  });

  it("prices Ondo GM stocks by Chainlink's token-price feed while their sValue oracle is unsourced, never by the share feed", () => {
    const tslaon = find(1, 'TSLAon');
    expect(tslaon?.corporateActions).toBe('oracle-multiplier');
    expect(tslaon?.feeds?.price).toBeUndefined();
    // The "Calculated" one of its two feeds (share price times sValue), unverified: read from a copy of the directory.
    expect(tslaon?.feeds?.tokenPrice).toMatchObject({ address: '0x89904B6fcF8dAD1e5DA47dFdF69fC38Ad6be0bd5', verified: false });
    expect(tslaon?.feeds?.tokenPrice?.source).toMatch(/^https:\/\/github\.com\//);
    // A GM stock with no such feed listed has none.
    expect(find(1, 'AAPLon')).toBeDefined();
    expect(find(1, 'AAPLon')?.feeds).toBeUndefined();
    expect(find(56, 'TSLAon')).toBeDefined();
    expect(find(56, 'TSLAon')?.feeds).toBeUndefined();
  });

  it('attaches the share feed to a GM stock once its multiplier oracle is known', () => {
    const oracle = { address: getAddress('0x00000000000000000000000000000000000000aa') };
    const gm = token({
      chainId: 1,
      symbol: 'TSLAon',
      issuer: 'ondo-gm',
      corporateActions: 'oracle-multiplier',
      underlying: { ticker: 'TSLA', name: 'Tesla' },
      feeds: { multiplierOracle: oracle },
    });
    expect(withFeedFacts([gm])[0].feeds).toMatchObject({
      multiplierOracle: oracle,
      price: { address: '0xB204328559E17F84eE7A285036AA0d47124F85D5' },
    });
  });

  it('keeps a feed a token already names, and leaves tickers without a sourced feed alone', () => {
    const own = { address: getAddress('0x00000000000000000000000000000000000000bb') };
    const named = token({ chainId: 1, underlying: { ticker: 'TSLA', name: 'Tesla' }, feeds: { price: own } });
    const other = token({ chainId: 1, underlying: { ticker: 'AAPL', name: 'Apple' } });
    const [a, b] = withFeedFacts([named, other]);
    expect(a.feeds?.price).toBe(own);
    expect(b.feeds).toBeUndefined();
  });

  it('carries every sourced share feed into the bundle, on its chain, as a checksummed address', () => {
    const withFeed = committed.tokens.filter((t) => t.feeds?.price);
    expect(
      withFeed
        .filter((t) => t.chainId === 1)
        .map((t) => t.symbol)
        .sort(),
    ).toEqual(['GOOGLx', 'NVDAx', 'QQQx', 'SPYx', 'STRCx', 'TSLAx']);
    expect(withFeed.every((t) => t.issuer === 'xstocks')).toBe(true);
    for (const t of withFeed) {
      expect(t.feeds?.price?.address).toBe(getAddress(t.feeds?.price?.address ?? ''));
      const fact = SHARE_PRICE_FEEDS.find((f) => f.chainId === t.chainId && f.ticker === t.underlying?.ticker);
      expect(fact?.address, `${t.symbol} on ${t.chainId}`).toBe(t.feeds?.price?.address);
    }
    expect(withFeed).toHaveLength(
      SHARE_PRICE_FEEDS.filter((f) =>
        committed.tokens.some((t) => t.issuer === 'xstocks' && t.chainId === f.chainId && t.underlying?.ticker === f.ticker),
      ).length,
    );
  });
});
