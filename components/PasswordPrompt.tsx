import { type FormEvent, type ReactNode, useState } from 'react';
import { describeError } from './describe-error';

interface Props {
  /** Shown above the input: why the password is needed and any warning. */
  children?: ReactNode;
  submitLabel: string;
  onSubmit(password: string): Promise<void>;
  onCancel?(): void;
}

/** Asks for the wallet password again before a sensitive action; shows why it failed. */
export function PasswordPrompt({ children, submitLabel, onSubmit, onCancel }: Props) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(password);
      setPassword('');
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="password-prompt" onSubmit={submit}>
      {children}
      <label className="field">
        <span>Your Sharekeep password</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="password-prompt-input"
          autoFocus
        />
      </label>
      {error && (
        <p className="error" role="alert" data-testid="password-prompt-error">
          {error}
        </p>
      )}
      <div className="row">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="primary" disabled={busy || !password} data-testid="password-prompt-submit">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
