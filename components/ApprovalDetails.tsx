/** The bodies of requests that sign nothing: connect, network changes, watching a token. */
import type { PublicAccount } from '@/lib/keyring';

export interface ConnectChoice {
  accounts: PublicAccount[];
  chosen: string[];
  onChange(chosen: string[]): void;
}

export function ApprovalConnect({ accounts, chosen, onChange }: ConnectChoice) {
  if (!accounts.length) return <p className="approval-note warn">Sharekeep has no account yet. Set up the wallet first, then connect.</p>;
  const toggle = (address: string) => onChange(chosen.includes(address) ? chosen.filter((a) => a !== address) : [...chosen, address]);
  return (
    <section>
      <p className="approval-summary" data-testid="approval-summary">
        Connect: the site will see the addresses you choose and their balances, and may ask you to sign. It cannot move funds without asking.
      </p>
      <h3>Accounts to connect</h3>
      <ul className="approval-accounts">
        {accounts.map((account) => (
          <li key={account.address}>
            <label>
              <input
                type="checkbox"
                data-testid="approval-account"
                data-address={account.address}
                checked={chosen.includes(account.address)}
                onChange={() => toggle(account.address)}
              />
              <span>
                {account.name}
                {account.kind === 'watch' ? ' (watch-only)' : ''}
                <br />
                <span className="approval-mono approval-muted">{account.address}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ChainDetails {
  chainId: number;
  name: string;
  rpcUrl?: string;
  symbol?: string;
  blockExplorerUrl?: string;
}

export function ApprovalChain({ details, adding }: { details: ChainDetails; adding: boolean }) {
  return (
    <section>
      <p className="approval-summary" data-testid="approval-summary">
        {adding ? `Add the network ${details.name} and switch to it.` : `Switch to the network ${details.name}.`}
      </p>
      <dl className="approval-facts">
        <dt>Network</dt>
        <dd>{details.name}</dd>
        <dt>Chain id</dt>
        <dd data-testid="approval-chain-id">
          {details.chainId} (0x{details.chainId.toString(16)})
        </dd>
        {details.rpcUrl && (
          <>
            <dt>RPC URL</dt>
            <dd className="approval-mono">{details.rpcUrl}</dd>
          </>
        )}
        {details.symbol && (
          <>
            <dt>Currency</dt>
            <dd>{details.symbol}</dd>
          </>
        )}
        {details.blockExplorerUrl && (
          <>
            <dt>Explorer</dt>
            <dd className="approval-mono" data-testid="approval-explorer">
              {details.blockExplorerUrl}
            </dd>
          </>
        )}
      </dl>
      {adding && (
        <p className="approval-muted">After you approve, Sharekeep checks that this RPC answers with chain id {details.chainId} before adding it.</p>
      )}
    </section>
  );
}

interface WatchDetails {
  address: string;
  symbol: string;
  decimals: number;
  verified: boolean;
  lookalikes: { symbol: string; address: string }[];
  /** The wallet's name for it: a look-alike is never named as the token it imitates. */
  label?: string;
  name?: string;
}

export function ApprovalWatchAsset({ details }: { details: WatchDetails }) {
  const label = details.label ?? details.symbol;
  return (
    <section>
      <p className="approval-summary" data-testid="approval-summary">
        Show the token {label} in your portfolio. This signs nothing and moves nothing.
      </p>
      <dl className="approval-facts">
        <dt>Symbol</dt>
        <dd data-testid="approval-token-symbol">{label}</dd>
        {details.name && (
          <>
            <dt>Name</dt>
            <dd>{details.name}</dd>
          </>
        )}
        <dt>Contract</dt>
        <dd className="approval-mono">{details.address}</dd>
        <dt>Decimals</dt>
        <dd>{details.decimals}</dd>
      </dl>
    </section>
  );
}

/** Anything else: the details as data, so nothing is hidden from the user. */
export function ApprovalRawDetails({ details }: { details: unknown }) {
  return (
    <section>
      <p className="approval-summary" data-testid="approval-summary">
        Sharekeep cannot describe this request in plain words; here is what the site sent.
      </p>
      <pre className="approval-message">{JSON.stringify(details, null, 2)}</pre>
    </section>
  );
}
