// The popup's portfolio and token-detail screens: wiring between the wallet store and the
// presentational components. The popup shell renders these from its hash routes.
import { useEffect, useState } from 'react';
import { AddToken } from '@/components/AddToken';
import { PortfolioList } from '@/components/PortfolioList';
import { TokenDetail } from '@/components/TokenDetail';
import { UiCallError, useWallet } from '@/lib/ui-state';
import type { TokenDetailView } from '@/lib/holdings';
import { IssuerLinks } from '../issuer/IssuerLinks';
import { usePortfolio } from './use-portfolio';

type Navigate = (path: string) => void;

export function PortfolioScreen({ navigate }: { navigate: Navigate }) {
  const selected = useWallet((s) => s.state?.selectedAddress);
  const call = useWallet((s) => s.call);
  const { result, error } = usePortfolio();
  if (!result) return <p className="empty">{error ?? 'Reading your holdings…'}</p>;
  const account =
    result.view.accounts.find((a) => a.address.toLowerCase() === selected?.toLowerCase()) ?? (selected ? undefined : result.view.accounts[0]);
  const addToken = async (address: string) => {
    const added = await call('tokens.add', { address });
    await call('portfolio.refresh', { force: true }).catch(() => undefined);
    return added;
  };
  return (
    <>
      <PortfolioList
        view={result.view}
        account={account}
        refreshing={result.refreshing}
        error={error}
        onOpen={(address, chainId) => navigate(`/token/${chainId}/${address}`)}
      />
      <AddToken onAdd={addToken} />
    </>
  );
}

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
  if (!detail || detail.address.toLowerCase() !== address.toLowerCase()) return <p className="empty">Reading {address.slice(0, 10)}…</p>;
  return (
    <TokenDetail view={detail}>
      <IssuerLinks chainId={chainId} address={address} navigate={navigate} />
    </TokenDetail>
  );
}
