import { formatEther, formatGwei, getAddress, parseTransaction } from 'viem';
import type { PendingApproval } from '@/lib/approvals';
import type { HardwarePayload } from '@/lib/hardware';
import type { PublicAccount } from '@/lib/keyring';
import type { HardwareSignView } from '@/lib/signing';
import { ApprovalOrigin } from './ApprovalOrigin';
import { ApprovalSigningView } from './ApprovalSigningView';
import './Approval.css';

/** Where the device step is: waiting for a click to pick the Ledger, on the device, or failed (retry). */
export type DeviceState = { state: 'connect' } | { state: 'signing' } | { state: 'sending' } | { state: 'error'; message: string };

export interface HardwareSignStepProps {
  approval: PendingApproval;
  accounts: PublicAccount[];
  device: DeviceState;
  /** A click: the browser's device chooser opens only from one. */
  onConnect(): void;
  onReject(): void;
}

const isHardwareView = (details: unknown): details is HardwareSignView =>
  typeof details === 'object' && details !== null && 'hardware' in details && 'summary' in details;

/** What the device will show, read from the very bytes it is sent, so the user can compare the two screens. */
function DevicePayload({ payload }: { payload: HardwarePayload }) {
  if (payload.method === 'transaction') {
    const tx = parseTransaction(payload.unsigned);
    const maxFee = tx.maxFeePerGas ?? tx.gasPrice;
    return (
      <dl className="approval-facts" data-testid="hardware-payload" data-method={payload.method}>
        <dt>To</dt>
        <dd className="approval-mono">{tx.to ? getAddress(tx.to) : 'new contract'}</dd>
        <dt>Amount</dt>
        <dd>{formatEther(tx.value ?? 0n)}</dd>
        <dt>Nonce</dt>
        <dd>{tx.nonce ?? 0}</dd>
        <dt>Gas limit</dt>
        <dd>{tx.gas?.toString()}</dd>
        <dt>{tx.maxFeePerGas === undefined ? 'Gas price' : 'Max fee per gas'}</dt>
        <dd>{maxFee === undefined ? '—' : `${formatGwei(maxFee)} gwei`}</dd>
      </dl>
    );
  }
  if (payload.method === 'typed-data')
    return (
      <dl className="approval-facts" data-testid="hardware-payload" data-method={payload.method}>
        <dt>Domain hash</dt>
        <dd className="approval-mono">{payload.domainHash}</dd>
        <dt>Message hash</dt>
        <dd className="approval-mono">{payload.messageHash}</dd>
      </dl>
    );
  return (
    <p className="approval-note" data-testid="hardware-payload" data-method={payload.method}>
      Your Ledger shows the message above.
    </p>
  );
}

const STATUS: Record<DeviceState['state'], string> = {
  connect: 'Connect your Ledger, unlock it and open the Ethereum app, then press Connect Ledger.',
  signing: 'Confirm on your Ledger: check that its screen shows the same request, then approve it there.',
  sending: 'Signed on your Ledger. Sharekeep is checking the signature…',
  error: '',
};

/** The second step of a hardware account's request: the view the user approved, and the device at work. */
export function HardwareSignStep({ approval, accounts, device, onConnect, onReject }: HardwareSignStepProps) {
  const details = approval.details;
  if (!isHardwareView(details)) return <p className="approval-note block">This request has no device task.</p>;
  const account = accounts.find((a) => a.address === details.hardware.account);
  return (
    <article className="approval-request" data-testid="approval-request" data-approval-id={approval.id}>
      <ApprovalOrigin origin={approval.origin} />
      <h2 className="approval-title">
        Confirm on your Ledger{' '}
        <span className="approval-kind" data-testid="approval-kind">
          {approval.kind}
        </span>
      </h2>
      <p
        className={`approval-note${device.state === 'error' ? ' block' : ''}`}
        role={device.state === 'error' ? 'alert' : 'status'}
        data-testid="hardware-status"
        data-state={device.state}
      >
        {device.state === 'error' ? device.message : STATUS[device.state]}
      </p>
      <p className="approval-muted">
        {account?.name ?? 'Ledger account'} · <span className="approval-mono">{details.hardware.path}</span>
      </p>
      <ApprovalSigningView view={details} accounts={accounts} />
      <section>
        <h3>Sent to your Ledger</h3>
        <DevicePayload payload={details.hardware.payload} />
      </section>
      <div className="approval-actions">
        <button type="button" data-testid="approval-reject" disabled={device.state === 'sending'} onClick={onReject}>
          Reject
        </button>
        <button
          type="button"
          className="primary"
          data-testid="hardware-connect"
          disabled={device.state === 'signing' || device.state === 'sending'}
          onClick={onConnect}
        >
          {device.state === 'error' ? 'Try again' : 'Connect Ledger'}
        </button>
      </div>
    </article>
  );
}
