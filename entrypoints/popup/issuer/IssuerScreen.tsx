// Mint or redeem a tokenized stock with its allowlisted issuer: an amount, the issuer's quote,
// then its plan approved once in the Sharekeep window, then the status until it settles on chain.
import { AMOUNT_TEXT as AMOUNT } from '@/lib/tokens';
import { type FormEvent, useEffect, useState } from 'react';
import { describeError, errorCode } from '@/components/describe-error';
import { IssuerPriceCheck } from '@/components/IssuerPriceCheck';
import { IssuerQuote } from '@/components/IssuerQuote';
import { type IssuerProblem, IssuerStatus } from '@/components/IssuerStatus';
import type { IssuerRequestView, IssuerSide } from '@/lib/issuers';
import { useWallet } from '@/lib/ui-state';
import { navigate } from '../router';
import { useIssuerOptions } from './use-issuer-options';
import '@/components/Issuer.css';

const POLL_MS = 1_000;
/** A request whose plan was approved and that has not settled or failed yet: polled until it has. */
const UNDER_WAY: readonly IssuerRequestView['status'][] = ['sending', 'submitted', 'payout-pending'];

const problemOf = (err: unknown): IssuerProblem => ({ code: errorCode(err), message: describeError(err) });

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function IssuerScreen({ chainId, address, side }: { chainId: number; address: string; side: IssuerSide }) {
  const call = useWallet((s) => s.call);
  const options = useIssuerOptions(chainId, address);
  const [amount, setAmount] = useState('');
  const [request, setRequest] = useState<IssuerRequestView>();
  const [problem, setProblem] = useState<IssuerProblem>();
  const [waiting, setWaiting] = useState<string>();
  const now = useNow(request?.status === 'quote');

  // A request still under way for this token (the popup was closed meanwhile) is shown again.
  useEffect(() => {
    call('issuer.latest', { chainId, token: address }).then(
      (latest) => latest && UNDER_WAY.includes(latest.status) && latest.side === side && setRequest(latest),
      () => undefined,
    );
  }, [call, chainId, address, side]);

  // Sent: ask the wallet, which reads the chain, until the issuer's events say it settled or failed.
  const underWay = request !== undefined && UNDER_WAY.includes(request.status);
  useEffect(() => {
    if (!underWay || !request) return;
    const timer = setTimeout(() => {
      call('issuer.status', { id: request.id }).then(setRequest, (err) => setProblem(problemOf(err)));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [call, request, underWay]);

  const symbol = options?.token.symbol ?? '';
  const blocked = options?.blocked[side];
  const offered = options ? options[side] : false;
  const busy = waiting !== undefined;
  const amountOk = AMOUNT.test(amount.trim()) && !/^0*(\.0*)?$/.test(amount.trim());
  const canQuote = offered && !blocked && amountOk && !busy && !underWay;
  const priceRefused = request?.priceCheck?.level === 'block';
  const canSubmit = request?.status === 'quote' && request.quote.expiresAt > now && !busy && !priceRefused;

  const chooseSide = (next: IssuerSide) => {
    setRequest(undefined);
    setProblem(undefined);
    navigate(`/issue/${chainId}/${address}?side=${next}`);
  };

  const getQuote = async (e?: FormEvent) => {
    e?.preventDefault();
    if (!canQuote) return;
    setProblem(undefined);
    setRequest(undefined);
    setWaiting(`Asking ${options?.issuer?.name ?? 'the issuer'} for a quote…`);
    try {
      setRequest(await call('issuer.quote', { chainId, token: address, side, amount: amount.trim() }));
    } catch (err) {
      setProblem(problemOf(err));
    } finally {
      setWaiting(undefined);
    }
  };

  const submit = async () => {
    if (!request || !canSubmit) return;
    setProblem(undefined);
    setWaiting(
      request.deposit
        ? 'Review the plan in the Sharekeep window: one transfer to the issuer’s deposit address, then the payout within T+3.'
        : `Review the plan in the Sharekeep window: every step of the ${side === 'mint' ? 'mint' : 'redemption'} (an allowance if needed, then the issuer call), approved once.`,
    );
    try {
      setRequest(await call('issuer.submit', { id: request.id }));
    } catch (err) {
      // The answer may be lost with a restarted worker while the plan goes on: then it is followed from here.
      const after = await call('issuer.status', { id: request.id }).catch(() => undefined);
      if (after && (after.status === 'failed' || UNDER_WAY.includes(after.status))) setRequest(after);
      else setProblem(problemOf(err));
    } finally {
      setWaiting(undefined);
    }
  };

  if (!options) return <p className="empty">Looking up the issuer…</p>;
  if (!options.issuer || (!options.mint && !options.redeem)) {
    return <p className="pf-notice">No allowlisted issuer mints or redeems this token on this network.</p>;
  }

  return (
    <form className="screen" onSubmit={getQuote} data-testid="issuer-screen" data-side={side}>
      <h2>
        {side === 'mint' ? 'Mint' : 'Redeem'} {symbol}
      </h2>
      <p className="issuer-who">
        With {options.issuer.name} · {options.issuer.origin}
      </p>
      <div className="issuer-sides">
        {(['mint', 'redeem'] as const).map((s) => (
          <button key={s} type="button" aria-pressed={s === side} disabled={!options[s]} onClick={() => chooseSide(s)}>
            {s === 'mint' ? 'Mint' : 'Redeem'}
          </button>
        ))}
      </div>
      {blocked && (
        <p className="warning" data-testid="issuer-blocked">
          {blocked}
        </p>
      )}
      <label className="field">
        <span>Amount ({symbol})</span>
        <input
          inputMode="decimal"
          placeholder="0.0"
          autoComplete="off"
          value={amount}
          disabled={underWay}
          onChange={(e) => {
            setAmount(e.target.value);
            if (request?.status === 'quote') setRequest(undefined);
          }}
          data-testid="issuer-amount"
        />
      </label>
      {amount && !AMOUNT.test(amount.trim()) && <p className="error">Enter an amount like 1.5</p>}
      {request && <IssuerQuote request={request} now={now} />}
      {request?.status === 'quote' && request.priceCheck && <IssuerPriceCheck check={request.priceCheck} />}
      <IssuerStatus request={request} problem={problem} waiting={waiting} />
      <div className="row">
        <button type="submit" disabled={!canQuote} data-testid="issuer-quote">
          {request?.status === 'quote' ? 'New quote' : 'Get quote'}
        </button>
        <button type="button" className="primary" disabled={!canSubmit} onClick={submit} data-testid="issuer-submit">
          {side === 'mint' ? 'Mint' : 'Redeem'}
        </button>
      </div>
    </form>
  );
}
