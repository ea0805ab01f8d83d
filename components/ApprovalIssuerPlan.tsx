// An issuer request in the approval window: the whole plan at once. What leaves the account and
// what comes back (how much, to whom, when), the issuer's fee, the quote's deadline and its price
// check, then every transaction in order, each as the wallet itself decodes, dry-runs (after the
// steps before it) and judges it, with where the funds are once it is mined.
import type { IssuerPlanDetails } from '@/lib/issuers';
import type { PlanStepView, PlanView } from '@/lib/signing';
import { Allowances, BalanceChanges } from './ApprovalSigningView';
import { ContractLabel } from './ContractLabel';
import { IssuerPriceCheck } from './IssuerPriceCheck';

const SIMULATION: Record<PlanStepView['simulation']['status'], string> = {
  ok: 'A dry run after the steps before it succeeds.',
  reverted: 'A dry run after the steps before it fails.',
  unsupported: 'This network cannot dry-run it.',
  'not-run': 'Not dry-run.',
};

/** The plan's details as the issuer service sent them; the window shows only the fields it knows. */
const detailsOf = (view: PlanView) => (view.details ?? {}) as Partial<IssuerPlanDetails>;

function Step({ step, labels }: { step: PlanStepView; labels: PlanView['labels'] }) {
  return (
    <li
      className="approval-plan-step"
      data-testid="plan-step"
      data-index={step.index}
      data-kind={step.kind}
      data-verdict={step.verdict.verdict}
      data-to={step.to}
    >
      <p>
        <strong>Step {step.index + 1}:</strong> <span data-testid="plan-step-title">{step.title}</span>
      </p>
      <p className="approval-summary" data-testid="plan-step-summary">
        {step.summary}
      </p>
      <p>
        Calls <span className="approval-mono">{step.to}</span> <ContractLabel address={step.to} labels={labels} />
      </p>
      {step.sentTo?.map((to) => (
        <p key={to} data-testid="plan-step-sent-to">
          Sends to <span className="approval-mono">{to}</span> <ContractLabel address={to} labels={labels} />
        </p>
      ))}
      <BalanceChanges changes={step.changes} accounts={[]} />
      <Allowances approvals={step.approvals} labels={labels} />
      <p className="approval-note" data-testid="plan-step-funds">
        {step.funds}
      </p>
      <p
        className={`approval-note ${step.simulation.status === 'ok' ? '' : 'warn'}`}
        data-testid="plan-step-simulation"
        data-status={step.simulation.status}
      >
        {SIMULATION[step.simulation.status]} {step.simulation.note ?? ''}
      </p>
    </li>
  );
}

export function ApprovalIssuerPlan({ view }: { view: PlanView }) {
  const d = detailsOf(view);
  return (
    <div className="approval-plan" data-testid="plan">
      <p className="approval-summary" data-testid="plan-title">
        {view.title}
      </p>
      {d.changed && (
        <p className="approval-note warn" role="alert" data-testid="plan-changed">
          Asked again: {d.changed}
        </p>
      )}
      <dl className="approval-facts">
        <dt>Account</dt>
        <dd className="approval-mono">{view.account}</dd>
        <dt>Network</dt>
        <dd>
          {view.chainName} ({view.chainId})
        </dd>
        {d.pay && (
          <>
            <dt>You pay</dt>
            <dd data-testid="plan-pay">
              {d.pay.amount} {d.pay.symbol}
            </dd>
          </>
        )}
        {d.payout && (
          <>
            <dt>You receive</dt>
            <dd data-testid="plan-payout" data-symbol={d.payout.symbol} data-amount={d.payout.amount}>
              {d.payout.amount} {d.payout.symbol} to <span className="approval-mono">{d.payout.to}</span>, {d.payout.when}
              {d.payout.from && (
                <>
                  , from <span className="approval-mono">{d.payout.from}</span>
                </>
              )}
            </dd>
          </>
        )}
        {d.fee && (
          <>
            <dt>Issuer fee</dt>
            <dd data-testid="plan-issuer-fee">
              {d.fee.amount} {d.fee.symbol}
            </dd>
          </>
        )}
        {d.deadline && (
          <>
            <dt>Quote valid until</dt>
            <dd data-testid="plan-deadline" data-expiry={d.deadline.expiry}>
              {new Date(d.deadline.expiresAt).toLocaleTimeString()} (the issuer's contract refuses it after chain time {d.deadline.expiry})
            </dd>
          </>
        )}
      </dl>
      {d.priceCheck && <IssuerPriceCheck check={d.priceCheck} />}
      <ol className="approval-list" data-testid="plan-steps" data-count={view.steps.length}>
        {view.steps.map((step) => (
          <Step key={step.index} step={step} labels={view.labels} />
        ))}
      </ol>
      <p className="approval-note">
        Approving sends these {view.steps.length} transaction(s) in this order, without asking again; anything else is refused.
      </p>
    </div>
  );
}
