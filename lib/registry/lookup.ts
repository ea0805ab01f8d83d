/** Lookups over registry data, indexed once. Addresses compare case-insensitively. */
import type { Issuer, RegistryData, Token } from './schema.ts';

export interface Registry {
  readonly data: RegistryData;
  findToken(chainId: number, address: string): Token | undefined;
  tokensOnChain(chainId: number): readonly Token[];
  issuer(id: string): Issuer | undefined;
  /** True when a verified origin of some issuer matches (scheme, host and port). */
  isAllowlistedIssuerOrigin(origin: string): boolean;
  /** True for a verified mint/redeem contract of some issuer on that chain. */
  isAllowlistedIssuerContract(chainId: number, address: string): boolean;
  /** Registry tokens on the chain with the same symbol (ignoring case and width) at another address. */
  lookalikes(chainId: number, symbol: string, address: string): Token[];
}

const key = (chainId: number, address: string) => `${chainId}:${address.toLowerCase()}`;

/** NFKC folds full-width and compatibility letters, so "ＡＡＰＬx" matches "AAPLx". */
export function normalizeSymbol(symbol: string): string {
  return symbol.normalize('NFKC').trim().toUpperCase();
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export function createRegistry(data: RegistryData): Registry {
  const byAddress = new Map<string, Token>();
  const byChain = new Map<number, Token[]>();
  for (const token of data.tokens) {
    byAddress.set(key(token.chainId, token.address), token);
    const list = byChain.get(token.chainId) ?? [];
    list.push(token);
    byChain.set(token.chainId, list);
  }
  const issuers = new Map(data.issuers.map((i) => [i.id, i]));
  const origins = new Set(data.issuers.flatMap((i) => i.origins.filter((o) => o.verified).map((o) => originOf(o.origin))));
  const contracts = new Set(
    data.issuers.flatMap((i) => i.contracts.filter((c) => c.verified && c.role !== 'factory').map((c) => key(c.chainId, c.address))),
  );

  return {
    data,
    findToken: (chainId, address) => byAddress.get(key(chainId, address)),
    tokensOnChain: (chainId) => byChain.get(chainId) ?? [],
    issuer: (id) => issuers.get(id),
    isAllowlistedIssuerOrigin(origin) {
      const normalized = originOf(origin);
      return normalized !== undefined && normalized !== 'null' && origins.has(normalized);
    },
    isAllowlistedIssuerContract: (chainId, address) => contracts.has(key(chainId, address)),
    lookalikes(chainId, symbol, address) {
      const wanted = normalizeSymbol(symbol);
      const lower = address.toLowerCase();
      return (byChain.get(chainId) ?? []).filter((t) => normalizeSymbol(t.symbol) === wanted && t.address.toLowerCase() !== lower);
    },
  };
}
