import { useState } from 'react';
import type { PendingApproval } from '@/lib/approvals';
import { approvalVerdict } from '../lib/compliance';
import type { PublicAccount } from '@/lib/keyring';
import type { PlanView, SigningView } from '@/lib/signing';
import { ApprovalIssuerPlan } from './ApprovalIssuerPlan';
import { ApprovalChain, ApprovalConnect, ApprovalRawDetails, ApprovalWatchAsset } from './ApprovalDetails';
import { ApprovalFee, type FeeChoice, initialFeeChoice } from './ApprovalFee';
import { ApprovalOrigin } from './ApprovalOrigin';
import { ApprovalSigningView } from './ApprovalSigningView';
import { ApprovalSiteCheck, siteCheckOf } from './ApprovalSiteCheck';
import { ApprovalVerdict } from './ApprovalVerdict';
import { ARM_DELAY_MS, useArmedDecision } from './use-armed-decision';
import './Approval.css';

export interface ApprovalDecision {
  approved: boolean;
  data?: unknown;
  block?: boolean;
}

export interface ApprovalRequestProps {
  approval: PendingApproval;
  accounts: PublicAccount[];
  selectedAddress?: string;
  busy: boolean;
  onDecide(decision: ApprovalDecision): void;
  /** How long the request is shown before its buttons take a press (ARM_DELAY_MS). */
  armDelayMs?: number;
}

const TITLES: Record<PendingApproval['kind'], string> = {
  connect: 'Connect to this site',
  'sign-message': 'Sign a message',
  'sign-typed-data': 'Sign typed data',
  transaction: 'Send a transaction',
  'add-chain': 'Add a network',
  'switch-chain': 'Switch network',
  'watch-asset': 'Watch a token',
  'issuer-request': 'Issuer request',
  'hardware-sign': 'Confirm on your Ledger',
};

const isSigningView = (details: unknown): details is SigningView =>
  typeof details === 'object' && details !== null && 'summary' in details && 'verdict' in details && 'simulation' in details;

const isPlanView = (approval: PendingApproval): approval is PendingApproval<PlanView> =>
  approval.kind === 'issuer-request' && typeof approval.details === 'object' && approval.details !== null && 'steps' in approval.details;

interface BodyProps {
  approval: PendingApproval;
  connect: Parameters<typeof ApprovalConnect>[0];
  /** Every account of the wallet, hidden ones too: a recipient that is one of them is named. */
  accounts: PublicAccount[];
}

function Body({ approval, connect, accounts }: BodyProps) {
  const details = approval.details;
  if (isSigningView(details)) return <ApprovalSigningView view={details} accounts={accounts} />;
  if (isPlanView(approval)) return <ApprovalIssuerPlan view={approval.details} />;
  switch (approval.kind) {
    case 'connect':
      return <ApprovalConnect {...connect} />;
    case 'add-chain':
    case 'switch-chain':
      return <ApprovalChain details={details as Parameters<typeof ApprovalChain>[0]['details']} adding={approval.kind === 'add-chain'} />;
    case 'watch-asset':
      return <ApprovalWatchAsset details={details as Parameters<typeof ApprovalWatchAsset>[0]['details']} />;
    default:
      return <ApprovalRawDetails details={details} />;
  }
}

/** One pending request: who asks, what kind, what it does, the verdict, and the user's choice. */
export function ApprovalRequest({ approval, accounts, selectedAddress, busy, onDecide, armDelayMs = ARM_DELAY_MS }: ApprovalRequestProps) {
  const visible = accounts.filter((a) => !a.hidden);
  const [chosen, setChosen] = useState<string[]>(() => [selectedAddress ?? visible[0]?.address].filter((a): a is string => !!a));
  // The verdict is the wallet's (carried by the request) or, for requests that sign nothing, compliance's.
  const verdict = approvalVerdict(approval);
  const blocked = verdict.verdict === 'block';
  const nothingToConnect = approval.kind === 'connect' && chosen.length === 0;
  // A site the wallet calls dangerous connects only after the user ticks that they accept the risk.
  const site = approval.kind === 'connect' ? siteCheckOf(approval.details) : undefined;
  const [acceptedRisk, setAcceptedRisk] = useState(false);
  const riskUnaccepted = site?.danger === true && !acceptedRisk;
  // A transaction's fee: what is picked here is what the background signs (it checks it first).
  const fee = isSigningView(approval.details) ? approval.details.fee : isPlanView(approval) ? approval.details.fee : undefined;
  const [feeChoice, setFeeChoice] = useState<FeeChoice | undefined>(() => fee && initialFeeChoice(fee));
  const data = () => {
    if (approval.kind === 'connect') return { accounts: chosen, ...(acceptedRisk ? { acceptRisk: true } : {}) };
    return feeChoice ? { fee: feeChoice } : undefined;
  };
  const approve = () => onDecide({ approved: true, data: data() });
  const signer = isSigningView(approval.details) ? approval.details.account : isPlanView(approval) ? approval.details.account : undefined;
  const onLedger = accounts.some((a) => a.address === signer && a.kind === 'hardware');
  // Every decision waits for a press that began after this request was on screen (issue 10, item 7).
  const { armed, guard } = useArmedDecision(armDelayMs);
  const held = busy || !armed;

  return (
    <article className="approval-request" data-testid="approval-request" data-approval-id={approval.id}>
      <ApprovalOrigin origin={approval.origin} />
      <h2 className="approval-title">
        {TITLES[approval.kind]}{' '}
        <span className="approval-kind" data-testid="approval-kind">
          {approval.kind}
        </span>
      </h2>
      {site && <ApprovalSiteCheck site={site} accepted={acceptedRisk} onAccept={setAcceptedRisk} />}
      <Body approval={approval} connect={{ accounts: visible, chosen, onChange: setChosen }} accounts={accounts} />
      {fee && feeChoice && <ApprovalFee fee={fee} choice={feeChoice} onChange={setFeeChoice} />}
      {onLedger && (
        <p className="approval-note" data-testid="approval-hardware-note">
          This account is on your Ledger: after you approve here, confirm on your Ledger.
        </p>
      )}
      <ApprovalVerdict verdict={verdict} />
      <div className="approval-actions">
        <button type="button" data-testid="approval-reject" disabled={held} {...guard(() => onDecide({ approved: false }))}>
          Reject
        </button>
        <button
          type="button"
          className="primary"
          data-testid="approval-approve"
          disabled={held || blocked || nothingToConnect || riskUnaccepted}
          {...guard(approve)}
        >
          {approval.kind === 'connect' ? 'Connect' : approval.kind.startsWith('sign') ? 'Sign' : 'Approve'}
        </button>
      </div>
      {approval.offerBlock && (
        <button
          type="button"
          className="approval-block"
          data-testid="approval-reject-block"
          disabled={held}
          {...guard(() => onDecide({ approved: false, block: true }))}
        >
          Reject and block this site for 10 minutes
        </button>
      )}
    </article>
  );
}
