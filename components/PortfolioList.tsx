// The portfolio of one account over every network read: market status, the total of the rows
// shown, the network filter, one row per holding (under a heading per network when several are
// shown), and a notice per network whose data is older than its last refresh.
import { useEffect, useState } from 'react';
import type { HoldingView, PortfolioAccountView, PortfolioView } from '@/lib/holdings';
// The module itself, not the folder's index: the popup needs only these, not the refresh service.
import { compareByValue, FIRST_PAINT_ROWS } from '../lib/holdings/first-paint';
import { ChainFilter, type ChainFilterValue, ChainHeading, ChainNotices } from './PortfolioChains';
import { formatUsd, formatWhen } from './PortfolioFormat';
import { PortfolioRow } from './PortfolioRow';
import './Portfolio.css';

const MARKET_TEXT = { open: 'NYSE open', closed: 'NYSE closed', weekend: 'NYSE closed for the weekend', holiday: 'NYSE holiday' } as const;

export function MarketStatusLine({ market }: { market: PortfolioView['market'] }) {
  const next = market.nextOpen === null ? '' : ` · opens ${formatWhen(market.nextOpen)}`;
  return (
    <span className={`pf-market pf-market-${market.status}`} data-testid="market-status" data-status={market.status}>
      {MARKET_TEXT[market.status]}
      {market.holiday ? ` (${market.holiday})` : ''}
      {next}
    </span>
  );
}

export interface PortfolioListProps {
  view: PortfolioView;
  account: PortfolioAccountView | undefined;
  refreshing: boolean;
  /** A command failed (the view shown is the last one that arrived). */
  error?: string;
  /** Holdings of the account not in `account.holdings` yet (a first paint); its totals count them. */
  moreHoldings?: number;
  onOpen(address: string, chainId: number): void;
}

function useAllRowsAfterFirstFrame(): boolean {
  const [all, setAll] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setAll(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return all;
}

const NO_TOTAL = { totalValue: '0', unpricedCount: 0 };

export function PortfolioList({ view, account, refreshing, error, moreHoldings = 0, onOpen }: PortfolioListProps) {
  const all = useAllRowsAfterFirstFrame();
  const [filter, setFilter] = useState<ChainFilterValue>('all');
  // A filter on a network no longer read shows everything again.
  const chainFilter = filter !== 'all' && !view.chains.some((c) => c.chainId === filter) ? 'all' : filter;
  const shown = (account?.holdings ?? []).filter((h) => chainFilter === 'all' || h.token.chainId === chainFilter);
  const sorted = shown.sort(compareByValue);
  // A long portfolio paints its first rows in the first frame and the rest one frame later.
  const holdings = all ? sorted : sorted.slice(0, FIRST_PAINT_ROWS);
  const total = chainFilter === 'all' ? account : (account?.byChain.find((c) => c.chainId === chainFilter) ?? (account && NO_TOTAL));
  const unpriced = total?.unpricedCount ?? 0;
  const heldOn = account?.byChain ?? [];
  const grouped = chainFilter === 'all' && heldOn.length > 1;
  const several = view.chains.length > 1;
  return (
    <section className="pf" data-testid="portfolio" aria-busy={refreshing}>
      <div className="pf-head">
        <div>
          <div className="pf-total-label">Total value{several && chainFilter === 'all' ? ' on all networks' : ''}</div>
          <div data-testid="portfolio-total" data-value={total?.totalValue ?? ''} data-excluded={unpriced}>
            <div className="pf-total">{total ? formatUsd(total.totalValue, view.valueDecimals) : '—'}</div>
            {unpriced > 0 && <div className="muted pf-small">excludes {unpriced === 1 ? '1 holding' : `${unpriced} holdings`} without a price</div>}
          </div>
        </div>
        <MarketStatusLine market={view.market} />
      </div>
      {several && <ChainFilter chains={view.chains} value={chainFilter} onChange={setFilter} />}
      <ChainNotices view={view} filter={chainFilter} />
      {error && !view.notice && (
        <p className="pf-notice" role="status">
          {error}
        </p>
      )}
      {holdings.length > 0 ? (
        <ul className="pf-list">
          {grouped
            ? heldOn.flatMap((c) => {
                const rows = holdings.filter((h) => h.token.chainId === c.chainId);
                if (rows.length === 0) return [];
                const chain = view.chains.find((v) => v.chainId === c.chainId);
                return [
                  <ChainHeading key={`chain:${c.chainId}`} chain={chain} total={c.totalValue} decimals={view.valueDecimals} />,
                  ...rows.map((h) => <Row key={`${h.token.chainId}:${h.token.address}`} holding={h} onOpen={onOpen} />),
                ];
              })
            : holdings.map((h) => <Row key={`${h.token.chainId}:${h.token.address}`} holding={h} onOpen={onOpen} />)}
        </ul>
      ) : (
        <p className="empty" data-testid="portfolio-empty">
          {view.status === 'empty' || refreshing
            ? 'Reading your holdings…'
            : view.status === 'failed'
              ? 'Could not read your holdings.'
              : `No tokenized stocks in this account on ${several && chainFilter === 'all' ? 'these networks' : 'this network'}.`}
        </p>
      )}
      {moreHoldings > 0 && (
        <p className="muted pf-small" role="status">
          Loading {moreHoldings === 1 ? '1 more holding' : `${moreHoldings} more holdings`}…
        </p>
      )}
      {view.fetchedAt !== null && (
        <p className="muted pf-small pf-foot">
          {/* What is shown while a refresh runs is still as of its read: the time stays beside "refreshing". */}
          {`Updated ${formatWhen(view.fetchedAt)}${refreshing ? ' · refreshing…' : ''}`}
          {view.blockNumber && !several ? ` · block ${view.blockNumber}` : ''}
        </p>
      )}
    </section>
  );
}

function Row({ holding, onOpen }: { holding: HoldingView; onOpen(address: string, chainId: number): void }) {
  return <PortfolioRow holding={holding} onOpen={() => onOpen(holding.token.address, holding.token.chainId)} />;
}
