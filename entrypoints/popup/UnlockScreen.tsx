import { type FormEvent, useState } from 'react';
import { describeError, errorCode } from '@/components/describe-error';
import { useWallet } from '@/lib/ui-state';

/** Locked: the password, and a clear sentence when it is wrong. Nothing else is shown. */
export function UnlockScreen() {
  const call = useWallet((s) => s.call);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const unlock = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await call('unlock', { password });
    } catch (err) {
      setError(errorCode(err) === 'vault.incorrect_password' ? 'Wrong password. Check it and try again.' : describeError(err));
      setBusy(false);
    }
  };

  return (
    <main className="popup centered">
      <span className="logo" aria-hidden="true" />
      <h1>Welcome back</h1>
      <form onSubmit={unlock} className="unlock-form">
        <label className="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            data-testid="unlock-password"
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="unlock-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary wide" disabled={busy || !password} data-testid="unlock-submit">
          {busy ? 'Unlocking…' : 'Unlock'}
        </button>
      </form>
      <p className="hint">
        Forgot it?{' '}
        <a href="/onboarding.html" target="_blank" rel="noreferrer">
          Restore from your secret phrase
        </a>
        .
      </p>
    </main>
  );
}
