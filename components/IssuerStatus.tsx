// Where a mint or redemption stands: quoted, sent and waiting, settled on chain (with what it
// moved), or failed with the reason and what to do next.
import type { IssuerRequestView } from '@/lib/issuers';
import { formatUnitsText } from './PortfolioFormat';
import './Issuer.css';

export interface IssuerProblem {
  code?: string | number;
  message: string;
}

function settledText(r: IssuerRequestView): string {
  const s = r.settlement!;
  const tokens = `${formatUnitsText(s.tokenAmount, r.token.decimals, 6)} ${r.token.symbol}`;
  const money = `${formatUnitsText(s.paymentAmount, r.payment.decimals, r.payment.decimals)} ${r.payment.symbol}`;
  if (r.side === 'mint') return `Settled: ${tokens} minted for ${money}.`;
  return r.deposit
    ? `Settled: ${tokens} redeemed; ${money} received from ${r.issuer.name}.`
    : `Settled: ${tokens} redeemed; ${money} paid out to you.`;
}

export function IssuerStatus({ request, problem, waiting }: { request?: IssuerRequestView; problem?: IssuerProblem; waiting?: string }) {
  if (!request && !problem && !waiting) return null;
  const status = problem ? 'failed' : (request?.status ?? 'quote');
  let text: string;
  if (problem) text = problem.message;
  else if (waiting) text = waiting;
  else if (request?.status === 'settled') text = settledText(request);
  else if (request?.status === 'failed') text = request.error?.message ?? 'The request failed.';
  else if (request?.status === 'sending') text = request.note ?? 'Plan approved; sending its transactions.';
  else if (request?.status === 'submitted') text = request.note ?? 'Sent; waiting for it to settle on chain.';
  else if (request?.status === 'payout-pending') text = request.note ?? 'Payout pending: the issuer has your tokens and pays out later.';
  else text = `Quote from ${request?.issuer.name}. Nothing is sent until you confirm.`;
  const balance = request?.status === 'settled' && request.balances;
  return (
    <p
      className="issuer-status"
      role="status"
      data-testid="issuer-status"
      data-status={status}
      data-code={problem?.code ?? request?.error?.code ?? ''}
    >
      {text}
      {balance && (
        <span className="issuer-balance">
          {' '}
          You now hold {formatUnitsText(balance.token, request.token.decimals, 6)} {request.token.symbol} and{' '}
          {formatUnitsText(balance.payment, request.payment.decimals, 2)} {request.payment.symbol}.
        </span>
      )}
      {request && request.transactions.length > 0 && <span className="mono">{request.transactions.at(-1)}</span>}
    </p>
  );
}
