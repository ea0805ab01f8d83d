// The portfolio over several chains and the token detail's price chart, rendered to HTML: rows under
// a heading per chain with the total of all, a dead chain named in its own notice, one chart point
// per round read, and no chart (a note) without a price feed.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PortfolioList } from '../../../components/PortfolioList';
import { TokenPriceChart } from '../../../components/TokenPriceChart';
import type { HoldingView, PortfolioView } from '../../../lib/holdings';

const holding = (chainId: number, symbol: string, value: string | null): HoldingView => ({
  token: { chainId, address: `0x${chainId.toString(16).padStart(40, '0')}`, symbol, decimals: 18 },
  amount: '1000000000000000000',
  underlyingAmount: '1000000000000000000',
  corporateActions: 'none',
  factor: null,
  price: null,
  value,
  valueDecimals: 8,
  backing: null,
  unavailable: [],
  name: symbol,
  listed: true,
  verified: true,
  underlying: null,
  label: symbol,
});

const chain = (chainId: number, name: string, status: 'ok' | 'failed', message?: string) => ({
  chainId,
  name,
  fetchedAt: 1,
  blockNumber: '1',
  status,
  errors: message ? [{ code: 'portfolio.rpc_failed', message }] : [],
});

const view: PortfolioView = {
  chainId: 1,
  fetchedAt: 1,
  blockNumber: '1',
  status: 'partial',
  market: { status: 'open', nextOpen: null },
  errors: [],
  chains: [chain(1, 'Ethereum', 'ok'), chain(56, 'BNB Chain', 'ok'), chain(42161, 'Arbitrum One', 'failed', 'fetch failed')],
  accounts: [
    {
      address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      totalValue: '30000000000',
      totalIncomplete: true,
      unpricedCount: 1,
      holdings: [holding(1, 'AAAx', '10000000000'), holding(56, 'BBBx', '20000000000'), holding(56, 'CCCx', null)],
      byChain: [
        { chainId: 1, totalValue: '10000000000', totalIncomplete: false, unpricedCount: 0 },
        { chainId: 56, totalValue: '20000000000', totalIncomplete: true, unpricedCount: 1 },
      ],
    },
  ],
  valueDecimals: 8,
};

describe('PortfolioList over several chains', () => {
  const html = renderToStaticMarkup(<PortfolioList view={view} account={view.accounts[0]} refreshing={false} onOpen={() => undefined} />);

  it('totals every chain, says what it leaves out, and offers the chain filter', () => {
    expect(html).toMatch(/data-testid="portfolio-total" data-value="30000000000" data-excluded="1"/);
    expect(html).toMatch(/\$300\.00/);
    expect(html).toMatch(/data-testid="chain-filter"/);
    expect(html.match(/<option/g)).toHaveLength(4);
  });

  it('groups the rows under a heading per chain that holds something', () => {
    const headings = [...html.matchAll(/data-testid="portfolio-chain" data-chain-id="(\d+)"/g)].map((m) => m[1]);
    expect(headings).toEqual(['1', '56']);
    expect(html.indexOf('data-symbol="BBBx"')).toBeGreaterThan(html.indexOf('data-chain-id="56"'));
  });

  it('names the chain that could not be read, while the others show', () => {
    expect(html).toMatch(/data-testid="portfolio-chain-failed" data-chain-id="42161"/);
    expect(html).toMatch(/Could not read your holdings on Arbitrum One: fetch failed/);
    expect(html.match(/data-testid="portfolio-row"/g)).toHaveLength(3);
  });
});

describe('TokenPriceChart', () => {
  it('draws one point per round read, the last at the latest answer', () => {
    const rounds = ['100', '120', '90'].map((answer, i) => ({
      roundId: String(i + 1),
      answer: `${answer}00000000`,
      updatedAt: 1_767_600_000 + i * 60,
    }));
    const html = renderToStaticMarkup(<TokenPriceChart history={{ status: 'ok', feed: '0x1', decimals: 8, rounds }} />);
    expect(html).toMatch(/data-testid="token-price-chart" data-points="3"/);
    expect(html.match(/<circle/g)).toHaveLength(3);
    expect(html).toMatch(/low \$90\.00 · high \$120\.00/);
  });

  it('draws nothing for a token without a price feed, and says so', () => {
    const html = renderToStaticMarkup(<TokenPriceChart history={{ status: 'no-feed' }} />);
    expect(html).not.toMatch(/<svg/);
    expect(html).toMatch(/data-reason="no-feed"/);
  });
});
