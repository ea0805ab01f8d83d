// The popup's view of a snapshot: where each price comes from, how old it is judged, and how many
// holdings the total leaves out.
import { describe, expect, it } from 'vitest';
import { buildPortfolioView } from '../../../lib/holdings/view.ts';
import type { Holding, PortfolioSnapshot } from '../../../lib/portfolio/index.ts';

const ACCOUNT = '0x00000000000000000000000000000000000000ac';
// Saturday 2026-01-10 15:00 UTC: NYSE closed for the weekend.
const SATURDAY = Date.UTC(2026, 0, 10, 15);
const READ_AT = SATURDAY / 1000 - 60;

const holding = (symbol: string, price: Holding['price'], value: string | null): Holding => ({
  token: { chainId: 31337, address: `0x${symbol.charCodeAt(0).toString(16).padStart(40, '0')}`, symbol, decimals: 18 },
  amount: '1000000000000000000',
  underlyingAmount: '1000000000000000000',
  corporateActions: 'none',
  factor: null,
  price,
  value,
  valueDecimals: 8,
  backing: null,
  unavailable: [],
});

const feedPrice = { answer: '20000000000', decimals: 8, updatedAt: READ_AT, status: 'fresh' as const, reasons: [] };
const dexPrice = {
  ...feedPrice,
  answer: '25000000000',
  source: 'dex' as const,
  dex: {
    protocol: 'uniswap-v3' as const,
    pool: '0x92dbc416d7feda44df4f34b66084c91411cdc49c',
    fee: 3000,
    quote: 'USDC',
    depth: '250000000000',
    depthDecimals: 6,
    depthUsd: '25000000000000',
  },
};

function view(holdings: Holding[]) {
  const snapshot: PortfolioSnapshot = {
    chainId: 31337,
    fetchedAt: SATURDAY - 60_000,
    blockNumber: '10',
    status: 'ok',
    market: { status: 'weekend', nextOpen: null },
    accounts: [{ address: ACCOUNT, holdings }],
    errors: [],
  };
  return buildPortfolioView([{ chainId: 31337, name: 'Localhost 8545', snapshot }], {
    chainId: 31337,
    accounts: [ACCOUNT],
    registry: undefined,
    findToken: () => undefined,
    nowMs: SATURDAY,
  });
}

describe('portfolio view prices', () => {
  it('keeps a DEX price current while the stock market is shut, and a feed price a last close', () => {
    const [account] = view([holding('A', { ...feedPrice, source: 'feed' }, '20000000000'), holding('B', dexPrice, '25000000000')]).accounts;
    const [fed, pooled] = account.holdings;
    expect(fed.price).toMatchObject({ source: 'feed', status: 'stale', reasons: ['market-closed'] });
    expect(pooled.price).toMatchObject({ source: 'dex', status: 'fresh', reasons: [], dex: dexPrice.dex });
  });

  it('reads a price cached before prices had a source as a feed price', () => {
    expect(view([holding('A', feedPrice, '20000000000')]).accounts[0].holdings[0].price?.source).toBe('feed');
  });

  it('counts the holdings the total leaves out for want of a price', () => {
    const [account] = view([holding('A', dexPrice, '25000000000'), holding('B', null, null), holding('C', null, null)]).accounts;
    expect(account).toMatchObject({ totalValue: '25000000000', totalIncomplete: true, unpricedCount: 2 });
  });
});
