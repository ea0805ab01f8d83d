// The bundled (compact) form carries every field of the registry schema: what goes in comes
// back, for the real bundled data and for a registry that uses every field.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistryData, TOKEN_LIST_FILES } from '../../../lib/registry/build/index.ts';
import { packRegistry, type RegistryData, unpackRegistry } from '../../../lib/registry/index.ts';
import { issuer, token } from './fixtures.ts';

const root = join(import.meta.dirname, '../../..');
const listsDir = join(root, '../shared/data/tokenlists');
const lists = Object.fromEntries(TOKEN_LIST_FILES.map(({ file }) => [file, JSON.parse(readFileSync(join(listsDir, file), 'utf8'))]));
const keyOf = (t: { chainId: number; address: string }) => `${t.chainId}:${t.address.toLowerCase()}`;
const roundTrip = (data: RegistryData) => unpackRegistry(JSON.parse(JSON.stringify(packRegistry(data))));
const byKey = (data: RegistryData) => ({ ...data, tokens: [...data.tokens].sort((a, b) => keyOf(a).localeCompare(keyOf(b))) });

const src = 'https://example.org/source';
const feed = (n: number, extra = {}) => ({ address: `0x${String(n).repeat(40)}`, ...extra });
const AAPL = '0xb23c6FA4d2B3d1B07A6B6e8b0a0A7a8f2E6A5bA1';

/** A registry using every field the schema has, with feeds that differ per chain for one family. */
const everyField: RegistryData = {
  issuers: [
    issuer({
      contracts: [
        { chainId: 1, address: '0x1111111111111111111111111111111111111111', role: 'factory', verified: false, source: src, read: '2026-12-02' },
        { chainId: 56, address: '0x1111111111111111111111111111111111111111', role: 'factory', verified: false, source: src, read: '2026-12-02' },
        { chainId: 1, address: '0x2222222222222222222222222222222222222222', role: 'redemption-deposit', verified: true, source: src },
        { chainId: 1, address: '0x3333333333333333333333333333333333333333', role: 'payout', verified: true, source: src },
        // Same address and role as the first two, after another entry: must come back in this place.
        { chainId: 8453, address: '0x1111111111111111111111111111111111111111', role: 'factory', verified: false, source: src, read: '2026-12-02' },
      ],
      redemptionByDeposit: { onboarding: src, settlementDays: 3 },
      feeds: [
        { chainId: 137, product: 'bIB01', kind: 'reserve', address: feed(4).address, source: src, read: '2026-12-02', verified: false },
        { chainId: 137, product: 'bCSPX', kind: 'price', address: feed(5).address, heartbeat: 86400, source: src, verified: true },
      ],
    }),
    issuer({ id: 'other', name: 'Other', rule: null, origins: [], contracts: [] }),
  ],
  tokens: [
    token({
      underlying: { ticker: 'AAPL', name: 'Apple', exchange: 'NASDAQ', isin: 'US0378331005' },
      feeds: {
        price: feed(6, { heartbeat: 3600, source: src, read: '2026-12-02', verified: true }),
        reserve: feed(7, { verified: false, source: src }),
      },
    }),
    token({ chainId: 56, underlying: { ticker: 'AAPL', name: 'Apple', exchange: 'NASDAQ', isin: 'US0378331005' }, feeds: { price: feed(8) } }),
    token({ chainId: 42161, underlying: { ticker: 'AAPL', name: 'Apple', exchange: 'NASDAQ', isin: 'US0378331005' } }),
    token({
      address: '0x1000000000000000000000000000000000000002',
      symbol: 'TSLAon',
      name: 'Tesla (Ondo Tokenized)',
      issuer: 'other',
      underlying: { ticker: 'TSLA', name: 'Tesla', exchange: 'NASDAQ' },
      corporateActions: 'oracle-multiplier',
      feeds: { multiplierOracle: feed(9, { heartbeat: 86400 }) },
      rule: { kind: 'excluded', places: ['US', 'UA-43'], forbids: ['acquire', 'redeem'], source: src, read: '2026-12-01' },
      verified: false,
    }),
    token({
      address: '0x1000000000000000000000000000000000000003',
      symbol: 'SPYx',
      underlying: { ticker: 'SPY', name: 'S&P 500', isin: 'US78462F1030' },
    }),
    token({
      address: '0x1000000000000000000000000000000000000004',
      symbol: 'USDx',
      name: 'Dollar',
      kind: 'stablecoin',
      underlying: null,
      corporateActions: 'none',
      rule: null,
      feeds: {},
    }),
  ],
  dexes: [
    {
      chainId: 1,
      source: src,
      verified: false,
      uniswapV3: { factory: feed(1).address, poolInitCodeHash: `0x${'ab'.repeat(32)}`, fees: [500, 3000] },
      uniswapV2: { factory: feed(2).address, pairInitCodeHash: `0x${'cd'.repeat(32)}` },
      quotes: [
        { address: feed(3).address, symbol: 'USDC', decimals: 6, usd: { kind: 'stable' } },
        { address: feed(4).address, symbol: 'WETH', decimals: 18, usd: { kind: 'feed', feed: { address: feed(5).address, heartbeat: 3600 } } },
      ],
    },
  ],
};

describe('compact registry form', () => {
  it('gives back a registry that uses every field, issuer contracts in their order', () => {
    const back = roundTrip(everyField);
    expect(byKey(back)).toEqual(byKey(everyField));
    expect(back.issuers[0].contracts.map((c) => c.chainId)).toEqual([1, 56, 1, 1, 8453]);
  });

  it('keeps a feed on the chain it was given for, not on the family\u2019s other chains', () => {
    const back = roundTrip(everyField);
    const on = (chainId: number) => back.tokens.find((t) => t.chainId === chainId && t.address === AAPL);
    expect(on(1)?.feeds?.price?.address).toBe(feed(6).address);
    expect(on(56)?.feeds).toEqual({ price: feed(8) });
    expect(on(42161)?.feeds).toBeUndefined();
  });

  it('stores a chain-spread issuer contract once, and exchange and ISIN once per family', () => {
    const packed = packRegistry(everyField);
    expect(packed.issuers[0].contracts[0].chains).toEqual([1, 56]);
    expect(packed.issuers[0].contracts).toHaveLength(4);
    expect(packed.listings).toHaveLength(3);
    expect(packed.feeds.map((f) => f.chainId)).toEqual([1, 56, 1, 1]);
  });

  it('gives back the real bundled data (order of tokens aside)', () => {
    const data = buildRegistryData(lists);
    expect(byKey(roundTrip(data))).toEqual(byKey(data));
  });

  it('refuses a listing for a family that does not exist, and an ISIN that is not one', () => {
    const packed = packRegistry(everyField);
    expect(() => unpackRegistry({ ...packed, listings: [...packed.listings, { family: 99, exchange: 'NYSE' }] })).toThrow(/listing/);
    expect(() => unpackRegistry({ ...packed, listings: [{ family: 0, isin: 'US037833100' }] })).toThrow();
  });

  it('refuses a feed whose read date is not a date', () => {
    const packed = packRegistry(everyField);
    const feeds = [{ ...packed.feeds[0], price: { ...packed.feeds[0].price, read: 'yesterday' } }];
    expect(() => unpackRegistry({ ...packed, feeds })).toThrow();
  });
});
