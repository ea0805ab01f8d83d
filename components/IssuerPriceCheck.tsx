// The quote's price sanity line: the quoted price against the wallet's own price and the quote's
// own sums, as the background judged them (warn over 2%, refuse over 10%, or no price to compare).
import type { PriceCheck } from '@/lib/issuers';
import './Issuer.css';

const TITLE: Record<PriceCheck['level'], string> = {
  ok: 'Price checked',
  warn: 'Check the price',
  block: 'Price refused',
  unknown: 'Price not checked',
};

export function IssuerPriceCheck({ check }: { check: PriceCheck }) {
  return (
    <p className="issuer-price-check" role={check.level === 'block' ? 'alert' : undefined} data-testid="issuer-price-check" data-level={check.level}>
      <strong>{TITLE[check.level]}:</strong> {check.message}
    </p>
  );
}
