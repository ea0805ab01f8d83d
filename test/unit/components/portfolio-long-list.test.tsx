// @vitest-environment happy-dom
// A long portfolio in the popup, mounted: its first rows at once, 50 a frame later, and 50 more
// each time the line under the list comes near sight, in the order the list shows them (network
// by network when grouped), until every row is there. The total is the whole account's throughout.
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PortfolioList } from '../../../components/PortfolioList';
import type { HoldingView, PortfolioView } from '../../../lib/holdings';
import { mountedRoot, numberedHolding } from './support';

const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';

const chain = (chainId: number, name: string) => ({ chainId, name, fetchedAt: 1, blockNumber: '1', status: 'ok' as const, errors: [] });

/** 130 holdings worth $1 ... $130: the odd ones on Ethereum, the even ones on BNB Chain. */
function longView(): PortfolioView {
  const holdings = Array.from({ length: 130 }, (_, i) => numberedHolding(i + 1, (i + 1) % 2 === 1 ? 1 : 56));
  const sum = (of: HoldingView[]) => String(of.reduce((n, h) => n + BigInt(h.value ?? 0), 0n));
  const on = (chainId: number) => holdings.filter((h) => h.token.chainId === chainId);
  return {
    chainId: 1,
    fetchedAt: 1,
    blockNumber: '1',
    status: 'ok',
    market: { status: 'open', nextOpen: null },
    errors: [],
    chains: [chain(1, 'Ethereum'), chain(56, 'BNB Chain')],
    accounts: [
      {
        address: ACCOUNT,
        totalValue: sum(holdings),
        totalIncomplete: false,
        unpricedCount: 0,
        holdings,
        byChain: [
          { chainId: 1, totalValue: sum(on(1)), totalIncomplete: false, unpricedCount: 0 },
          { chainId: 56, totalValue: sum(on(56)), totalIncomplete: false, unpricedCount: 0 },
        ],
      },
    ],
    valueDecimals: 8,
  };
}

/** Stands in for the browser's IntersectionObserver: the test says when the observed line comes near. */
class NearbyLine {
  static live = new Set<NearbyLine>();
  constructor(private readonly callback: (entries: { isIntersecting: boolean }[]) => void) {}
  observe() {
    NearbyLine.live.add(this);
  }
  disconnect() {
    NearbyLine.live.delete(this);
  }
  static comeNear() {
    for (const o of [...NearbyLine.live]) o.callback([{ isIntersecting: true }]);
  }
}

const mounted = mountedRoot({
  before: () => vi.stubGlobal('IntersectionObserver', NearbyLine),
  after: () => {
    NearbyLine.live.clear();
    vi.unstubAllGlobals();
  },
});

const rows = () => [...mounted.host.querySelectorAll('[data-testid="portfolio-row"]')].map((r) => (r as HTMLElement).dataset.symbol);
const moreLine = () => mounted.host.querySelector('[data-testid="portfolio-more-rows"]');
const nextFrame = () => act(() => new Promise((resolve) => setTimeout(resolve, 50)));

function mount(view: PortfolioView) {
  act(() => mounted.root.render(<PortfolioList view={view} account={view.accounts[0]} refreshing={false} onOpen={() => undefined} />));
}

describe('a long portfolio in the popup', () => {
  it('grows by steps as the end of the list comes near, and stops at the last row', async () => {
    const view = longView();
    // One network only: no grouping, highest value first.
    mount({ ...view, chains: [view.chains[0]], accounts: [{ ...view.accounts[0], byChain: [view.accounts[0].byChain[0]] }] });
    expect(rows()).toHaveLength(12);
    expect(rows()[0]).toBe('S130');
    expect(mounted.host.querySelector('[data-testid="portfolio-total"]')?.getAttribute('data-value')).toBe(view.accounts[0].totalValue);

    await nextFrame();
    expect(rows()).toHaveLength(50);
    expect(moreLine()?.textContent).toBe('Showing 50 of 130 · more as you scroll');

    act(() => NearbyLine.comeNear());
    expect(rows()).toHaveLength(100);
    act(() => NearbyLine.comeNear());
    expect(rows()).toHaveLength(130);
    expect(rows().at(-1)).toBe('S1');
    expect(moreLine()).toBeNull();
    expect(NearbyLine.live.size).toBe(0);
  });

  it('cuts a grouped list in the order it shows, network by network', async () => {
    mount(longView());
    await nextFrame();
    const shown = rows();
    // Ethereum's 65 rows come first: the first 50 shown are all Ethereum's, most valuable first.
    expect(shown).toHaveLength(50);
    expect(shown[0]).toBe('S129');
    expect(shown.every((s) => Number(s?.slice(1)) % 2 === 1)).toBe(true);
    act(() => NearbyLine.comeNear());
    expect(rows().slice(65, 67)).toEqual(['S130', 'S128']);
    expect(mounted.host.querySelectorAll('[data-testid="portfolio-chain"]').length).toBe(2);
  });
});
