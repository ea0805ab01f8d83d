/**
 * What the wallet knows about a token without asking the chain: the bundled registry (and
 * devnet entries in a devnet build) plus tokens the user chose to watch.
 */
import type { Address } from 'viem';
import { policyFor, type TokenPolicy } from '../compliance';
import type { TokenInfo } from '../intent';
import type { Registry, Token } from '../registry';
import type { WatchedToken } from '../state';

export interface TokenLookup {
  info(chainId: number, address: Address): TokenInfo | undefined;
  policy(chainId: number, address: string): TokenPolicy | undefined;
  lookalikes(chainId: number, symbol: string, address: string): Token[];
}

export function createTokenLookup(registry: () => Registry | undefined, watched: () => WatchedToken[]): TokenLookup {
  return {
    info(chainId, address) {
      const token = registry()?.findToken(chainId, address);
      if (token) return { symbol: token.symbol, decimals: token.decimals };
      const mine = watched().find((t) => t.chainId === chainId && t.address.toLowerCase() === address.toLowerCase());
      return mine ? { symbol: mine.symbol, decimals: mine.decimals } : undefined;
    },
    /** The registry token's policy; a watched token is no security the wallet knows of, so it has none. */
    policy(chainId, address) {
      const reg = registry();
      const token = reg?.findToken(chainId, address);
      return token && reg ? policyFor(token, reg.issuer(token.issuer)) : undefined;
    },
    lookalikes(chainId, symbol, address) {
      return registry()?.lookalikes(chainId, symbol, address) ?? [];
    },
  };
}
