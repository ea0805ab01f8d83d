// The portfolio of one account over every network read: market status, the total of the rows
// shown, the network filter, one row per holding (under a heading per network when several are
// shown), and a notice per network whose data is older than its last refresh.
import { useCallback, useEffect, useRef, useState } from 'react';
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

/** Rows added one frame after the first paint, and again each time the end of the list comes near. */
const ROWS_PER_STEP = 50;

/**
 * How many rows to render: the first paint's, one step more a frame later, and a step more each
 * time `more` is called. A long portfolio (1,419 rows) rendered whole kept the popup's renderer
 * busy long after its first paint, and the next popup open waited for it.
 */
function useRowLimit(): [number, () => void] {
  const [limit, setLimit] = useState(FIRST_PAINT_ROWS);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setLimit((n) => Math.max(n, ROWS_PER_STEP)), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  const more = useCallback(() => setLimit((n) => n + ROWS_PER_STEP), []);
  return [limit, more];
}

/** The line under a list cut short: asks for more rows while it is still a screen below sight. */
function MoreRows({ shown, total, onNear }: { shown: number; total: number; onNear(): void }) {
  const line = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const el = line.current;
    if (!el) return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && onNear(), {
      rootMargin: '0px 0px 600px 0px',
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [onNear]);
  return (
    <p ref={line} className="muted pf-small" data-testid="portfolio-more-rows" data-shown={shown} data-total={total}>
      Showing {shown} of {total} · more as you scroll
    </p>
  );
}

const NO_TOTAL = { totalValue: '0', unpricedCount: 0 };

export function PortfolioList({ view, account, refreshing, error, moreHoldings = 0, onOpen }: PortfolioListProps) {
  const [limit, showMore] = useRowLimit();
  const [filter, setFilter] = useState<ChainFilterValue>('all');
  // A filter on a network no longer read shows everything again.
  const chainFilter = filter !== 'all' && !view.chains.some((c) => c.chainId === filter) ? 'all' : filter;
  const shown = (account?.holdings ?? []).filter((h) => chainFilter === 'all' || h.token.chainId === chainFilter);
  const sorted = shown.sort(compareByValue);
  const total = chainFilter === 'all' ? account : (account?.byChain.find((c) => c.chainId === chainFilter) ?? (account && NO_TOTAL));
  const unpriced = total?.unpricedCount ?? 0;
  const heldOn = account?.byChain ?? [];
  const grouped = chainFilter === 'all' && heldOn.length > 1;
  // A long portfolio paints its first rows in the first frame, more a frame later, and the rest
  // as the user scrolls towards them, in the order shown (network by network when grouped).
  const ordered = grouped ? heldOn.flatMap((c) => sorted.filter((h) => h.token.chainId === c.chainId)) : sorted;
  const holdings = ordered.slice(0, limit);
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
      {/* Keyed by length: a new line is observed anew, so one still in reach after more rows came asks again. */}
      {holdings.length < ordered.length && <MoreRows key={holdings.length} shown={holdings.length} total={ordered.length} onNear={showMore} />}
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
