// Proof of reserves: reserves against supply from the issuer's feed, how fresh the report is,
// and a plain "not verifiable" when no feed exists.
import type { BackingCoverage, BackingView, TokenDetailView } from '@/lib/holdings';
import { formatAge, formatBps, formatUnitsText } from './PortfolioFormat';
import { FeedUnverified, SourceLink, UnverifiedLabel } from './TokenFacts';

const MISSING_TEXT = {
  disabled: 'turned off in Settings',
  'unknown-network': 'a network Sharekeep does not have',
  'not-read': 'not read yet',
  failed: 'its node did not answer',
} as const;

/** Which chains' supply the reserves are measured against; a missing chain is named, since its tokens are not counted. */
function BackingChains({ coverage: c, supplyDecimals }: { coverage: BackingCoverage; supplyDecimals: number }) {
  const summed = c.chains.map((chain) => `${chain.name} ${formatUnitsText(chain.supply, supplyDecimals, 2)}`).join(' + ');
  if (c.scope === 'all-chains') {
    return (
      <div className="pf-small muted" data-testid="token-backing-chains" data-scope={c.scope}>
        {c.chains.length > 1 ? `Supply of every chain it is on: ${summed}` : `Supply of its only chain, ${c.chains[0]?.name}`}
      </div>
    );
  }
  const missing = c.missing.map((m) => `${m.name} (${MISSING_TEXT[m.reason]})`).join(', ');
  return (
    <div
      className="pf-small td-warn"
      data-testid="token-backing-chains"
      data-scope={c.scope}
      data-missing={c.missing.map((m) => m.chainId).join(',')}
    >
      {c.scope === 'this-chain-only' ? `This chain only: ${summed}.` : `Supply of ${summed} only.`} Also issued on {missing}, whose tokens are not
      counted: the ratio overstates the backing.
    </div>
  );
}

export function TokenBacking({ backing, unverifiedFeeds }: { backing: BackingView; unverifiedFeeds?: TokenDetailView['unverifiedFeeds'] }) {
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
  // Over fewer chains than the token is issued on, the ratio is only an upper bound.
  const partial = backing.coverage.scope !== 'all-chains';
  return (
    <div className="td-fact" data-testid="token-backing-ratio" data-status={backing.status} data-ratio-bps={backing.ratioBps}>
      <dt>Backing</dt>
      <dd>
        <strong className={under ? 'td-warn' : partial ? '' : 'td-ok'}>
          {partial ? 'at most ' : ''}
          {formatBps(backing.ratioBps)}
        </strong>
        {under && <span className="td-warn"> · under-backed: reserves do not cover every token</span>}
        <div className="muted pf-small">
          {formatUnitsText(backing.reserves, backing.reservesDecimals, 2)} shares in reserve for{' '}
          {formatUnitsText(backing.supply, backing.supplyDecimals, 2)} tokens <FeedUnverified feeds={unverifiedFeeds} kind="reserve" />
        </div>
        <BackingChains coverage={backing.coverage} supplyDecimals={backing.supplyDecimals} />
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
