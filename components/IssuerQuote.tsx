// An issuer's quote in plain words: how much, at what price, the fee, what you pay or are paid
// out, whether the market is open and how long the quote lasts.
import type { IssuerRequestView } from '@/lib/issuers';
import { formatUnitsText, formatUsd } from './PortfolioFormat';
import './Issuer.css';

const countdown = (ms: number) => {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

export function IssuerQuote({ request, now }: { request: IssuerRequestView; now: number }) {
  const { quote, token, payment } = request;
  const mint = request.side === 'mint';
  const money = (raw: string) => `${formatUnitsText(raw, payment.decimals, payment.decimals)} ${payment.symbol}`;
  const left = quote.expiresAt - now;
  return (
    <section className="issuer-quote" data-testid="issuer-quote-details" data-side={request.side}>
      <dl>
        <dt>{mint ? 'You mint' : 'You redeem'}</dt>
        <dd>
          {formatUnitsText(quote.quantity, token.decimals, 6)} {token.symbol}
        </dd>
        <dt>Price</dt>
        <dd>{formatUsd(quote.price, 18)} per token</dd>
        <dt>Value</dt>
        <dd>{money(quote.value)}</dd>
        <dt>Issuer fee</dt>
        <dd data-testid="issuer-fee">{money(quote.fee)}</dd>
        <dt>{mint ? 'You pay' : 'Paid out to you'}</dt>
        <dd className="issuer-total" data-testid={mint ? 'issuer-total' : 'issuer-payout'} data-raw={quote.total}>
          {money(quote.total)}
        </dd>
        {request.deposit && (
          <>
            <dt>Sent to</dt>
            <dd className="mono" data-testid="issuer-deposit-address">
              {request.deposit.address} ({request.issuer.name} deposit address)
            </dd>
            <dt>Payout</dt>
            <dd data-testid="issuer-payout-window">
              {payment.symbol} from {request.issuer.name} within T+{request.deposit.settlementDays} (business days), at its price when it executes
            </dd>
          </>
        )}
        <dt>Market</dt>
        <dd>{quote.marketStatus === 'open' ? 'Open' : 'Closed'}</dd>
        {request.status === 'quote' && (
          <>
            <dt>Quote valid</dt>
            <dd>{left > 0 ? `${countdown(left)} more` : 'Expired: ask again'}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
