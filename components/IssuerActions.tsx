// Mint and redeem buttons on a token's detail, shown only when its issuer is allowlisted for them;
// a side the issuer does not offer to a wallet is said plainly, with where to go instead.
import type { IssuerOptions, IssuerSide } from '@/lib/issuers';
import './Issuer.css';

function Unavailable({ side, reason, link }: { side: IssuerSide; reason: string; link: string }) {
  return (
    <p className="pf-notice" data-testid="issuer-unavailable" data-side={side}>
      {reason}{' '}
      {link.startsWith('https://') ? (
        <a href={link} target="_blank" rel="noreferrer" data-testid="issuer-unavailable-link">
          {link}
        </a>
      ) : (
        <span data-testid="issuer-unavailable-link">{link}</span>
      )}
    </p>
  );
}

export function IssuerActions({ options, onOpen }: { options: IssuerOptions | undefined; onOpen(side: IssuerSide): void }) {
  const notices = (['mint', 'redeem'] as const).flatMap((side) => {
    const u = options?.unavailable?.[side];
    return u && !options?.[side] ? [<Unavailable key={side} side={side} reason={u.reason} link={u.link} />] : [];
  });
  if (!options?.issuer || (!options.mint && !options.redeem)) return notices.length > 0 ? notices : null;
  return (
    <>
      <div className="issuer-actions" data-testid="issuer-actions" data-issuer={options.issuer.id}>
        {options.mint && (
          <button type="button" className="primary" data-testid="mint-button" onClick={() => onOpen('mint')}>
            Mint from issuer
          </button>
        )}
        {options.redeem && (
          <button type="button" data-testid="redeem-button" onClick={() => onOpen('redeem')}>
            Redeem with issuer
          </button>
        )}
      </div>
      {notices}
    </>
  );
}
