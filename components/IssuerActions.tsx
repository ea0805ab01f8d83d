// Mint and redeem buttons on a token's detail, shown only when its issuer is allowlisted for them.
import type { IssuerOptions, IssuerSide } from '@/lib/issuers';
import './Issuer.css';

export function IssuerActions({ options, onOpen }: { options: IssuerOptions | undefined; onOpen(side: IssuerSide): void }) {
  const unavailable = options?.unavailable?.redeem;
  if (unavailable && !options?.mint && !options?.redeem) {
    return (
      <p className="pf-notice" data-testid="issuer-unavailable">
        {unavailable.reason}{' '}
        {unavailable.link.startsWith('https://') ? (
          <a href={unavailable.link} target="_blank" rel="noreferrer">
            {unavailable.link}
          </a>
        ) : (
          unavailable.link
        )}
      </p>
    );
  }
  if (!options?.issuer || (!options.mint && !options.redeem)) return null;
  return (
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
  );
}
