// What the token's issuer offers this wallet (mint, redeem) and what the user's jurisdiction forbids.
import { useEffect, useState } from 'react';
import type { IssuerOptions } from '@/lib/issuers';
import { useWallet } from '@/lib/ui-state';

export function useIssuerOptions(chainId: number, token: string): IssuerOptions | undefined {
  const call = useWallet((s) => s.call);
  const [options, setOptions] = useState<IssuerOptions>();
  useEffect(() => {
    let alive = true;
    call('issuer.options', { chainId, token }).then(
      (o) => alive && setOptions(o),
      () => alive && setOptions(undefined),
    );
    return () => {
      alive = false;
    };
  }, [call, chainId, token]);
  return options;
}
