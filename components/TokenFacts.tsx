// A registry fact with its provenance: the value, "unverified" when the registry has not
// checked it against a primary source, and a link to where it comes from.
import type { ReactNode } from 'react';
import type { FactView, HoldingView } from '@/lib/holdings';

export function UnverifiedLabel({ verified }: { verified: boolean }) {
  return verified ? null : <span className="badge pf-unverified">unverified</span>;
}

type FeedKind = NonNullable<HoldingView['unverifiedFeeds']>[number];
const FEED_NAME: Record<FeedKind, string> = {
  price: 'price feed',
  reserve: 'reserve feed',
  multiplierOracle: 'share oracle',
  tokenPrice: 'token price feed',
};

/** Beside a number a feed reported: says so when the registry marks that feed unverified. */
export function FeedUnverified({ feeds, kind }: { feeds: readonly FeedKind[] | undefined; kind: FeedKind }) {
  if (!feeds?.includes(kind)) return null;
  return (
    <span className="badge pf-unverified" data-testid="feed-unverified" data-feed={kind} title="No primary source confirms this feed's address">
      {FEED_NAME[kind]} unverified
    </span>
  );
}

export function SourceLink({ source }: { source: string | null }) {
  if (!source?.startsWith('https://')) return null;
  return (
    <a className="td-source" href={source} target="_blank" rel="noreferrer noopener">
      source
    </a>
  );
}

export function FactRow({
  label,
  fact,
  render,
  testId,
}: {
  label: string;
  fact: FactView<unknown>;
  render?: (value: never) => ReactNode;
  testId: string;
}) {
  const shown = fact.value === null ? <span className="muted">Not on record</span> : render ? render(fact.value as never) : String(fact.value);
  return (
    <div className="td-fact" data-testid={testId} data-verified={fact.verified}>
      <dt>{label}</dt>
      <dd>
        {shown} <UnverifiedLabel verified={fact.verified} /> <SourceLink source={fact.source} />
      </dd>
    </div>
  );
}
