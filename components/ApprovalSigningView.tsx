import type { SigningView } from '@/lib/signing';
import { Fragment } from 'react';
import { ContractLabel } from './ContractLabel';

/** The user's accounts, to name a recipient that is one of them. */
export type KnownAccounts = readonly { address: string; name: string }[];

/** A request that signs, in plain words: what it does, what moves, what it allows, what a dry run saw. */
export function ApprovalSigningView({ view, accounts = [] }: { view: SigningView; accounts?: KnownAccounts }) {
  return (
    <div className="approval-signing">
      <p className="approval-summary" data-testid="approval-summary">
        {view.summary}
      </p>
      {view.replaces && (
        <p className="approval-note warn" data-testid="approval-replaces" data-kind={view.replaces.kind}>
          {view.replaces.kind === 'cancel' ? 'This cancels your pending transaction ' : 'This speeds up your pending transaction '}
          <span className="approval-mono">{view.replaces.hash}</span> by sending one with the same nonce and a higher fee. Only one of the two can be
          mined.
        </p>
      )}
      <dl className="approval-facts">
        <dt>Account</dt>
        <dd className="approval-mono">{view.account}</dd>
        <dt>Network</dt>
        <dd>
          {view.chainName} ({view.chainId})
        </dd>
      </dl>
      <BalanceChanges changes={view.changes} accounts={accounts} />
      <Allowances approvals={view.approvals} labels={view.labels} />
      <Simulation simulation={view.simulation} isTransaction={view.transaction !== undefined} />
      {view.message !== undefined && (
        <section>
          <h3>Message</h3>
          <pre className="approval-message" data-testid="approval-message">
            {view.message}
          </pre>
        </section>
      )}
      {view.verifyingContract && (
        <p className="approval-note" data-testid="approval-verifying-contract">
          Signed for the contract <span className="approval-mono">{view.verifyingContract}</span>{' '}
          <ContractLabel address={view.verifyingContract} labels={view.labels} />
        </p>
      )}
      {view.typedData !== undefined && (
        <details className="approval-typed-data" data-testid="approval-typed-data" open={view.intentKind === 'unknown-typed-data'}>
          <summary>Typed data (exactly as it will be signed)</summary>
          <pre>{view.typedData}</pre>
        </details>
      )}
      {view.transaction && <Transaction transaction={view.transaction} labels={view.labels} />}
    </div>
  );
}

const symbolText = (symbol: string) => (/^0x[0-9a-fA-F]{40}$/.test(symbol) ? `token ${symbol}` : symbol);

export function BalanceChanges({ changes, accounts }: { changes: SigningView['changes']; accounts: KnownAccounts }) {
  if (!changes.length) return null;
  return (
    <section>
      <h3>Balance changes</h3>
      <ul className="approval-list">
        {changes.map((c) => (
          <li
            key={`${c.direction}:${c.token}:${c.amount}:${c.bound}:${c.recipient}`}
            className={`approval-change ${c.direction}${c.recipient ? ' elsewhere' : ''}`}
            data-testid="approval-change"
            data-direction={c.direction}
            data-symbol={c.symbol}
            data-recipient={c.recipient}
          >
            <span>{c.direction === 'out' ? 'You send' : c.recipient ? 'Bought for another address:' : 'You receive'}</span>{' '}
            <strong title={c.token}>
              {c.bound === 'min' ? 'at least ' : c.bound === 'max' ? 'at most ' : ''}
              {c.amount} {symbolText(c.symbol)}
            </strong>
            {c.recipient && <Recipient address={c.recipient} accounts={accounts} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Who gets proceeds that do not reach the signing account: one of the user's other accounts, or someone else. */
function Recipient({ address, accounts }: { address: string; accounts: KnownAccounts }) {
  const own = accounts.find((a) => a.address.toLowerCase() === address.toLowerCase());
  return (
    <p className={`approval-note ${own ? 'warn' : 'block'}`} data-testid="approval-recipient" data-own={own ? 'true' : 'false'}>
      {own ? `Received by your account ${own.name} (` : 'Received by '}
      <span className="approval-mono">{address}</span>
      {own ? '), not by the account signing.' : ', which is not one of your accounts. You pay; that address gets what is bought.'}
    </p>
  );
}

export function Allowances({ approvals, labels }: { approvals: SigningView['approvals']; labels: SigningView['labels'] }) {
  if (!approvals.length) return null;
  return (
    <section>
      <h3>Spending allowed</h3>
      <ul className="approval-list">
        {approvals.map((a) => (
          <li
            key={`${a.token}:${a.spender}:${a.amount}`}
            className={a.unlimited ? 'approval-allowance unlimited' : 'approval-allowance'}
            data-testid="approval-allowance"
            data-unlimited={a.unlimited}
          >
            <strong title={a.token}>
              {a.unlimited ? 'Unlimited' : a.amount} {symbolText(a.symbol)}
            </strong>{' '}
            may be spent by{' '}
            <span className="approval-mono" data-testid="approval-spender">
              {a.spender}
            </span>{' '}
            <ContractLabel address={a.spender} labels={labels} />
            {a.unlimited && (
              <p className="approval-note warn">Unlimited: the spender can take all of this token, now and later, until you revoke it.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Simulation({ simulation, isTransaction }: { simulation: SigningView['simulation']; isTransaction: boolean }) {
  return (
    <section className={`approval-simulation ${simulation.status}`} data-testid="approval-simulation" data-status={simulation.status}>
      <h3>Simulation</h3>
      {simulation.status === 'ok' && (
        <>
          <p>A dry run against the network gives these changes to your balances:</p>
          {simulation.changes?.length ? (
            <ul className="approval-list">
              {simulation.changes.map((c) => (
                <li key={c.token} data-testid="approval-simulated-change" data-symbol={c.symbol} title={c.token}>
                  {c.delta.startsWith('-') ? c.delta : `+${c.delta}`} {symbolText(c.symbol)}
                </li>
              ))}
            </ul>
          ) : (
            <p>No token balance changes (gas aside).</p>
          )}
        </>
      )}
      {simulation.status === 'reverted' && <p>The dry run failed: {simulation.note ?? 'the transaction would revert'}. You would still pay gas.</p>}
      {simulation.status === 'unsupported' && <p>This could not be simulated. {simulation.note}</p>}
      {simulation.status === 'not-run' && (
        <p>
          {isTransaction
            ? 'This transaction was not simulated.'
            : 'This is a signature, not a transaction, so it cannot be simulated. What it allows is shown above.'}
        </p>
      )}
    </section>
  );
}

const DATA_PREVIEW = 2_000;

function Transaction({ transaction, labels }: { transaction: NonNullable<SigningView['transaction']>; labels: SigningView['labels'] }) {
  const data = transaction.data && transaction.data !== '0x' ? transaction.data : undefined;
  return (
    <section data-testid="approval-transaction">
      <h3>Transaction</h3>
      <dl className="approval-facts">
        <dt>To</dt>
        <dd>
          <span className="approval-mono" data-testid="approval-tx-to">
            {transaction.to ?? 'new contract'}
          </span>{' '}
          <ContractLabel address={transaction.to} labels={labels} />
        </dd>
        {transaction.sentTo?.map((address) => (
          <Fragment key={address}>
            <dt>Sent to</dt>
            <dd>
              <span className="approval-mono" data-testid="approval-tx-sent-to">
                {address}
              </span>{' '}
              <ContractLabel address={address} labels={labels} />
            </dd>
          </Fragment>
        ))}
        <dt>Value</dt>
        <dd data-testid="approval-tx-value">
          {transaction.value} {transaction.nativeSymbol}
        </dd>
      </dl>
      {data && (
        <details>
          <summary>Data ({(data.length - 2) / 2} bytes)</summary>
          <pre className="approval-mono">
            {data.length > DATA_PREVIEW ? `${data.slice(0, DATA_PREVIEW)}… (${data.length - DATA_PREVIEW} more characters)` : data}
          </pre>
        </details>
      )}
    </section>
  );
}
