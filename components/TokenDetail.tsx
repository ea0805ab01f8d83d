// Everything Sharekeep knows about one tokenized stock: what it tracks, who stands behind it,
// what backs it, what changed its balance, what it does not give you, and whether you may hold it.
import type { ReactNode } from 'react';
import type { TokenDetailView } from '@/lib/holdings';
import { formatAge, formatUnitsText, formatUsd } from './PortfolioFormat';
import { MarketStatusLine } from './PortfolioList';
import { TokenBacking } from './TokenBacking';
import { TokenCorporateActions } from './TokenCorporateActions';
import { FactRow, FeedUnverified, SourceLink, UnverifiedLabel } from './TokenFacts';
import { TokenPriceChart } from './TokenPriceChart';
import './Portfolio.css';

const STRUCTURE_TEXT = {
  'custody-backed': 'Custody-backed: the issuer holds the shares with a custodian',
  synthetic: 'Synthetic: tracks the price; no shares are held',
  derivative: 'Derivative: a contract with the issuer that pays the share price',
} as const;

type Underlying = NonNullable<TokenDetailView['underlying']['value']>;
const underlyingText = (u: Underlying) => [`${u.name} (${u.ticker})`, u.exchange, u.isin && `ISIN ${u.isin}`].filter(Boolean).join(' · ');

/** Shows the verdict of compliance's one lookup, in its own words: the signing verdict quotes the same sentence. */
function RestrictionLine({ restriction: r }: { restriction: TokenDetailView['restriction'] }) {
  const clear = r.allowed && r.standing !== 'unconfirmed' && r.rule !== 'unknown';
  return (
    <div
      className="td-fact"
      data-testid="token-restriction"
      data-allowed={r.allowed}
      data-rule={r.rule}
      data-standing={r.standing}
      data-verified={r.verified}
    >
      <dt>Where you may hold it</dt>
      <dd className={clear ? '' : 'td-warn'}>
        {r.message} <UnverifiedLabel verified={r.verified} /> <SourceLink source={r.source} />
        {r.read && <span className="muted"> (read {r.read})</span>}
      </dd>
    </div>
  );
}

/** `children`: actions shown under the position (mint and redeem with the issuer). */
export function TokenDetail({ view, children }: { view: TokenDetailView & { readError?: string | null }; children?: ReactNode }) {
  return (
    <section className="screen td" data-testid="token-detail" data-symbol={view.symbol} data-address={view.address} data-chain-id={view.chainId}>
      <h2>
        {view.label ?? view.symbol} <span className="muted td-name">{view.name}</span> <UnverifiedLabel verified={view.verified} />
      </h2>
      {!view.listed && <p className="pf-notice">This token is not in Sharekeep's registry: nothing about it has been checked.</p>}
      {view.foundOnChain && (
        <p className="pf-notice">
          Not in this release of Sharekeep's registry: {view.foundOnChain}. Its issuer's facts apply; the token itself is unverified.
        </p>
      )}
      {view.imitation && (
        <p className="pf-notice td-block-warn" data-testid="token-lookalike">
          {view.imitation.address
            ? `Its symbol or name reads as the registry's ${view.imitation.of} (${view.imitation.address}), but this is another contract. It may be an imitation.`
            : `Its symbol or name spells ${view.imitation.of} with look-alike or invisible characters. It may be an imitation.`}
        </p>
      )}
      {view.readError && <p className="pf-notice">Could not read the network: {view.readError}</p>}

      <div className="td-position">
        {view.holding ? (
          <>
            <strong>
              {formatUnitsText(view.holding.amount, view.decimals)} {view.symbol}
            </strong>
            {view.holding.underlyingAmount !== null && view.underlying.value && (
              <span className="muted">
                {' '}
                ≈ {formatUnitsText(view.holding.underlyingAmount, view.decimals)} {view.underlying.value.ticker} shares{' '}
                <FeedUnverified feeds={view.unverifiedFeeds} kind="multiplierOracle" />
              </span>
            )}
            {view.holding.value !== null && <span> · {formatUsd(view.holding.value, view.holding.valueDecimals)}</span>}
          </>
        ) : (
          <span className="muted">You hold none in this account.</span>
        )}
        <div className="pf-small">
          {view.price ? (
            <span className={view.price.status === 'stale' ? 'td-warn' : 'muted'}>
              {view.price.source === 'dex' && view.price.dex
                ? `DEX price ${formatUsd(view.price.answer, view.price.decimals)} per token (${view.price.dex.quote} pool, depth ${formatUsd(view.price.dex.depthUsd, view.price.decimals)}), read ${formatAge(view.price.ageSeconds)}`
                : `${formatUsd(view.price.answer, view.price.decimals)} per ${view.price.per === 'token' ? 'token (its feed includes the multiplier)' : 'share'}, updated ${formatAge(view.price.ageSeconds)}`}
              {view.price.reasons.includes('market-closed') ? ' · last close' : ''}
              {view.price.reasons.includes('older-than-heartbeat') ? ' · stale' : ''}
              {view.price.source !== 'dex' && (
                <>
                  {' '}
                  <FeedUnverified feeds={view.unverifiedFeeds} kind={view.price.per === 'token' ? 'tokenPrice' : 'price'} />
                </>
              )}
            </span>
          ) : (
            <span className="muted">No price feed or DEX pool deep enough</span>
          )}{' '}
          · <MarketStatusLine market={view.market} />
        </div>
      </div>
      <TokenPriceChart history={view.priceHistory} />
      {children}

      <dl className="td-facts">
        <FactRow label="Underlying" fact={view.underlying} render={underlyingText} testId="token-underlying" />
        <div className="td-fact" data-testid="token-issuer" data-verified={view.issuer.name.verified && view.issuer.legalEntity.verified}>
          <dt>Issuer</dt>
          <dd>
            {view.issuer.name.value ?? <span className="muted">Not on record</span>} <UnverifiedLabel verified={view.issuer.name.verified} />
            <div className="pf-small">
              Legal entity: {view.issuer.legalEntity.value ?? <span className="muted">not on record</span>}{' '}
              <UnverifiedLabel verified={view.issuer.legalEntity.verified} /> <SourceLink source={view.issuer.legalEntity.source} />
            </div>
            <div className="pf-small">
              Jurisdiction: {view.issuer.jurisdiction.value ?? <span className="muted">not on record</span>}{' '}
              <UnverifiedLabel verified={view.issuer.jurisdiction.verified} />
            </div>
          </dd>
        </div>
        <FactRow label="Structure" fact={view.structure} render={(s: keyof typeof STRUCTURE_TEXT) => STRUCTURE_TEXT[s]} testId="token-structure" />
        <FactRow label="Custodian" fact={view.custodian} testId="token-custodian" />
        <TokenBacking backing={view.backing} unverifiedFeeds={view.unverifiedFeeds} />
        <RestrictionLine restriction={view.restriction} />
      </dl>

      <h3 className="td-h">Corporate actions</h3>
      <TokenCorporateActions actions={view.corporateActions} tokenSymbol={view.symbol} />

      <h3 className="td-h">What this token does not give you</h3>
      <ul className="td-list" data-testid="token-rights">
        {view.rightsNotGiven.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ul>
    </section>
  );
}
