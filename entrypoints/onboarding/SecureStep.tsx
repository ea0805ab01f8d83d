import { type FormEvent, useState } from 'react';
import { CountrySelect } from '@/components/CountrySelect';
import { describeError } from '@/components/describe-error';
import { NewPasswordFields } from '@/components/NewPasswordFields';
import { newPasswordProblem } from '@/components/password-strength';
import { useWallet } from '@/lib/ui-state';

interface Props {
  secret: string;
  replaceExisting: boolean;
  onBack(): void;
  onDone(address: string): void;
}

/** The password that encrypts the secret, and the country whose rules apply to trades. */
export function SecureStep({ secret, replaceExisting, onBack, onDone }: Props) {
  const call = useWallet((s) => s.call);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [country, setCountry] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const problem = newPasswordProblem(password, confirm) ?? (country ? undefined : 'Choose your country of residence.');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem) return setError(problem);
    setBusy(true);
    setError(undefined);
    try {
      const state = await call('onboarding.create', { secret, password, jurisdiction: country, replaceExisting });
      onDone(state.selectedAddress ?? state.accounts[0]?.address ?? '');
    } catch (err) {
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit}>
      <h2>Protect your wallet</h2>
      <p className="hint">This password unlocks Sharekeep on this browser. It cannot recover your wallet: only the secret phrase can.</p>
      <NewPasswordFields
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        testIds={{ password: 'password-input', confirm: 'password-confirm-input' }}
      />
      <CountrySelect value={country} onChange={setCountry} testId="jurisdiction-select" />
      <p className="hint">Sharekeep refuses trades of tokens your country does not allow you to hold. You can change it later in settings.</p>
      {error && (
        <p className="error" role="alert" data-testid="onboarding-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="submit" className="primary" disabled={busy || !!problem} data-testid="onboarding-submit">
          {busy ? 'Encrypting…' : 'Create wallet'}
        </button>
      </div>
    </form>
  );
}
