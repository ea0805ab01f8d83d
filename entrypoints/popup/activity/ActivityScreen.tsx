import { useEffect, useState } from 'react';
import { ActivityIncomingRow } from '@/components/ActivityIncomingRow';
import { ContactNameForm } from '@/components/ContactNameForm';
import { ContractLabel } from '@/components/ContractLabel';
import { explorerTxUrl } from '@/components/explorer-link';
import { type ActivityEntry, payoutLine, type SettingChange } from '@/lib/state';
import type { IncomingView } from '@/lib/ui-contract';
import { useWallet } from '@/lib/ui-state';

/** While a transaction is pending; otherwise incoming transfers are looked for at a calmer pace. */
const REFRESH_EVERY_MS = 4_000;
const SCAN_EVERY_MS = 15_000;
const NO_ENTRIES: ActivityEntry[] = [];
const NO_INCOMING: IncomingView[] = [];
const LABELS = { pending: 'Pending', confirmed: 'Confirmed', failed: 'Failed', cancelled: 'Cancelled', dropped: 'Dropped' } as const;

/** How a row says its transaction was replaced (same nonce): sped up or cancelled, and what it replaced. */
function replacedNote(entry: ActivityEntry): string | undefined {
  if (!entry.replaced?.length) return undefined;
  const count = entry.replaced.length;
  const what = entry.replacement === 'cancel' ? 'Cancel sent' : entry.replacement === 'speed-up' ? 'Sped up' : 'Mined as first sent';
  return `${what}: replaced ${count === 1 ? 'an earlier transaction' : `${count} earlier transactions`}`;
}

/** Speed up and cancel for a pending transaction whose nonce and fees were recorded. */
function ReplaceActions({ entry }: { entry: ActivityEntry }) {
  const call = useWallet((s) => s.call);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (entry.status !== 'pending' || entry.nonce < 0 || !entry.sent) return null;
  const run = (command: 'activity.speedUp' | 'activity.cancel') => async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call(command, { hash: entry.hash });
    } catch (err) {
      const { code, message } = err as { code?: unknown; message?: string };
      if (code !== 4001) setError(message ?? 'Sharekeep could not send the replacement.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="row">
      <button type="button" data-testid="activity-speed-up" disabled={busy} onClick={run('activity.speedUp')}>
        Speed up
      </button>
      <button type="button" data-testid="activity-cancel" disabled={busy} onClick={run('activity.cancel')}>
        Cancel
      </button>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/** The address book's form for one address, when it is not one of the user's accounts. */
function NameAddress({ address }: { address?: string }) {
  const call = useWallet((s) => s.call);
  const own = useWallet((s) => s.state?.accounts.some((a) => a.address.toLowerCase() === address?.toLowerCase()));
  const current = useWallet((s) => (address ? s.state?.contacts?.[address.toLowerCase()] : undefined));
  if (!address || own) return null;
  return <ContactNameForm current={current} onSave={(name) => call('contacts.set', { address, name })} />;
}

function ActivityRow({ entry, explorer, labels }: { entry: ActivityEntry; explorer?: string; labels?: Record<string, string> }) {
  const replaced = replacedNote(entry);
  // A redemption is done when its stablecoin arrives, not when its transaction is mined.
  const payout = payoutLine(entry);
  const link = explorerTxUrl(explorer, entry.hash);
  const when = new Date(entry.createdAt).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });
  const hash = `${entry.hash.slice(0, 10)}…${entry.hash.slice(-6)}`;
  return (
    <li data-testid="activity-row" data-hash={entry.hash} data-status={entry.status} data-direction="out">
      <div className="grow">
        <div>
          {entry.summary} <ContractLabel address={entry.to} labels={labels} />
        </div>
        <div className="muted">
          {when} · {entry.origin} ·{' '}
          {link ? (
            <a className="mono" href={link} target="_blank" rel="noreferrer" data-testid="activity-explorer-link">
              {hash}
            </a>
          ) : (
            <span className="mono">{hash}</span>
          )}
        </div>
        {replaced && (
          <div className="muted" data-testid="activity-replaced" data-kind={entry.replacement ?? 'original'}>
            {replaced}
          </div>
        )}
        {payout && (
          <div className={payout.state === 'pending' ? 'muted' : undefined} data-testid="activity-payout" data-state={payout.state}>
            {payout.text}
          </div>
        )}
        <ReplaceActions entry={entry} />
        <NameAddress address={entry.to} />
      </div>
      <span className={`status status-${entry.status}`} data-testid="activity-status">
        {payout?.state === 'pending' && entry.status === 'confirmed' ? 'Payout pending' : LABELS[entry.status]}
      </span>
    </li>
  );
}

const CHANGE_TEXT: Record<SettingChange['kind'], (c: SettingChange) => string> = {
  'jurisdiction-declared': (c) => `Country of residence declared: ${c.to}`,
  'jurisdiction-changed': (c) => `Country of residence changed from ${c.from ?? 'none'} to ${c.to}`,
  'jurisdiction-restored': (c) => `A change of country to ${c.from ?? 'none'} made outside Sharekeep was undone; it stays ${c.to}`,
};

function SettingChanges({ changes }: { changes: SettingChange[] }) {
  if (changes.length === 0) return null;
  return (
    <>
      <h3>Settings that decide what you may trade</h3>
      <ul className="list" data-testid="activity-settings">
        {changes.map((c) => (
          <li key={`${c.at}:${c.kind}`} data-testid="activity-setting" data-kind={c.kind}>
            <div className="grow">
              <div>{CHANGE_TEXT[c.kind](c)}</div>
              <div className="muted">{new Date(c.at).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' })}</div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

const NO_CHANGES: SettingChange[] = [];

type Row = { kind: 'out'; at: number; entry: ActivityEntry } | { kind: 'in'; at: number; entry: IncomingView };

/**
 * Transactions sent from this wallet and tokens received, newest first; pending ones are
 * re-checked, and the network scanned for incoming transfers, while the list is open.
 */
export function ActivityScreen() {
  const call = useWallet((s) => s.call);
  const activity = useWallet((s) => s.state?.activity) ?? NO_ENTRIES;
  const incoming = useWallet((s) => s.state?.incoming) ?? NO_INCOMING;
  const notice = useWallet((s) => s.state?.incomingNotice);
  const changes = useWallet((s) => s.state?.settingChanges) ?? NO_CHANGES;
  const labels = useWallet((s) => s.state?.activityLabels);
  const networks = useWallet((s) => s.state?.networks);
  const explorerOf = (chainId: number) => networks?.find((n) => n.chainId === chainId)?.blockExplorerUrl;
  const hasPending = activity.some((e) => e.status === 'pending');

  useEffect(() => {
    const refresh = () => void call('activity.refresh').catch(() => undefined);
    refresh();
    const timer = setInterval(refresh, hasPending ? REFRESH_EVERY_MS : SCAN_EVERY_MS);
    return () => clearInterval(timer);
  }, [call, hasPending]);

  const rows: Row[] = [
    ...activity.map((entry): Row => ({ kind: 'out', at: entry.createdAt, entry })),
    ...incoming.map((entry): Row => ({ kind: 'in', at: entry.seenAt, entry })),
  ].sort((a, b) => b.at - a.at);

  return (
    <section className="screen">
      <h2>Activity</h2>
      {notice && (
        <p className="warning" role="status" data-testid="activity-incoming-notice">
          {notice}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">No transactions yet.</p>
      ) : (
        <ul className="list" data-testid="activity-list">
          {rows.map((row) =>
            row.kind === 'out' ? (
              <ActivityRow key={row.entry.hash} entry={row.entry} explorer={explorerOf(row.entry.chainId)} labels={labels?.[row.entry.chainId]} />
            ) : (
              <ActivityIncomingRow
                key={`${row.entry.chainId}:${row.entry.hash}:${row.entry.logIndex}`}
                entry={row.entry}
                explorer={explorerOf(row.entry.chainId)}
                labels={labels?.[row.entry.chainId]}
                nameForm={/^0x0{40}$/.test(row.entry.from) ? undefined : <NameAddress address={row.entry.from} />}
              />
            ),
          )}
        </ul>
      )}
      <SettingChanges changes={changes} />
    </section>
  );
}
