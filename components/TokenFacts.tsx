// A registry fact with its provenance: the value, "unverified" when the registry has not
// checked it against a primary source, and a link to where it comes from.
import type { ReactNode } from 'react';
import type { FactView } from '@/lib/holdings';

export function UnverifiedLabel({ verified }: { verified: boolean }) {
  return verified ? null : <span className="badge pf-unverified">unverified</span>;
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
