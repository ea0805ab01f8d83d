// How splits, dividends and fees reach this token's balance, and what they did so far.
import type { CorporateActionsView } from '@/lib/holdings';
import { formatBps, formatDate, formatFactor, formatUnitsText } from './PortfolioFormat';

const MODEL_TEXT: Record<CorporateActionsView['model'], string> = {
  multiplier: 'Splits, reinvested dividends and the management fee change a multiplier; your balance moves with it.',
  'balance-per-share': 'Splits change the balance per share; dividends are paid separately in stablecoin.',
  'oracle-multiplier': 'Your token balance never changes; an oracle says how many shares one token is worth.',
  none: 'One token stands for one share; no on-chain corporate-action adjustment.',
};

const FACTOR_NAME: Record<CorporateActionsView['model'], string> = {
  multiplier: 'Multiplier',
  'balance-per-share': 'Balance per share',
  'oracle-multiplier': 'Shares per token',
  none: '',
};

export function TokenCorporateActions({ actions, tokenSymbol }: { actions: CorporateActionsView; tokenSymbol: string }) {
  return (
    <div className="td-block" data-testid="token-corporate-actions" data-model={actions.model}>
      <p className="pf-small">{MODEL_TEXT[actions.model]}</p>
      {actions.factor && (
        <p className="pf-small">
          {FACTOR_NAME[actions.model]} now: <strong>{formatFactor(actions.factor)}</strong>
        </p>
      )}
      {actions.history.length > 0 && (
        <>
          <h4>History</h4>
          <ul className="td-list">
            {actions.history.map((e, i) => (
              <li key={`${e.transactionHash ?? i}-${e.value}`}>
                {FACTOR_NAME[actions.model] || 'Factor'} set to {formatFactor(e.value)}
                {e.activationTime ? <span className="muted"> · from {formatDate(e.activationTime)}</span> : null}
                {e.blockNumber ? <span className="muted"> · block {e.blockNumber}</span> : null}
              </li>
            ))}
          </ul>
          {actions.historySource === 'views' && (
            <p className="pf-small muted">Read from the token's own update log: fee deductions are not listed one by one.</p>
          )}
        </>
      )}
      {actions.scheduled.length > 0 && (
        <>
          <h4>Scheduled</h4>
          <ul className="td-list">
            {actions.scheduled.map((s) => (
              <li key={`${s.activationTime}-${s.value}`} className="td-warn">
                Multiplier becomes {formatFactor(s.value)} on {formatDate(s.activationTime)} (not active yet)
              </li>
            ))}
          </ul>
        </>
      )}
      {actions.dividends.length > 0 && (
        <>
          <h4>Dividends received</h4>
          <ul className="td-list">
            {actions.dividends.map((d) => (
              <li key={`${d.contract}-${d.distributionId}-${d.transactionHash}`}>
                {d.currency ? `${formatUnitsText(d.amount, d.currency.decimals, 2)} ${d.currency.symbol}` : `${d.amount} (currency unknown)`}
                <span className="muted">
                  {' '}
                  · distribution {d.distributionId}
                  {d.blockNumber ? `, block ${d.blockNumber}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {actions.announced.length > 0 && (
        <>
          <h4>Dividends announced</h4>
          <ul className="td-list">
            {actions.announced.map((d) => (
              <li
                key={`${d.contract}-${d.distributionId}`}
                data-testid="announced-distribution"
                data-state={d.state}
                data-distribution-id={d.distributionId}
                data-start={d.startDate ?? ''}
                data-end={d.endDate ?? ''}
                className={d.state === 'open' ? 'td-ok' : undefined}
              >
                <AnnouncedLine d={d} />
              </li>
            ))}
          </ul>
          <p className="pf-small muted">Announced by the issuer's distribution contract, whose announcement does not name the stock it pays for.</p>
        </>
      )}
      {actions.model === 'multiplier' && (
        <p className="pf-small">
          Management fee:{' '}
          {actions.annualFeeBps === null ? (
            <span className="muted">not stated on-chain</span>
          ) : (
            <strong>{formatBps(actions.annualFeeBps, 2)} a year</strong>
          )}
          {actions.annualFeeBps !== null && <span className="muted"> (deducted from the multiplier, so from your {tokenSymbol} balance)</span>}
          {actions.fee?.periodsPassed && actions.fee.periodsPassed !== '0' && (
            <span className="muted">
              {' '}
              · {actions.fee.periodsPassed} fee period{actions.fee.periodsPassed === '1' ? '' : 's'} accrued since{' '}
              {actions.fee.lastAppliedAt ? formatDate(actions.fee.lastAppliedAt) : 'the last transfer'}, already counted in your balance
            </span>
          )}
        </p>
      )}
      {actions.history.length === 0 &&
        actions.scheduled.length === 0 &&
        actions.dividends.length === 0 &&
        actions.announced.length === 0 &&
        actions.model !== 'none' && <p className="pf-small muted">No corporate actions recorded on-chain.</p>}
      {actions.errors.length > 0 && <p className="pf-small td-warn">Part of the history could not be read from the network.</p>}
    </div>
  );
}

const STATE_TEXT: Record<CorporateActionsView['announced'][number]['state'], string> = {
  upcoming: 'upcoming',
  open: 'open now',
  ended: 'ended',
};

function AnnouncedLine({ d }: { d: CorporateActionsView['announced'][number] }) {
  const amount = (raw: string) => (d.currency ? `${formatUnitsText(raw, d.currency.decimals, 2)} ${d.currency.symbol}` : `${raw} (currency unknown)`);
  const window =
    d.startDate !== null && d.endDate !== null
      ? `${formatDate(d.startDate)} to ${formatDate(d.endDate)}`
      : d.endDate !== null
        ? `until ${formatDate(d.endDate)}`
        : null;
  return (
    <>
      {d.totalDistribution !== null ? amount(d.totalDistribution) : 'Distribution'} <strong>{STATE_TEXT[d.state]}</strong>
      {window && <span className="muted"> · {window}</span>}
      {d.reclaimed ? (
        <span className="muted"> · what was left has been reclaimed</span>
      ) : (
        d.remaining !== null && <span className="muted"> · {amount(d.remaining)} left to pay</span>
      )}
      <span className="muted"> · distribution {d.distributionId}</span>
    </>
  );
}
