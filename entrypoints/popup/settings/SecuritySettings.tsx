import { type FormEvent, useState } from 'react';
import { describeError } from '@/components/describe-error';
import { NewPasswordFields } from '@/components/NewPasswordFields';
import { PasswordPrompt } from '@/components/PasswordPrompt';
import { newPasswordProblem } from '@/components/password-strength';
import { useWallet } from '@/lib/ui-state';

const REVEAL_WARNING =
  'Anyone who sees this can take everything in the wallet. Make sure no one is watching and nothing is recording your screen. Sharekeep will never ask you to share it.';

/** Shows a secret after the password, behind a warning, until the user hides it. */
function RevealSecret({
  title,
  submitLabel,
  testId,
  reveal,
}: {
  title: string;
  submitLabel: string;
  testId: string;
  reveal(password: string): Promise<string>;
}) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string>();
  const close = () => {
    setOpen(false);
    setSecret(undefined);
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid={`${testId}-button`}>
        {title}
      </button>
    );
  return secret ? (
    <div>
      <p className="warning">{REVEAL_WARNING}</p>
      <p className="secret-box" data-testid={testId}>
        {secret}
      </p>
      <div className="row">
        <button type="button" onClick={close}>
          Hide
        </button>
      </div>
    </div>
  ) : (
    <PasswordPrompt submitLabel={submitLabel} onSubmit={async (password) => setSecret(await reveal(password))} onCancel={close}>
      <p className="warning">{REVEAL_WARNING}</p>
    </PasswordPrompt>
  );
}

function ChangePassword() {
  const call = useWallet((s) => s.call);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const problem = newPasswordProblem(next, confirm);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus({ ok: true, text: 'Re-encrypting your wallet…' });
    try {
      await call('secrets.changePassword', { oldPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setStatus({ ok: true, text: 'Password changed. Use the new one from now on.' });
    } catch (err) {
      setStatus({ ok: false, text: describeError(err) });
    }
  };

  return (
    <form onSubmit={submit}>
      <label className="field">
        <span>Current password</span>
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          data-testid="change-password-current"
        />
      </label>
      <NewPasswordFields
        label="New password"
        password={next}
        confirm={confirm}
        onPassword={setNext}
        onConfirm={setConfirm}
        testIds={{ password: 'change-password-new', confirm: 'change-password-confirm' }}
      />
      {status && (
        <p className={status.ok ? 'ok' : 'error'} role="status" data-testid="change-password-status">
          {status.text}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary" disabled={!current || !!problem} data-testid="change-password-submit">
          Change password
        </button>
      </div>
    </form>
  );
}

/** The secret phrase, the selected account's key, and the password. */
export function SecuritySettings() {
  const call = useWallet((s) => s.call);
  const selected = useWallet((s) => s.state?.accounts.find((a) => a.address === s.state?.selectedAddress));
  return (
    <section className="section">
      <h3>Security</h3>
      <div className="stack">
        <RevealSecret
          title="Reveal secret phrase"
          submitLabel="Reveal phrase"
          testId="revealed-phrase"
          reveal={(password) => call('secrets.revealMnemonic', { password }).then((r) => r.mnemonic)}
        />
        {selected && selected.kind !== 'watch' && (
          <RevealSecret
            title={`Export private key of ${selected.name}`}
            submitLabel="Show private key"
            testId="exported-key"
            reveal={(password) => call('secrets.exportKey', { address: selected.address, password }).then((r) => r.privateKey)}
          />
        )}
      </div>
      <details className="section">
        <summary>Change password</summary>
        <ChangePassword />
      </details>
    </section>
  );
}
