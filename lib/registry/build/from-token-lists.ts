/**
 * Turns issuers' Uniswap-format token lists into registry tokens. Each list comes with a
 * profile saying how its issuer names tokens, so the underlying ticker and name can be
 * read off the symbol and name (AAPLx -> AAPL, "Apple (Ondo Tokenized)" -> Apple).
 */
import * as v from 'valibot';
import { getAddress } from 'viem';
import type { Rule } from '../../compliance/index.ts';
import { ONDO_GM_RULE, USDY_RULE } from '../issuer-rules.ts';
import type { CorporateActionModel, Token } from '../schema.ts';

export const TokenListSchema = v.object({
  name: v.string(),
  timestamp: v.optional(v.string()),
  tokens: v.array(
    v.object({
      chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
      address: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/)),
      name: v.string(),
      symbol: v.string(),
      decimals: v.pipe(v.number(), v.integer(), v.minValue(0)),
      extensions: v.optional(v.record(v.string(), v.unknown())),
    }),
  ),
});
export type TokenList = v.InferOutput<typeof TokenListSchema>;

export interface TokenListProfile {
  issuer: string;
  corporateActions: CorporateActionModel;
  /** Suffix the issuer appends to the underlying ticker ("x", "on"). */
  symbolSuffix: string;
  /** Text around the underlying name in the token name, e.g. " xStock". */
  namePattern: { prefix: string; suffix: string };
  /** Symbols in the list that are the issuer's cash tokens, not stocks. */
  stablecoins: readonly string[];
  /** The rule of every stock in the list, when the issuer's terms give one for its stocks alone. */
  stockRule?: Rule;
  /** Rules the issuer's terms give a cash token by symbol. */
  cashRules?: Readonly<Record<string, Rule>>;
}

export const XSTOCKS_PROFILE: TokenListProfile = {
  issuer: 'xstocks',
  corporateActions: 'multiplier',
  symbolSuffix: 'x',
  namePattern: { prefix: '', suffix: ' xStock' },
  stablecoins: [],
};

export const ONDO_GM_PROFILE: TokenListProfile = {
  issuer: 'ondo-gm',
  corporateActions: 'oracle-multiplier',
  symbolSuffix: 'on',
  namePattern: { prefix: '', suffix: ' (Ondo Tokenized)' },
  stablecoins: ['USDon', 'USDY'],
  stockRule: ONDO_GM_RULE,
  cashRules: { USDY: USDY_RULE },
};

function strip(text: string, prefix: string, suffix: string): string | null {
  if (!text.startsWith(prefix) || !text.endsWith(suffix) || text.length <= prefix.length + suffix.length) return null;
  return text.slice(prefix.length, text.length - suffix.length);
}

/** The underlying a stock's symbol and name say under its issuer's naming; null when they do not follow it. */
export function underlyingFromNaming(symbol: string, name: string, profile: TokenListProfile): { ticker: string; name: string } | null {
  const ticker = strip(symbol, '', profile.symbolSuffix);
  const underlying = strip(name, profile.namePattern.prefix, profile.namePattern.suffix);
  return ticker && underlying ? { ticker, name: underlying } : null;
}

/** Registry tokens for one list; throws when an entry does not follow its issuer's naming. */
export function tokensFromList(input: unknown, profile: TokenListProfile): Token[] {
  const list = v.parse(TokenListSchema, input);
  return list.tokens.map((entry): Token => {
    const base = {
      chainId: entry.chainId,
      address: getAddress(entry.address),
      symbol: entry.symbol,
      name: entry.name,
      decimals: entry.decimals,
      issuer: profile.issuer,
      verified: true,
    };
    if (profile.stablecoins.includes(entry.symbol)) {
      const rule = profile.cashRules?.[entry.symbol];
      return { ...base, kind: 'stablecoin', underlying: null, corporateActions: 'none', ...(rule ? { rule } : {}) };
    }
    const underlying = underlyingFromNaming(entry.symbol, entry.name, profile);
    if (!underlying) throw new Error(`${list.name}: cannot read the underlying of ${entry.symbol} "${entry.name}"`);
    const rule = profile.stockRule ? { rule: profile.stockRule } : {};
    return { ...base, kind: 'stock', underlying, corporateActions: profile.corporateActions, ...rule };
  });
}

/** Joins token sets; the same chain and address twice is an error unless the entries agree. */
export function mergeTokens(...sets: readonly Token[][]): Token[] {
  const seen = new Map<string, Token>();
  for (const token of sets.flat()) {
    const key = `${token.chainId}:${token.address.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier && (earlier.symbol !== token.symbol || earlier.issuer !== token.issuer)) {
      throw new Error(`chain ${token.chainId} address ${token.address} is both ${earlier.symbol} and ${token.symbol}`);
    }
    if (!earlier) seen.set(key, token);
  }
  return [...seen.values()];
}
