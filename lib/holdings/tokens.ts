/**
 * Which tokens a portfolio refresh reads on a chain: every registry token there, plus the
 * tokens the user chose to watch. A watched token outside the registry is read like a
 * plain token (no corporate actions, no feeds) and stays marked unverified.
 */
import type { Registry, Token } from '../registry';
import type { WatchedToken } from '../state';

/** The issuer id given to watched tokens the registry does not know. */
export const UNLISTED_ISSUER = 'unlisted';

export function watchedAsToken(w: WatchedToken): Token {
  return {
    chainId: w.chainId,
    address: w.address,
    symbol: w.symbol,
    name: w.symbol,
    decimals: w.decimals,
    issuer: UNLISTED_ISSUER,
    kind: 'stock',
    underlying: null,
    corporateActions: 'none',
    verified: false,
  };
}

export function portfolioTokens(registry: Registry | undefined, watched: readonly WatchedToken[], chainId: number): Token[] {
  const listed = registry?.tokensOnChain(chainId) ?? [];
  const known = new Set(listed.map((t) => t.address.toLowerCase()));
  const extra = watched.filter((w) => w.chainId === chainId && !known.has(w.address.toLowerCase())).map(watchedAsToken);
  return [...listed, ...extra];
}

/** The token at an address on a chain: from the registry, else from the watch list. */
export function findPortfolioToken(
  registry: Registry | undefined,
  watched: readonly WatchedToken[],
  chainId: number,
  address: string,
): Token | undefined {
  const listed = registry?.findToken(chainId, address);
  if (listed) return listed;
  const mine = watched.find((w) => w.chainId === chainId && w.address.toLowerCase() === address.toLowerCase());
  return mine ? watchedAsToken(mine) : undefined;
}
