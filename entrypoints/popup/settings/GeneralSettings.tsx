import { type FormEvent, useState } from 'react';
import { CountrySelect } from '@/components/CountrySelect';
import { countryName } from '@/components/countries';
import { describeError } from '@/components/describe-error';
import { PasswordPrompt } from '@/components/PasswordPrompt';
import { useWallet } from '@/lib/ui-state';

type Status = { ok: boolean; text: string } | undefined;

/**
 * Country, the selected network's RPC URL and auto-lock, saved together by `settings-save`.
 * A new country takes effect only after the password is typed again.
 */
export function GeneralSettings() {
  const call = useWallet((s) => s.call);
  const saved = {
    jurisdiction: useWallet((s) => s.state?.jurisdiction ?? ''),
    autoLock: useWallet((s) => s.state?.autoLockMinutes ?? 15),
    chainId: useWallet((s) => s.state?.activeChainId),
  };
  const network = useWallet((s) => s.state?.networks.find((n) => n.chainId === s.state?.activeChainId));

  const [jurisdiction, setJurisdiction] = useState(saved.jurisdiction);
  const [rpcUrl, setRpcUrl] = useState(network?.rpcUrl ?? '');
  const [rpcChainId, setRpcChainId] = useState(saved.chainId);
  const [autoLock, setAutoLock] = useState(String(saved.autoLock));
  const [askPassword, setAskPassword] = useState(false);
  const [status, setStatus] = useState<Status>();

  // Switching network shows that network's URL.
  if (rpcChainId !== saved.chainId) {
    setRpcChainId(saved.chainId);
    setRpcUrl(network?.rpcUrl ?? '');
  }

  const saveOthers = async () => {
    if (network && rpcUrl.trim() !== network.rpcUrl) await call('network.setRpcUrl', { chainId: network.chainId, rpcUrl: rpcUrl.trim() });
    if (Number(autoLock) !== saved.autoLock) await call('settings.setAutoLock', { minutes: Number(autoLock) });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(undefined);
    if (jurisdiction !== saved.jurisdiction) return setAskPassword(true);
    try {
      await saveOthers();
      setStatus({ ok: true, text: 'Saved.' });
    } catch (err) {
      setStatus({ ok: false, text: describeError(err) });
    }
  };

  const saveWithPassword = async (password: string) => {
    await call('settings.setJurisdiction', { jurisdiction, password });
    setAskPassword(false);
    try {
      await saveOthers();
      setStatus({ ok: true, text: `Saved. Your country is now ${countryName(jurisdiction) ?? jurisdiction}.` });
    } catch (err) {
      setStatus({ ok: false, text: describeError(err) });
    }
  };

  return (
    <section className="section">
      <h3>General</h3>
      <form onSubmit={save} id="general-settings">
        <CountrySelect value={jurisdiction} onChange={setJurisdiction} testId="settings-jurisdiction" />
        <label className="field">
          <span>RPC URL for {network?.name ?? 'this network'}</span>
          <input
            className="mono"
            type="url"
            spellCheck={false}
            value={rpcUrl}
            onChange={(e) => setRpcUrl(e.target.value)}
            data-testid="settings-rpc-url"
          />
        </label>
        <label className="field">
          <span>Lock after this many idle minutes (0: never)</span>
          <input type="number" min={0} max={1440} value={autoLock} onChange={(e) => setAutoLock(e.target.value)} data-testid="settings-auto-lock" />
        </label>
      </form>
      {askPassword && (
        <PasswordPrompt
          submitLabel="Change country"
          onSubmit={saveWithPassword}
          onCancel={() => {
            setAskPassword(false);
            setJurisdiction(saved.jurisdiction);
          }}
        >
          <p className="hint">
            Changing your country from {countryName(saved.jurisdiction) ?? 'none'} to {countryName(jurisdiction)} changes which tokens you may trade.
            Confirm with your password.
          </p>
        </PasswordPrompt>
      )}
      {status && (
        <p className={status.ok ? 'ok' : 'error'} role="status" data-testid="settings-status">
          {status.text}
        </p>
      )}
      {!askPassword && (
        <div className="row">
          <button type="submit" form="general-settings" className="primary" data-testid="settings-save">
            Save
          </button>
        </div>
      )}
    </section>
  );
}
