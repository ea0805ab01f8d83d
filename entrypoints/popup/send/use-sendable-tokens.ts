// What the send form offers: the network's coin, then the tokens the account holds (from
// the portfolio snapshot), the tokens the user watches, and one named by the route.
import { useEffect, useState } from 'react';
import { useWallet } from '@/lib/ui-state';

export interface SendableToken {
  /** Empty for the network's own coin. */
  address: string;
  symbol: string;
  decimals: number;
  /** In the token's smallest unit, when known. */
  balance?: bigint;
}

export function useSendableTokens(from: string | undefined, routeToken: string | undefined): SendableToken[] {
  const call = useWallet((s) => s.call);
  const chainId = useWallet((s) => s.state?.activeChainId);
  const native = useWallet((s) => s.state?.networks.find((n) => n.chainId === s.state?.activeChainId)?.nativeCurrency);
  const watched = useWallet((s) => s.state?.watchedTokens);
  const [held, setHeld] = useState<SendableToken[]>([]);

  useEffect(() => {
    if (!from) return;
    let current = true;
    call('portfolio.get', { account: from }).then(
      (result) => {
        // The portfolio holds every enabled chain's holdings; a send goes out on the active chain only.
        const all = result.view.chainId === chainId ? (result.view.accounts.find((a) => a.address === from)?.holdings ?? []) : [];
        const holdings = all.filter((h) => h.token.chainId === chainId);
        if (current)
          setHeld(
            holdings
              .map((h) => ({ address: h.token.address, symbol: h.token.symbol, decimals: h.token.decimals, balance: BigInt(h.amount) }))
              .filter((t) => t.balance > 0n),
          );
      },
      () => current && setHeld([]),
    );
    return () => {
      current = false;
    };
  }, [call, from, chainId]);

  const tokens: SendableToken[] = [{ address: '', symbol: native?.symbol ?? 'ETH', decimals: native?.decimals ?? 18 }, ...held];
  const known = (address: string) => tokens.some((t) => t.address.toLowerCase() === address.toLowerCase());
  for (const t of watched ?? [])
    if (t.chainId === chainId && !known(t.address)) tokens.push({ address: t.address, symbol: t.symbol, decimals: t.decimals });
  if (routeToken && !known(routeToken))
    tokens.push({ address: routeToken, symbol: `${routeToken.slice(0, 6)}…${routeToken.slice(-4)}`, decimals: 18 });
  return tokens;
}
