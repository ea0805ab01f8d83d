/**
 * Before a site connects: what the wallet found about it (lib/sites). A dangerous site (on the
 * phishing list, or a look-alike of a well-known dApp) gets a danger notice, and Connect stays
 * off until the user ticks that they accept the risk; a punycode host is shown in both forms.
 */
import type { SiteCheck } from '@/lib/sites';

export const siteCheckOf = (details: unknown): SiteCheck | undefined => {
  const site = (details as { site?: SiteCheck } | null)?.site;
  return site && Array.isArray(site.warnings) ? site : undefined;
};

export interface ApprovalSiteCheckProps {
  site: SiteCheck;
  accepted: boolean;
  onAccept(accepted: boolean): void;
}

export function ApprovalSiteCheck({ site, accepted, onAccept }: ApprovalSiteCheckProps) {
  if (!site.warnings.length) return null;
  const danger = site.warnings.filter((w) => w.severity === 'danger');
  return (
    <section className="approval-site-check">
      {site.unicodeHost && (
        <dl className="approval-facts" data-testid="approval-site-forms">
          <dt>Name as written</dt>
          <dd data-testid="approval-site-unicode">{site.unicodeHost}</dd>
          <dt>Punycode</dt>
          <dd className="approval-mono" data-testid="approval-site-punycode">
            {site.host}
          </dd>
        </dl>
      )}
      {site.danger && (
        <div className="approval-note block" data-testid="approval-phishing" data-codes={danger.map((w) => w.code).join(' ')}>
          <strong>Warning: this looks like a phishing site.</strong>
          {danger.map((w) => (
            <p key={w.code}>{w.message}</p>
          ))}
          <label>
            <input type="checkbox" data-testid="approval-phishing-accept" checked={accepted} onChange={(e) => onAccept(e.target.checked)} /> I
            understand the risk and still want to connect to {site.unicodeHost ?? site.host}.
          </label>
        </div>
      )}
    </section>
  );
}
