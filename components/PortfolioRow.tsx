// One holding in the portfolio list: what it is, how much, what it is worth, and any warning
// about that worth (a last close, an old price, a token outside the registry).
import type { HoldingView } from '@/lib/holdings';
import { formatAge, formatUnitsText, formatUsd, shortAddress } from './PortfolioFormat';
import { FeedUnverified } from './TokenFacts';

const PROTOCOL = { 'uniswap-v3': 'Uniswap V3', 'uniswap-v2': 'Uniswap V2' } as const;

/** The price and where it comes from: the token's feed, or the DEX pool it was read from and how deep that pool is. */
function HoldingPrice({ holding: h }: { holding: HoldingView }) {
  const price = h.price;
  if (!price) {
    return (
      <span className="pf-price muted" data-testid="holding-price" data-source="none">
        No price feed or DEX pool deep enough
      </span>
    );
  }
  const text = `${formatUsd(price.answer, price.decimals)} per token`;
  if (price.source === 'dex' && price.dex) {
    const { protocol, pool, fee, quote, depthUsd } = price.dex;
    const tier = fee === null ? '' : ` ${fee / 10_000}%`;
    return (
      <span
        className="pf-price"
        data-testid="holding-price"
        data-source="dex"
        data-pool={pool}
        data-answer={price.answer}
        data-decimals={price.decimals}
      >
        DEX price {text} · {PROTOCOL[protocol]} {h.token.symbol}/{quote}
        {tier} pool {shortAddress(pool)} · depth {formatUsd(depthUsd, price.decimals)}
      </span>
    );
  }
  return (
    <span className="pf-price muted" data-testid="holding-price" data-source="feed" data-answer={price.answer} data-decimals={price.decimals}>
      {price.per === 'token' ? (
        <>
          {formatUsd(price.answer, price.decimals)} per token · token price feed <FeedUnverified feeds={h.unverifiedFeeds} kind="tokenPrice" />
        </>
      ) : (
        <>
          {formatUsd(price.answer, price.decimals)} per share · price feed <FeedUnverified feeds={h.unverifiedFeeds} kind="price" />
        </>
      )}
    </span>
  );
}

function priceWarnings(h: HoldingView): string[] {
  const warnings: string[] = [];
  if (h.price?.reasons.includes('market-closed')) warnings.push('Last close: the market is closed');
  if (h.price?.reasons.includes('older-than-heartbeat')) warnings.push(`Stale price, updated ${formatAge(h.price.ageSeconds)}`);
  if (!h.price && h.unavailable.includes('price')) warnings.push('Price feed unavailable');
  if (h.fromLastGood) warnings.push(`Partly from an earlier read (${h.fromLastGood.fields.join(', ')})`);
  if (h.imitation?.address) warnings.push(`Not the registry's ${h.imitation.of}: its symbol reads the same, other contract`);
  else if (h.imitation) warnings.push(`Not ${h.imitation.of}: its symbol imitates it with look-alike or invisible characters`);
  return warnings;
}

function underlyingText(h: HoldingView): string | null {
  if (!h.underlying) return null;
  if (h.underlyingAmount === null) return `${h.underlying.name} · shares unknown`;
  return `${h.underlying.name} · ≈ ${formatUnitsText(h.underlyingAmount, h.token.decimals)} ${h.underlying.ticker} shares`;
}

export function PortfolioRow({ holding: h, onOpen }: { holding: HoldingView; onOpen(): void }) {
  const warnings = priceWarnings(h);
  const sub = underlyingText(h);
  return (
    <li className="pf-row" data-testid="portfolio-row" data-symbol={h.token.symbol} data-address={h.token.address} data-chain-id={h.token.chainId}>
      <button type="button" className="pf-open" onClick={onOpen} aria-label={`${h.token.symbol} details`}>
        <span className="pf-what">
          <span className="pf-symbol">
            {h.label ?? h.token.symbol}
            {!h.verified && <span className="badge pf-unverified">{h.listed ? 'unverified' : 'not in registry · unverified'}</span>}
            {h.foundOnChain && <span className="badge pf-found">{h.foundOnChain}</span>}
          </span>
          {sub && (
            <span className="pf-sub" data-testid="holding-shares" data-amount={h.underlyingAmount ?? ''}>
              {sub} <FeedUnverified feeds={h.unverifiedFeeds} kind="multiplierOracle" />
            </span>
          )}
          <HoldingPrice holding={h} />
        </span>
        <span className="pf-amounts">
          <span className="pf-value" data-testid="holding-value" data-value={h.value ?? ''} data-value-decimals={h.valueDecimals}>
            {h.value === null ? 'No price' : formatUsd(h.value, h.valueDecimals)}
          </span>
          <span className="pf-balance" data-testid="holding-balance" data-amount={h.amount} data-decimals={h.token.decimals}>
            {formatUnitsText(h.amount, h.token.decimals)} {h.token.symbol}
          </span>
        </span>
      </button>
      {warnings.length > 0 && (
        <ul className="pf-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
