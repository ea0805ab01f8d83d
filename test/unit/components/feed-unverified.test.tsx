// A feed the registry marks unverified (`verified: false`) is still read, but the popup says so beside
// what it reports: the row's price and share equivalent, the detail's backing. A feed the registry
// does not mark, or marks verified, carries no such note; nor does a DEX price.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PortfolioRow } from '../../../components/PortfolioRow';
import { TokenBacking } from '../../../components/TokenBacking';
import type { BackingView, HoldingView } from '../../../lib/holdings';
import { buildPortfolioView } from '../../../lib/holdings/view.ts';
import type { Holding, PortfolioSnapshot } from '../../../lib/portfolio/index.ts';
import { createRegistry, type Token, unverifiedFeeds } from '../../../lib/registry/index.ts';
import { registryData, token as registryToken } from '../registry/fixtures.ts';

const ACCOUNT = '0x00000000000000000000000000000000000000ac';
const FEED = '0x00000000000000000000000000000000000000f1';
const ORACLE = '0x00000000000000000000000000000000000000f2';
const NOW = Date.UTC(2026, 0, 6, 15);

function viewWith(feeds: Token['feeds'], price: Holding['price']): HoldingView {
  const token = registryToken({ corporateActions: 'oracle-multiplier', feeds });
  const registry = createRegistry(registryData([token]));
  const holding: Holding = {
    token: { chainId: token.chainId, address: token.address, symbol: token.symbol, decimals: token.decimals },
    amount: '1000000000000000000',
    underlyingAmount: '1023400000000000000',
    corporateActions: 'oracle-multiplier',
    factor: '1023400000000000000',
    price,
    value: '25585000000',
    valueDecimals: 8,
    backing: null,
    unavailable: [],
  };
  const snapshot: PortfolioSnapshot = {
    chainId: token.chainId,
    fetchedAt: NOW - 1000,
    blockNumber: '10',
    status: 'ok',
    market: { status: 'open', nextOpen: null },
    accounts: [{ address: ACCOUNT, holdings: [holding] }],
    errors: [],
  };
  const view = buildPortfolioView([{ chainId: token.chainId, name: 'Ethereum', snapshot }], {
    chainId: token.chainId,
    accounts: [ACCOUNT],
    registry,
    findToken: (chainId, address) => registry.findToken(chainId, address),
    nowMs: NOW,
  });
  return view.accounts[0].holdings[0];
}

const feedPrice = { answer: '25000000000', decimals: 8, updatedAt: NOW / 1000 - 60, status: 'fresh' as const, reasons: [], source: 'feed' as const };
const marks = (html: string) => [...html.matchAll(/data-testid="feed-unverified" data-feed="(\w+)"/g)].map((m) => m[1]);
const row = (h: HoldingView) => renderToStaticMarkup(<PortfolioRow holding={h} onOpen={() => undefined} />);

describe('feeds the registry marks unverified', () => {
  it('lists only the feeds marked verified: false', () => {
    expect(unverifiedFeeds({ feeds: { price: { address: FEED, verified: false }, multiplierOracle: { address: ORACLE } } })).toEqual(['price']);
    expect(unverifiedFeeds({ feeds: { price: { address: FEED, verified: true }, reserve: { address: ORACLE, verified: false } } })).toEqual([
      'reserve',
    ]);
    expect(unverifiedFeeds({})).toEqual([]);
  });

  it("says so beside the row's feed price and its share equivalent from an unverified oracle", () => {
    const h = viewWith({ price: { address: FEED, verified: false }, multiplierOracle: { address: ORACLE, verified: false } }, feedPrice);
    expect(h.unverifiedFeeds).toEqual(['price', 'multiplierOracle']);
    const html = row(h);
    expect(marks(html)).toEqual(['multiplierOracle', 'price']);
    expect(html.replace(/<[^>]+>/g, '')).toContain('price feed unverified');
    expect(html).toMatch(/data-testid="holding-shares" data-amount="1023400000000000000"/);
  });

  it("shows a token-price feed's price per token (its multiplier in it), marked when unverified", () => {
    const h = viewWith({ tokenPrice: { address: FEED, verified: false } }, { ...feedPrice, per: 'token' });
    expect(h.unverifiedFeeds).toEqual(['tokenPrice']);
    const html = row(h);
    expect(marks(html)).toEqual(['tokenPrice']);
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('per token · token price feed');
    expect(text).not.toContain('per share');
  });

  it('says nothing for feeds the registry does not mark unverified', () => {
    const h = viewWith({ price: { address: FEED, verified: true }, multiplierOracle: { address: ORACLE } }, feedPrice);
    expect(h.unverifiedFeeds).toBeUndefined();
    expect(marks(row(h))).toEqual([]);
  });

  it('says nothing of the price feed when the price came from a DEX pool', () => {
    const dex = {
      ...feedPrice,
      source: 'dex' as const,
      dex: { protocol: 'uniswap-v3' as const, pool: FEED, fee: 3000, quote: 'USDC', depth: '1', depthDecimals: 6, depthUsd: '1' },
    };
    expect(marks(row(viewWith({ price: { address: FEED, verified: false } }, dex)))).toEqual([]);
  });

  it('says so beside the backing an unverified reserve feed reports, and not otherwise', () => {
    const backing: BackingView = {
      status: 'backed',
      ratioBps: '10000',
      reserves: '10000000000',
      reservesDecimals: 8,
      supply: '100000000000000000000',
      supplyDecimals: 18,
      coverage: { scope: 'all-chains', chains: [{ chainId: 1, name: 'Ethereum', supply: '100000000000000000000' }], missing: [] },
      updatedAt: 0,
      fresh: true,
      ageSeconds: 60,
      heartbeatSeconds: 86_400,
      source: { value: 'Chainlink PoR', source: 'https://issuer.example', verified: true },
    };
    expect(marks(renderToStaticMarkup(<TokenBacking backing={backing} unverifiedFeeds={['reserve']} />))).toEqual(['reserve']);
    expect(marks(renderToStaticMarkup(<TokenBacking backing={backing} unverifiedFeeds={['price']} />))).toEqual([]);
    expect(marks(renderToStaticMarkup(<TokenBacking backing={backing} />))).toEqual([]);
  });
});
