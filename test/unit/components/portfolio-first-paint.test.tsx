// The popup's first paint of a long portfolio, rendered to HTML: the most valuable rows with the
// whole portfolio's total, the read time beside "refreshing", and a line saying how many rows
// are still to come.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PortfolioList } from '../../../components/PortfolioList';
import { firstPaintOf } from '../../../lib/holdings/first-paint';
import type { PortfolioResult } from '../../../lib/holdings';
import { numberedHolding } from './support';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const READ_AT = Date.UTC(2026, 0, 6, 15, 4);

// 50 holdings worth $1 ... $50: $1,275 in all.
const holdings = Array.from({ length: 50 }, (_, i) => numberedHolding(i + 1));
const whole: PortfolioResult = {
  refreshing: false,
  view: {
    chainId: 1,
    fetchedAt: READ_AT,
    blockNumber: '7',
    status: 'ok',
    market: { status: 'open', nextOpen: null },
    errors: [],
    chains: [{ chainId: 1, name: 'Ethereum', fetchedAt: READ_AT, blockNumber: '7', status: 'ok', errors: [] }],
    accounts: [{ address: ACCOUNT, totalValue: '127500000000', totalIncomplete: false, unpricedCount: 0, holdings, byChain: [] }],
    valueDecimals: 8,
  },
};

describe('PortfolioList from a first paint', () => {
  const first = firstPaintOf(whole, ACCOUNT)!;
  const html = renderToStaticMarkup(
    <PortfolioList view={first.view} account={first.view.accounts[0]} refreshing moreHoldings={first.moreHoldings} onOpen={() => undefined} />,
  );

  it("shows the whole portfolio's total over its most valuable rows", () => {
    expect(html).toMatch(/data-testid="portfolio-total" data-value="127500000000"/);
    expect(html).toMatch(/\$1,275\.00/);
    const rows = [...html.matchAll(/data-testid="portfolio-row" data-symbol="(S\d+)"/g)].map((m) => m[1]);
    expect(rows[0]).toBe('S50');
    expect(rows).toHaveLength(first.view.accounts[0].holdings.length);
    expect(rows).not.toContain('S1');
  });

  it('says how many rows are still to come, and keeps the read time beside "refreshing"', () => {
    expect(html).toContain(`Loading ${first.moreHoldings} more holdings…`);
    expect(html).toMatch(/Updated [^<]+ · refreshing…/);
  });

  it('says nothing is to come once the whole view is shown', () => {
    const all = renderToStaticMarkup(
      <PortfolioList view={whole.view} account={whole.view.accounts[0]} refreshing={false} onOpen={() => undefined} />,
    );
    expect(all).not.toContain('more holding');
    expect(all).toMatch(/Updated [^<]+<\/p>/);
    expect(all).not.toContain('refreshing');
  });
});
