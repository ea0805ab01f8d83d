/**
 * What the wallet knows about a token without asking the chain: the bundled registry (and
 * devnet entries in a devnet build) plus tokens the user chose to watch.
 */
import type { Address } from 'viem';
import { policyFor, type TokenPolicy } from '../compliance';
import type { TokenInfo } from '../intent';
import { type Imitation, imitationLabel, type NamedToken } from '../names';
import { imitationOf, type Registry, type Token } from '../registry';
import type { WatchedToken } from '../state';

export interface TokenLookup {
  info(chainId: number, address: Address): TokenInfo | undefined;
  policy(chainId: number, address: string): TokenPolicy | undefined;
  /** Registry tokens a token at `address` reads as (see Registry.lookalikes). */
  lookalikes(chainId: number, symbol: string, address: string, name?: string): Token[];
  /** What a token outside the registry imitates (a registry token or a disguised well-known symbol). */
  imitation(chainId: number, address: string, token: NamedToken): Imitation | undefined;
  /**
   * The lookup a request's view names tokens with: a token that imitates another is never
   * named as it (see imitationLabel); every other one as it is.
   */
  shown(chainId: number, info: (address: Address) => TokenInfo | undefined): (address: Address) => TokenInfo | undefined;
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
    lookalikes(chainId, symbol, address, name) {
      return registry()?.lookalikes(chainId, symbol, address, name) ?? [];
    },
    imitation,
    shown(chainId, info) {
      return (address) => {
        const found = info(address);
        if (!found) return undefined;
        const label = imitationLabel(found.symbol, imitation(chainId, address, found));
        return label === found.symbol ? found : { ...found, symbol: label };
      };
    },
  };

  function imitation(chainId: number, address: string, token: NamedToken): Imitation | undefined {
    return imitationOf(registry(), chainId, address, token);
  }
}
