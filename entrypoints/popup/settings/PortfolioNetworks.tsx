// Which networks the portfolio reads: every one the wallet knows unless turned off here. The
// active network is always read; a network with no registry or watched token costs nothing anyway.
import { describeError } from '@/components/describe-error';
import { useWallet } from '@/lib/ui-state';
import { useState } from 'react';

export function PortfolioNetworks() {
  const call = useWallet((s) => s.call);
  const networks = useWallet((s) => s.state?.networks ?? []);
  const off = useWallet((s) => s.state?.disabledChainIds ?? []);
  const active = useWallet((s) => s.state?.activeChainId);
  const [error, setError] = useState<string>();
  const toggle = (chainId: number, enabled: boolean) => {
    setError(undefined);
    call('network.setPortfolio', { chainId, enabled }).catch((err: unknown) => setError(describeError(err)));
  };
  return (
    <section className="section">
      <h3>Networks in the portfolio</h3>
      {networks.map((n) => (
        <label key={n.chainId} className="pf-network">
          <input
            type="checkbox"
            data-testid="settings-portfolio-network"
            data-chain-id={n.chainId}
            checked={n.chainId === active || !off.includes(n.chainId)}
            disabled={n.chainId === active}
            onChange={(e) => toggle(n.chainId, e.target.checked)}
          />{' '}
          {n.name}
          {n.chainId === active ? <span className="muted"> (active, always read)</span> : null}
        </label>
      ))}
      {error && (
        <p className="error" role="status">
          {error}
        </p>
      )}
    </section>
  );
}
