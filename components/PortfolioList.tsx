// The portfolio of one account: market status, total value, one row per holding, and a notice
// when what is shown is older than the last refresh.
import { useEffect, useState } from 'react';
import type { HoldingView, PortfolioAccountView, PortfolioView } from '@/lib/holdings';
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
  onOpen(address: string, chainId: number): void;
}

/** Rows painted in the first frame; a long portfolio gets the rest one frame later. */
const FIRST_ROWS = 30;

const byValue = (a: HoldingView, b: HoldingView) => {
  if (a.value === null || b.value === null) return a.value === b.value ? 0 : a.value === null ? 1 : -1;
  const [x, y] = [BigInt(a.value), BigInt(b.value)];
  return x === y ? 0 : x > y ? -1 : 1;
};

function useAllRowsAfterFirstFrame(): boolean {
  const [all, setAll] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => setAll(true), 0));
    return () => cancelAnimationFrame(frame);
  }, []);
  return all;
}

export function PortfolioList({ view, account, refreshing, error, onOpen }: PortfolioListProps) {
  const all = useAllRowsAfterFirstFrame();
  const sorted = [...(account?.holdings ?? [])].sort(byValue);
  const holdings = all ? sorted : sorted.slice(0, FIRST_ROWS);
  const unpriced = account?.unpricedCount ?? 0;
  return (
    <section className="pf" data-testid="portfolio" aria-busy={refreshing}>
      <div className="pf-head">
        <div>
          <div className="pf-total-label">Total value</div>
          <div data-testid="portfolio-total" data-value={account?.totalValue ?? ''} data-excluded={unpriced}>
            <div className="pf-total">{account ? formatUsd(account.totalValue, view.valueDecimals) : '—'}</div>
            {unpriced > 0 && <div className="muted pf-small">excludes {unpriced === 1 ? '1 holding' : `${unpriced} holdings`} without a price</div>}
          </div>
        </div>
        <MarketStatusLine market={view.market} />
      </div>
      {view.notice && (
        <p className="pf-notice" role="status" data-testid="portfolio-notice">
          Showing data from {formatWhen(view.notice.since)}. {view.notice.message}
        </p>
      )}
      {error && !view.notice && (
        <p className="pf-notice" role="status">
          {error}
        </p>
      )}
      {holdings.length > 0 ? (
        <ul className="pf-list">
          {holdings.map((h) => (
            <PortfolioRow key={h.token.address} holding={h} onOpen={() => onOpen(h.token.address, h.token.chainId)} />
          ))}
        </ul>
      ) : (
        <p className="empty" data-testid="portfolio-empty">
          {view.status === 'empty' || refreshing
            ? 'Reading your holdings…'
            : view.status === 'failed'
              ? 'Could not read your holdings.'
              : 'No tokenized stocks in this account on this network.'}
        </p>
      )}
      {view.fetchedAt !== null && (
        <p className="muted pf-small pf-foot">
          {refreshing ? 'Refreshing…' : `Updated ${formatWhen(view.fetchedAt)}`}
          {view.blockNumber ? ` · block ${view.blockNumber}` : ''}
        </p>
      )}
    </section>
  );
}
