/**
 * Which networks the portfolio reads: the active one always, and every other network the
 * wallet knows (built in or added) that the user did not turn off and on which there is
 * something to read (a registry token or a watched one). A network with nothing to read
 * costs no request.
 */
import type { Network } from '../chains';
import type { Registry, Token } from '../registry';
import type { Settings } from '../state';
import { portfolioTokens } from './tokens';

export interface PortfolioChain {
  network: Network;
  /** The tokens read on it (the same array while the registry and watch list stay, so its encoded batch is reused). */
  tokens: Token[];
}

/** Remembers each chain's token list per registry and watch list, so a refresh reuses its encoded batch. */
export function createChainTokens() {
  const known = new Map<number, { registry: Registry | undefined; watched: Settings['watchedTokens']; tokens: Token[] }>();
  return (registry: Registry | undefined, watched: Settings['watchedTokens'], chainId: number): Token[] => {
    const entry = known.get(chainId);
    if (entry && entry.registry === registry && entry.watched === watched) return entry.tokens;
    const tokens = portfolioTokens(registry, watched, chainId);
    known.set(chainId, { registry, watched, tokens });
    return tokens;
  };
}

/** The networks to read, the active one first, then in the wallet's order. */
export function portfolioChains(
  networks: readonly Network[],
  active: Network,
  settings: Pick<Settings, 'disabledChainIds' | 'watchedTokens'>,
  tokensOn: (chainId: number) => Token[],
): PortfolioChain[] {
  const off = new Set(settings.disabledChainIds);
  const others = networks
    .filter((n) => n.chainId !== active.chainId && !off.has(n.chainId))
    .map((network) => ({ network, tokens: tokensOn(network.chainId) }))
    .filter((c) => c.tokens.length > 0);
  return [{ network: active, tokens: tokensOn(active.chainId) }, ...others];
}
