import type { ComplianceReason, ComplianceResult } from '@/lib/compliance';

const HEADLINES: Record<ComplianceResult['verdict'], string> = {
  allow: 'Nothing unusual found.',
  warn: 'Check the points below before you approve.',
  block: 'Sharekeep will not sign this request.',
};

/** The verdict and one line per reason, each with the rule's source where there is one. */
export function ApprovalVerdict({ verdict }: { verdict: ComplianceResult }) {
  return (
    <section className={`approval-verdict ${verdict.verdict}`} data-testid="approval-verdict" data-verdict={verdict.verdict}>
      <strong>{HEADLINES[verdict.verdict]}</strong>
      {verdict.reasons.length > 0 && (
        <ul>
          {verdict.reasons.map((reason) => (
            <Reason key={`${reason.code}:${reason.message}`} reason={reason} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Reason({ reason }: { reason: ComplianceReason }) {
  const link = reason.source && /^https:\/\//.test(reason.source) ? reason.source : undefined;
  return (
    <li className={`approval-reason ${reason.severity}`} data-testid="approval-reason" data-code={reason.code} data-severity={reason.severity}>
      {reason.message}
      {link && (
        <>
          {' '}
          <a href={link} target="_blank" rel="noreferrer noopener">
            Source
          </a>
        </>
      )}
      {reason.source && !link && <span className="approval-muted"> (source: {reason.source})</span>}
    </li>
  );
}
