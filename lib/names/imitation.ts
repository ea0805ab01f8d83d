/**
 * The one rule for token names that imitate others: a symbol or name whose skeleton equals the
 * skeleton of a symbol the user trusts reads as that symbol, whatever letters it is written in.
 */
import { symbolSkeleton, visibleText } from './skeleton.ts';

/**
 * Symbols users know without the registry: the native currencies of the built-in networks
 * (lib/chains: ETH, BNB, MNT, HYPE), the stablecoins the registry's issuers settle in
 * (REFERENCE.md section 1: USDC and USDT for Ondo GM mints, USD+ for Dinari) and the wrapped
 * and dollar tokens most pools pair with. Sharekeep knows no address for them, so only a
 * disguised spelling (other letters, invisible characters, full-width forms) counts as an
 * imitation: a plain "USDC" may be the real one.
 */
export const WELL_KNOWN_SYMBOLS = ['ETH', 'WETH', 'BTC', 'WBTC', 'USDC', 'USDT', 'DAI', 'USD+', 'BNB', 'MNT', 'HYPE'] as const;

/** What a token outside the registry imitates: a registry token (with its address) or a well-known symbol. */
export interface Imitation {
  of: string;
  /** The registry token it imitates; absent for a well-known symbol. */
  address?: string;
  chainId?: number;
}

export interface NamedToken {
  symbol: string;
  name?: string;
}

const texts = (t: NamedToken) => [t.symbol, ...(t.name ? [t.name] : [])].filter((s) => symbolSkeleton(s) !== '');

/** The candidate's symbol or name reads like the target's symbol (or its name like the target's name). */
export function readsAs(candidate: NamedToken, target: NamedToken): boolean {
  const wanted = texts(candidate).map(symbolSkeleton);
  const symbol = symbolSkeleton(target.symbol);
  if (symbol && wanted.includes(symbol)) return true;
  const name = candidate.name && target.name ? symbolSkeleton(target.name) : '';
  return name !== '' && symbolSkeleton(candidate.name ?? '') === name;
}

/** The well-known symbol a disguised spelling imitates ("UЅDC" with a Cyrillic Ѕ, "US\u200BDC", "ＵＳＤＣ"). */
export function imitatedWellKnown(candidate: NamedToken): string | undefined {
  for (const text of texts(candidate)) {
    const skeleton = symbolSkeleton(text);
    const match = WELL_KNOWN_SYMBOLS.find((s) => symbolSkeleton(s) === skeleton);
    if (match && text.trim().toUpperCase() !== match) return match;
  }
  return undefined;
}

/**
 * How a token outside the registry is named wherever the wallet shows it when it imitates
 * another: never as the token it imitates. Invisible characters are written out.
 */
export function imitationLabel(symbol: string, imitation: Imitation | undefined): string {
  const shown = visibleText(symbol);
  return imitation ? `${shown} (look-alike of ${imitation.of}, not it)` : shown;
}
