import { type FormEvent, useState } from 'react';

const MESSAGES: Record<string, string> = {
  'vault.incorrect_password': 'That password is not right. Check it (it is case-sensitive) and try again.',
  'vault.not_initialized': 'Sharekeep has no wallet yet. Set it up from the toolbar icon first.',
  'vault.corrupt': 'The stored wallet is damaged. Open Sharekeep from the toolbar to restore it from your recovery phrase.',
  'ui.disconnected': 'Sharekeep restarted while unlocking. Please try again.',
};

/** Password first: a locked wallet shows no request details until it is unlocked. */
export function ApprovalUnlock({ pending, onUnlock }: { pending: number; onUnlock(password: string): Promise<void> }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onUnlock(password);
    } catch (err) {
      const { code, message } = err as { code?: string | number; message?: string };
      setError(MESSAGES[String(code)] ?? message ?? 'Sharekeep could not unlock. Try again.');
      setBusy(false);
    }
  }

  return (
    <form className="approval-unlock" onSubmit={submit}>
      <h2>Unlock Sharekeep</h2>
      <p>
        {pending === 1 ? 'A site is waiting for your answer.' : `${pending} requests are waiting for your answer.`} Enter your password to see
        {pending === 1 ? ' it' : ' them'}.
      </p>
      <input
        type="password"
        data-testid="unlock-password"
        aria-label="Password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {error && (
        <p className="approval-note block" data-testid="unlock-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" data-testid="unlock-submit" disabled={busy || !password}>
        Unlock
      </button>
    </form>
  );
}
