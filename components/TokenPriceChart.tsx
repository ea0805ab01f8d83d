// A small picture of the price before the numbers: the feed's recent rounds as an inline SVG line,
// one dot per round read. A token without a price feed gets a plain note and nothing drawn.
import type { PriceHistoryView } from '@/lib/holdings';
import { formatUsd, formatWhen } from './PortfolioFormat';
import { priceChartPath } from './price-chart-path';

const BOX = { width: 320, height: 96, pad: 4 };

export function TokenPriceChart({ history }: { history: PriceHistoryView }) {
  if (history.status === 'no-feed')
    return (
      <p className="muted pf-small" data-testid="token-price-chart-note" data-reason="no-feed">
        No price feed for this token, so no chart of its past prices.
      </p>
    );
  if (history.status === 'unavailable' || history.rounds.length === 0)
    return (
      <p className="muted pf-small" data-testid="token-price-chart-note" data-reason="unavailable">
        Past prices could not be read{history.status === 'unavailable' ? `: ${history.reason}` : ''}.
      </p>
    );
  const { rounds, decimals } = history;
  const answers = rounds.map((r) => BigInt(r.answer));
  const { points, d, low, high } = priceChartPath(answers, BOX);
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  const label = `Price over the feed's last ${rounds.length} rounds: low ${formatUsd(low.toString(), decimals)}, high ${formatUsd(high.toString(), decimals)}`;
  return (
    <figure className="td-chart">
      <svg data-testid="token-price-chart" data-points={points.length} viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={label}>
        <path d={d} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
        {points.map((p, i) => (
          <circle key={rounds[i].roundId} cx={p.x} cy={p.y} r="2" data-round={rounds[i].roundId} data-answer={rounds[i].answer} />
        ))}
      </svg>
      <figcaption className="muted pf-small">
        {rounds.length === 1 ? '1 feed round' : `${rounds.length} feed rounds`}, {formatWhen(first.updatedAt * 1000)} to{' '}
        {formatWhen(last.updatedAt * 1000)} · low {formatUsd(low.toString(), decimals)} · high {formatUsd(high.toString(), decimals)}
      </figcaption>
    </figure>
  );
}
