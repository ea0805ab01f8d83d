import { useEffect, useState } from 'react';
import { type ApprovalDecision, ApprovalRequest } from '@/components/ApprovalRequest';
import { ApprovalUnlock } from '@/components/ApprovalUnlock';
import { useWallet } from '@/lib/ui-state';

/**
 * The approval window: the queue oldest first, one request at a time. It shows nothing from
 * the cache (a stale queue could name the wrong site) and closes itself once the queue is empty.
 */
export function ApprovalApp({ close }: { close(): void }) {
  const state = useWallet((s) => (s.fromCache ? undefined : s.state));
  const call = useWallet((s) => s.call);
  const [busyId, setBusyId] = useState<string>();
  const [error, setError] = useState<string>();

  const queue = [...(state?.pendingApprovals ?? [])].sort((a, b) => a.createdAt - b.createdAt);
  const current = queue[0];
  const empty = state !== undefined && queue.length === 0;

  useEffect(() => {
    document.title = queue.length ? `Sharekeep: ${queue.length} request${queue.length === 1 ? '' : 's'}` : 'Sharekeep';
    if (empty) close();
  }, [empty, queue.length, close]);

  if (!state || empty) return <p className="approval-page approval-muted">Loading…</p>;

  if (!state.unlocked) {
    return (
      <main className="approval-page">
        <ApprovalUnlock pending={queue.length} onUnlock={async (password) => void (await call('unlock', { password }))} />
      </main>
    );
  }

  async function decide(decision: ApprovalDecision) {
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
      <ApprovalRequest
        key={current.id}
        approval={current}
        accounts={state.accounts}
        selectedAddress={state.selectedAddress}
        busy={busyId === current.id}
        onDecide={decide}
      />
    </main>
  );
}
