// The portfolio of one account: market status, total value, one row per holding, and a notice
// when what is shown is older than the last refresh.
import type { PortfolioAccountView, PortfolioView } from '@/lib/wallet';
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

export function PortfolioList({ view, account, refreshing, error, onOpen }: PortfolioListProps) {
  const holdings = account?.holdings ?? [];
  const unpriced = holdings.filter((h) => h.value === null).length;
  return (
    <section className="pf" data-testid="portfolio" aria-busy={refreshing}>
      <div className="pf-head">
        <div>
          <div className="pf-total-label">Total value</div>
          <div className="pf-total" data-testid="portfolio-total" data-value={account?.totalValue ?? ''}>
            {account ? formatUsd(account.totalValue, view.valueDecimals) : '—'}
          </div>
          {unpriced > 0 && <div className="muted pf-small">Excludes {unpriced === 1 ? 'one holding' : `${unpriced} holdings`} without a price</div>}
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
          {view.status === 'empty' || refreshing ? 'Reading your holdings…' : view.status === 'failed' ? 'Could not read your holdings.' : 'No tokenized stocks in this account on this network.'}
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
