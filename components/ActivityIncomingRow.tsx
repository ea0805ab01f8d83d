import type { ReactNode } from 'react';
import { formatUnits, getAddress } from 'viem';
import type { IncomingView } from '@/lib/ui-contract';
import { ContractLabel } from './ContractLabel';
import { explorerTxUrl } from './explorer-link';

const short = (text: string, head = 10, tail = 6) => `${text.slice(0, head)}…${text.slice(-tail)}`;

/**
 * One transfer the user received: amount and token, who sent it (by name when the wallet or the
 * address book knows it), whether it is an issuer's payout, and the transaction on the chain's
 * block explorer when the network has one.
 */
export function ActivityIncomingRow({
  entry,
  explorer,
  labels,
  nameForm,
}: {
  entry: IncomingView;
  explorer?: string;
  labels?: Readonly<Record<string, string>>;
  /** The address book's form for the sender, when the page offers one. */
  nameForm?: ReactNode;
}) {
  const from = getAddress(entry.from);
  const amount = `${formatUnits(BigInt(entry.amount), entry.decimals)} ${entry.symbol}`;
  const link = explorerTxUrl(explorer, entry.hash);
  // A transfer from the zero address is a mint: nobody sent it.
  const minted = /^0x0{40}$/.test(entry.from);
  return (
    <li
      data-testid="activity-row"
      data-hash={entry.hash}
      data-status="confirmed"
      data-direction="in"
      data-kind={entry.payout ? 'payout' : 'transfer'}
    >
      <div className="grow">
        <div>
          {entry.payout ? 'Payout' : minted ? 'Minted' : 'Received'} <span data-testid="activity-amount">{amount}</span>
          {!minted && (
            <>
              {' '}
              from{' '}
              <span className="mono" title={from}>
                {short(from, 6, 4)}
              </span>{' '}
              <ContractLabel address={entry.from} labels={labels} />
            </>
          )}
        </div>
        <div className="muted">
          Block {entry.blockNumber} · to {short(getAddress(entry.to), 6, 4)} ·{' '}
          {link ? (
            <a className="mono" href={link} target="_blank" rel="noreferrer" data-testid="activity-explorer-link">
              {short(entry.hash)}
            </a>
          ) : (
            <span className="mono">{short(entry.hash)}</span>
          )}
        </div>
        {nameForm}
      </div>
      <span className="status status-confirmed" data-testid="activity-status">
        {entry.payout ? 'Payout' : 'Received'}
      </span>
    </li>
  );
}
