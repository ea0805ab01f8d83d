// The user's own credentials for issuer APIs that answer only their partners (Dinari's key pair
// and account): what each issuer needs that the wallet cannot provide, which fields are saved,
// and a form to save or remove them. Saved values are never shown again, only "saved".
import { describeError } from '@/components/describe-error';
import type { IssuerCredentialsView } from '@/lib/issuers';
import { useWallet } from '@/lib/ui-state';
import { useEffect, useState } from 'react';

function IssuerCredentialsForm({ view, onSaved }: { view: IssuerCredentialsView; onSaved: (next: IssuerCredentialsView[]) => void }) {
  const call = useWallet((s) => s.call);
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const set = view.fields.every((f) => f.set);
  const run = (work: Promise<IssuerCredentialsView[]>) => {
    setError(undefined);
    work.then(
      (next) => {
        setValues({});
        onSaved(next);
      },
      (err: unknown) => setError(describeError(err)),
    );
  };
  return (
    <div className="issuer-credentials" data-issuer={view.issuerId}>
      <p>
        <strong>{view.name}</strong>{' '}
        <span className="muted" data-testid="issuer-credentials-state" data-issuer={view.issuerId} data-set={String(set)}>
          {set ? 'keys saved' : 'no keys saved'}
        </span>
      </p>
      <p className="hint">{view.needs}</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run(call('issuer.setCredentials', { issuerId: view.issuerId, values }));
        }}
      >
        {view.fields.map((f) => (
          <label key={f.key} className="field">
            {f.label}
            <input
              type={f.secret ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              placeholder={f.set ? 'saved' : ''}
              data-testid="issuer-credential-input"
              data-issuer={view.issuerId}
              data-field={f.key}
              value={values[f.key] ?? ''}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" data-testid="issuer-credentials-save" data-issuer={view.issuerId}>
          Save
        </button>{' '}
        {set && (
          <button
            type="button"
            data-testid="issuer-credentials-clear"
            data-issuer={view.issuerId}
            onClick={() => run(call('issuer.clearCredentials', { issuerId: view.issuerId }))}
          >
            Remove
          </button>
        )}
      </form>
      {error && (
        <p className="error" role="status">
          {error}
        </p>
      )}
    </div>
  );
}

export function IssuerAccess() {
  const call = useWallet((s) => s.call);
  const [views, setViews] = useState<IssuerCredentialsView[]>();
  useEffect(() => {
    call('issuer.credentials').then(setViews, () => setViews([]));
  }, [call]);
  if (!views?.length) return null;
  return (
    <section className="section" data-testid="issuer-credentials">
      <h3>Issuer access</h3>
      <p className="hint">Keys are kept in this browser and sent only to that issuer's allowlisted address.</p>
      {views.map((view) => (
        <IssuerCredentialsForm key={view.issuerId} view={view} onSaved={setViews} />
      ))}
    </section>
  );
}
