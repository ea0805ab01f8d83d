import { useCallback, useEffect, useState } from 'react';
import { type ApprovalDecision, ApprovalRequest } from '@/components/ApprovalRequest';
import { ApprovalUnlock } from '@/components/ApprovalUnlock';
import { useBackgroundKeepalive } from '@/components/use-background-keepalive';
import { useWallet } from '@/lib/ui-state';
import { HardwareSign } from './HardwareSign';

/** How long the window waits, after a hardware account's request is approved, for its device step. */
const DEVICE_STEP_WAIT_MS = 5_000;

/**
 * The approval window: the queue oldest first, one request at a time. It shows nothing from
 * the cache (a stale queue could name the wrong site) and closes itself once the queue is empty.
 */
export function ApprovalApp({ close }: { close(): void }) {
  const state = useWallet((s) => (s.fromCache ? undefined : s.state));
  const call = useWallet((s) => s.call);
  const [busyId, setBusyId] = useState<string>();
  const [error, setError] = useState<string>();
  // After approving a hardware account's request the queue is empty for a moment, until the
  // background sends the device step: the window stays open for it.
  const [awaitingDevice, setAwaitingDevice] = useState(false);

  const queue = [...(state?.pendingApprovals ?? [])].sort((a, b) => a.createdAt - b.createdAt);
  const current = queue[0];
  const empty = state !== undefined && queue.length === 0;
  useBackgroundKeepalive(
    queue.length > 0,
    useCallback(() => call('state'), [call]),
  );

  useEffect(() => {
    document.title = queue.length ? `Sharekeep: ${queue.length} request${queue.length === 1 ? '' : 's'}` : 'Sharekeep';
    if (empty && !awaitingDevice) close();
  }, [empty, awaitingDevice, queue.length, close]);

  useEffect(() => {
    if (!awaitingDevice) return;
    if (current?.kind === 'hardware-sign') return setAwaitingDevice(false);
    const timer = setTimeout(() => setAwaitingDevice(false), DEVICE_STEP_WAIT_MS);
    return () => clearTimeout(timer);
  }, [awaitingDevice, current?.kind]);

  if (!state || empty) return <p className="approval-page approval-muted">Loading…</p>;

  if (!state.unlocked) {
    return (
      <main className="approval-page">
        <ApprovalUnlock pending={queue.length} onUnlock={async (password) => void (await call('unlock', { password }))} />
      </main>
    );
  }

  async function decide(decision: ApprovalDecision) {
    const signer = (current.details as { account?: unknown } | undefined)?.account;
    const onLedger = current.kind !== 'hardware-sign' && state?.accounts.some((a) => a.address === signer && a.kind === 'hardware');
    if (decision.approved && onLedger) setAwaitingDevice(true);
    setBusyId(current.id);
    setError(undefined);
    try {
      await call('approvals.decide', { id: current.id, ...decision });
    } catch (err) {
      // 'approvals.gone': the site went away or the request timed out; the refreshed queue moves on.
      const { code, message } = err as { code?: unknown; message?: string };
      if (code !== 'approvals.gone') setError(message ?? 'Sharekeep could not record your answer. Try again.');
    } finally {
      setBusyId(undefined);
    }
  }

  return (
    <main className="approval-page">
      <div className="approval-queue">
        <span>Sharekeep</span>
        <span data-testid="approval-count" data-count={queue.length}>
          {queue.length === 1 ? '1 request' : `1 of ${queue.length} requests`}
        </span>
      </div>
      {error && (
        <p className="approval-note block" role="alert">
          {error}
        </p>
      )}
      {current.kind === 'hardware-sign' ? (
        <HardwareSign key={current.id} approval={current} accounts={state.accounts} decide={decide} />
      ) : (
        <ApprovalRequest
          key={current.id}
          approval={current}
          accounts={state.accounts}
          selectedAddress={state.selectedAddress}
          busy={busyId === current.id}
          onDecide={decide}
        />
      )}
    </main>
  );
}
