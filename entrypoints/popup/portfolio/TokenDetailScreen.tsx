// The popup's token-detail screen, loaded only when a row is opened: its components (backing,
// corporate actions, the price chart) stay out of the popup's first paint.
import { useEffect, useState } from 'react';
import { TokenDetail } from '@/components/TokenDetail';
import type { TokenDetailView } from '@/lib/holdings';
import { UiCallError, useWallet } from '@/lib/ui-state';
import { IssuerLinks } from '../issuer/IssuerLinks';

type Navigate = (path: string) => void;

type Detail = TokenDetailView & { readError: string | null };

export function TokenDetailScreen({ chainId, address, navigate }: { chainId: number; address: string; navigate: Navigate }) {
  const call = useWallet((s) => s.call);
  const selected = useWallet((s) => s.state?.selectedAddress);
  const [detail, setDetail] = useState<Detail>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let alive = true;
    setError(undefined);
    call('portfolio.detail', { chainId, address, account: selected }).then(
      (d) => alive && setDetail(d),
      (err: unknown) => alive && setError(err instanceof UiCallError ? err.message : 'Could not reach Sharekeep.'),
    );
    return () => {
      alive = false;
    };
  }, [call, chainId, address, selected]);

  if (error) return <p className="pf-notice">{error}</p>;
  if (!detail || detail.chainId !== chainId || detail.address.toLowerCase() !== address.toLowerCase())
    return <p className="empty">Reading {address.slice(0, 10)}…</p>;
  return (
    <TokenDetail view={detail}>
      <IssuerLinks chainId={chainId} address={address} navigate={navigate} />
    </TokenDetail>
  );
}
