import { useState } from 'react';
import { describeError } from '@/components/describe-error';
import { PasswordPrompt } from '@/components/PasswordPrompt';
import { DERIVATION_SCHEMES, type DerivationScheme, isDerivationScheme } from '@/lib/hardware';
import type { LedgerAccount } from '@/lib/ledger';
import { useWallet } from '@/lib/ui-state';

const PAGE = 5;

/**
 * Adds Ledger accounts: the device derives the addresses of one BIP-44 layout, five at a time,
 * and the user adds the ones they use. The wallet keeps each one's address and path only.
 * This is a full tab because the browser's device chooser closes a popup.
 */
export function HardwareStep({ onBack }: { onBack(): void }) {
  const state = useWallet((s) => s.state);
  const call = useWallet((s) => s.call);
  const [scheme, setScheme] = useState<DerivationScheme>('ledger-live');
  const [page, setPage] = useState(0);
  const [found, setFound] = useState<LedgerAccount[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  if (!state?.initialized)
    return (
      <section className="card">
        <h2>Add a Ledger</h2>
        <p className="hint">Set up Sharekeep first (create or import a wallet); then add your Ledger accounts beside it.</p>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </section>
    );
  if (!state.unlocked)
    return (
      <section className="card">
        <h2>Add a Ledger</h2>
        <PasswordPrompt submitLabel="Unlock" onSubmit={async (password) => void (await call('unlock', { password }))}>
          <p className="hint">Unlock Sharekeep to add accounts from your Ledger.</p>
        </PasswordPrompt>
      </section>
    );

  const added = new Set(state.accounts.map((a) => a.address));
  const read = async (nextScheme: DerivationScheme, nextPage: number) => {
    setBusy(true);
    setError(undefined);
    try {
      const { readLedgerAccounts } = await import('../shared/ledger-device');
      setFound(await readLedgerAccounts(nextScheme, nextPage * PAGE, PAGE));
      setPage(nextPage);
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const add = (account: LedgerAccount) =>
    call('accounts.addHardware', { address: account.address, path: account.path }).catch((err) => setError(describeError(err)));

  return (
    <section className="card">
      <h2>Add a Ledger</h2>
      <p className="hint">Connect your Ledger, unlock it and open the Ethereum app. Sharekeep keeps only each account's address and path.</p>
      <label className="field">
        <span>Derivation path</span>
        <select
          value={scheme}
          data-testid="hardware-path-scheme"
          onChange={(e) => {
            if (!isDerivationScheme(e.target.value)) return;
            setScheme(e.target.value);
            setFound(undefined);
          }}
        >
          {Object.entries(DERIVATION_SCHEMES).map(([value, { label }]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="button" onClick={onBack}>
          Back
        </button>
        <button type="button" className="primary" disabled={busy} data-testid="hardware-connect" onClick={() => read(scheme, 0)}>
          {busy ? 'Reading your Ledger…' : 'Connect Ledger'}
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="hardware-error">
          {error}
        </p>
      )}
      {found && (
        <ul className="hardware-accounts">
          {found.map((account) => (
            <li key={account.path} data-testid="hardware-account" data-address={account.address} data-path={account.path}>
              <span className="mono">{account.address}</span> <span className="hint">{account.path}</span>{' '}
              {added.has(account.address) ? (
                <span className="ok">Added</span>
              ) : (
                <button type="button" data-testid="hardware-add" onClick={() => add(account)}>
                  Add
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {found && (
        <div className="row">
          <button type="button" disabled={busy || page === 0} onClick={() => read(scheme, page - 1)}>
            Previous
          </button>
          <button type="button" disabled={busy} onClick={() => read(scheme, page + 1)}>
            More accounts
          </button>
        </div>
      )}
    </section>
  );
}
