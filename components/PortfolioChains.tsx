// The portfolio across networks: the filter that narrows the rows to one chain, each chain's
// notice when what it shows is older than its last refresh or could not be read at all, and a
// heading per chain when the rows of several chains are shown together.
import type { PortfolioChainView, PortfolioView } from '@/lib/holdings';
import { formatUsd, formatWhen } from './PortfolioFormat';

export type ChainFilterValue = 'all' | number;

export function ChainFilter({
  chains,
  value,
  onChange,
}: {
  chains: readonly PortfolioChainView[];
  value: ChainFilterValue;
  onChange(value: ChainFilterValue): void;
}) {
  return (
    <label className="pf-chain-filter">
      <span className="muted pf-small">Networks</span>
      <select data-testid="chain-filter" value={String(value)} onChange={(e) => onChange(e.target.value === 'all' ? 'all' : Number(e.target.value))}>
        <option value="all">All networks</option>
        {chains.map((c) => (
          <option key={c.chainId} value={c.chainId}>
            {c.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One line per chain whose data is older than its last refresh, or that has never been read. */
export function ChainNotices({ view, filter }: { view: PortfolioView; filter: ChainFilterValue }) {
  const several = view.chains.length > 1;
  const shown = view.chains.filter((c) => filter === 'all' || c.chainId === filter);
  return (
    <>
      {shown.map((c) => {
        const on = several ? ` on ${c.name}` : '';
        if (c.notice)
          return (
            <p key={c.chainId} className="pf-notice" role="status" data-testid="portfolio-notice" data-chain-id={c.chainId}>
              Showing data{on} from {formatWhen(c.notice.since)}. {c.notice.message}
            </p>
          );
        if (c.status === 'failed' && several)
          return (
            <p key={c.chainId} className="pf-notice" role="status" data-testid="portfolio-chain-failed" data-chain-id={c.chainId}>
              Could not read your holdings on {c.name}: {c.errors[0]?.message ?? 'its RPC did not answer'}. The other networks are shown.
            </p>
          );
        return null;
      })}
    </>
  );
}

export function ChainHeading({ chain, total, decimals }: { chain: PortfolioChainView | undefined; total: string; decimals: number }) {
  return (
    <li className="pf-chain-head" data-testid="portfolio-chain" data-chain-id={chain?.chainId}>
      <span>{chain?.name ?? 'Other network'}</span>
      <span className="muted">{formatUsd(total, decimals)}</span>
    </li>
  );
}
