import { useWallet } from '@/lib/ui-state';

/** Sites that may see accounts; disconnecting one revokes its grant. */
export function SitesSettings() {
  const call = useWallet((s) => s.call);
  const sites = useWallet((s) => s.state?.connectedSites);
  return (
    <section className="section">
      <h3>Connected sites</h3>
      {!sites?.length ? (
        <p className="hint">No site is connected.</p>
      ) : (
        <ul className="list" data-testid="connected-sites">
          {sites.map((site) => (
            <li key={site.origin} data-testid="connected-site" data-origin={site.origin}>
              <span className="grow" title={site.accounts.join('\n')}>
                {site.origin}
                <span className="muted"> · {site.accounts.length === 1 ? '1 account' : `${site.accounts.length} accounts`}</span>
              </span>
              <button
                type="button"
                onClick={() => call('sites.disconnect', { origin: site.origin }).catch(() => undefined)}
                data-testid="site-disconnect"
              >
                Disconnect
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
