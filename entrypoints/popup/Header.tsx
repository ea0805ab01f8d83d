import { useWallet } from '@/lib/ui-state';
import { navigate } from './router';

const shortName = (name: string) => (name.length > 22 ? `${name.slice(0, 21)}…` : name);

/** The selected account (and its full address), the network, settings and lock. */
export function Header() {
  const call = useWallet((s) => s.call);
  const accounts = useWallet((s) => s.state?.accounts);
  const selected = useWallet((s) => s.state?.selectedAddress);
  const chainId = useWallet((s) => s.state?.activeChainId);
  const networks = useWallet((s) => s.state?.networks);
  const visible = (accounts ?? []).filter((a) => !a.hidden);
  const current = visible.find((a) => a.address === selected);

  return (
    <header className="header">
      <div className="header-row">
        <a href="#/" className="logo" title="Portfolio">
          <span className="sr-only">Portfolio</span>
        </a>
        <select
          className="network"
          aria-label="Network"
          value={chainId}
          onChange={(e) => call('network.select', { chainId: Number(e.target.value) }).catch(() => undefined)}
          data-testid="network-select"
        >
          {(networks ?? []).map((n) => (
            <option key={n.chainId} value={n.chainId}>
              {n.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="icon"
          aria-label="Settings"
          title="Settings"
          onClick={() => navigate('/settings')}
          data-testid="settings-button"
        >
          ⚙
        </button>
        <button
          type="button"
          className="icon"
          aria-label="Lock"
          title="Lock"
          onClick={() => call('lock').catch(() => undefined)}
          data-testid="lock-button"
        >
          Lock
        </button>
      </div>
      <div className="header-row">
        <select
          className="account"
          aria-label="Account"
          value={selected}
          onChange={(e) => call('accounts.select', { address: e.target.value }).catch(() => undefined)}
          data-testid="account-select"
        >
          {visible.map((a) => (
            <option key={a.address} value={a.address}>
              {shortName(a.name)}
              {a.kind === 'watch' ? ' (watch-only)' : ''}
            </option>
          ))}
        </select>
        {current?.kind === 'watch' && <span className="badge">watch-only</span>}
      </div>
      <p className="account-address" data-testid="account-address" title="Your address">
        {selected}
      </p>
    </header>
  );
}
