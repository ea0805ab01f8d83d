import { type FormEvent, useState } from 'react';
import { describeError } from '@/components/describe-error';
import { useWallet } from '@/lib/ui-state';
import type { PublicAccount } from '@/lib/keyring';

const KIND_LABEL = { hd: 'from phrase', imported: 'imported key', watch: 'watch-only', hardware: 'Ledger' } as const;

function AccountRow({ account, onError }: { account: PublicAccount; onError(text: string): void }) {
  const call = useWallet((s) => s.call);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(account.name);
  const run = (request: Promise<unknown>) => request.catch((err) => onError(describeError(err)));

  const rename = async (e: FormEvent) => {
    e.preventDefault();
    await run(call('accounts.rename', { address: account.address, name }));
    setEditing(false);
  };

  return (
    <li data-testid="account-row" data-address={account.address} className={account.hidden ? 'muted' : undefined}>
      {editing ? (
        <form className="grow row" onSubmit={rename}>
          <input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} autoFocus data-testid="account-name-input" />
          <button type="submit">Save</button>
        </form>
      ) : (
        <span className="grow">
          {account.name} <span className="muted">· {KIND_LABEL[account.kind]}</span>
          <br />
          <span className="mono muted">{account.address}</span>
        </span>
      )}
      {!editing && (
        <button type="button" onClick={() => setEditing(true)} data-testid="account-rename">
          Rename
        </button>
      )}
      <button
        type="button"
        onClick={() => run(call('accounts.hide', { address: account.address, hidden: !account.hidden }))}
        data-testid="account-hide"
      >
        {account.hidden ? 'Show' : 'Hide'}
      </button>
    </li>
  );
}

function openLedgerTab() {
  void browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html#hardware') }).then(() => window.close());
}

/** A two-field form (a value and an optional name) that adds an account. */
function AddForm({
  label,
  placeholder,
  secret,
  testId,
  onAdd,
}: {
  label: string;
  placeholder: string;
  secret?: boolean;
  testId: string;
  onAdd(value: string, name: string): Promise<void>;
}) {
  const [value, setValue] = useState('');
  const [name, setName] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await onAdd(value.trim(), name.trim());
    setValue('');
    setName('');
  };
  return (
    <form onSubmit={submit} className="add-form">
      <label className="field">
        <span>{label}</span>
        <input
          className="mono"
          type={secret ? 'password' : 'text'}
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          data-testid={`${testId}-input`}
        />
      </label>
      <div className="row">
        <input placeholder="Name (optional)" value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!value.trim()} data-testid={`${testId}-submit`}>
          Add
        </button>
      </div>
    </form>
  );
}

/** Every account, hidden ones too: add, rename, hide, import a key, watch an address. */
export function AccountsSettings() {
  const call = useWallet((s) => s.call);
  const accounts = useWallet((s) => s.state?.accounts);
  const [error, setError] = useState<string>();
  const attempt = async (request: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await request();
    } catch (err) {
      setError(describeError(err));
      throw err;
    }
  };
  const withName = (name: string) => (name ? { name } : {});

  return (
    <section className="section">
      <h3>Accounts</h3>
      <ul className="list">
        {(accounts ?? []).map((a) => (
          <AccountRow key={a.address} account={a} onError={setError} />
        ))}
      </ul>
      {error && (
        <p className="error" role="alert" data-testid="accounts-error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => attempt(() => call('accounts.add')).catch(() => undefined)} data-testid="account-add">
          Add account
        </button>
        {/* In a tab: the browser's device chooser would close the popup. */}
        <button type="button" onClick={openLedgerTab} data-testid="account-add-ledger">
          Add a Ledger
        </button>
      </div>
      <details className="section">
        <summary>Import a private key or watch an address</summary>
        <AddForm
          label="Private key"
          placeholder="64 hexadecimal characters"
          secret
          testId="account-import"
          onAdd={(key, name) => attempt(() => call('accounts.importKey', { privateKey: key, ...withName(name) })).catch(() => undefined)}
        />
        <AddForm
          label="Watch-only address"
          placeholder="0x…"
          testId="account-watch"
          onAdd={(address, name) => attempt(() => call('accounts.watch', { address, ...withName(name) })).catch(() => undefined)}
        />
      </details>
    </section>
  );
}
