// Proof of reserves: reserves against supply from the issuer's feed, how fresh the report is,
// and a plain "not verifiable" when no feed exists.
import type { BackingView } from '@/lib/holdings';
import { formatAge, formatBps, formatUnitsText } from './PortfolioFormat';
import { SourceLink, UnverifiedLabel } from './TokenFacts';

export function TokenBacking({ backing }: { backing: BackingView }) {
  if (backing.status === 'not-verifiable' || backing.status === 'unavailable') {
    return (
      <div className="td-fact" data-testid="token-backing-ratio" data-status={backing.status}>
        <dt>Backing</dt>
        <dd>
          <strong>{backing.status === 'not-verifiable' ? 'Not verifiable' : 'Unavailable'}</strong>
          <div className="muted pf-small">{backing.reason}</div>
        </dd>
      </div>
    );
  }
  const under = backing.status === 'under-backed';
  return (
    <div className="td-fact" data-testid="token-backing-ratio" data-status={backing.status} data-ratio-bps={backing.ratioBps}>
      <dt>Backing</dt>
      <dd>
        <strong className={under ? 'td-warn' : 'td-ok'}>{formatBps(backing.ratioBps)}</strong>
        {under && <span className="td-warn"> · under-backed: reserves do not cover every token</span>}
        <div className="muted pf-small">
          {formatUnitsText(backing.reserves, backing.reservesDecimals, 2)} shares in reserve for{' '}
          {formatUnitsText(backing.supply, backing.supplyDecimals, 2)} tokens
        </div>
        <div className={`pf-small ${backing.fresh ? 'muted' : 'td-warn'}`}>
          Reported {formatAge(backing.ageSeconds)}
          {backing.fresh ? '' : ` — older than its ${Math.round(backing.heartbeatSeconds / 3600)} h heartbeat, may be out of date`}
        </div>
        <div className="pf-small muted">
          {backing.source.value ?? 'Reserve feed'} <UnverifiedLabel verified={backing.source.verified} />{' '}
          <SourceLink source={backing.source.source} />
        </div>
      </dd>
    </div>
  );
}
