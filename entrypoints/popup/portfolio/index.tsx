// The popup's portfolio screen: wiring between the wallet store and the presentational
// components. The popup shell renders it from its home route; the token detail is its own chunk.
import { AddToken } from '@/components/AddToken';
import { PortfolioList } from '@/components/PortfolioList';
import { useWallet } from '@/lib/ui-state';
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
        moreHoldings={result.moreHoldings}
        onOpen={(address, chainId) => navigate(`/token/${chainId}/${address}`)}
      />
      <AddToken onAdd={addToken} />
    </>
  );
}
