/** Lookups over registry data, indexed once. Addresses compare case-insensitively. */
import { type Imitation, imitatedWellKnown, type NamedToken, readsAs } from '../names/index.ts';
import { type ChainDex, SOURCED_DEXES } from './dexes.ts';
import { type Issuer, NON_CONTRACT_ROLES, type RegistryData, type Token } from './schema.ts';

export interface Registry {
  readonly data: RegistryData;
  findToken(chainId: number, address: string): Token | undefined;
  tokensOnChain(chainId: number): readonly Token[];
  /**
   * The token's family: the same product of the same issuer (issuer, symbol and underlying ticker)
   * on every chain the registry lists it on, itself included, in chain id order. One token on one
   * chain is a family of one; a token outside the registry has none (empty).
   */
  family(token: Pick<Token, 'chainId' | 'address'>): readonly Token[];
  /** The DEX factories and quote tokens of a chain, with their source; undefined where none is sourced. */
  dexOn(chainId: number): ChainDex | undefined;
  issuer(id: string): Issuer | undefined;
  /** Every issuer the registry names. */
  issuers(): readonly Issuer[];
  /** True when a verified origin of some issuer matches (scheme, host and port). */
  isAllowlistedIssuerOrigin(origin: string): boolean;
  /** True for a verified mint/redeem contract of some issuer on that chain. */
  isAllowlistedIssuerContract(chainId: number, address: string): boolean;
  /** The issuer whose contract this is on that chain (verified or not), and its role. */
  issuerContract(chainId: number, address: string): { issuer: Issuer; role: string; verified: boolean } | undefined;
  /**
   * Registry tokens that a token at another address reads as: its symbol or name has the
   * confusable skeleton of their symbol (or its name of their name). Those on `chainId` if there
   * are any, else those on other chains (the registry token is then not on this chain at all).
   */
  lookalikes(chainId: number, symbol: string, address: string, name?: string): Token[];
  /**
   * What a token outside the registry imitates: a registry token, else a well-known symbol in
   * disguise; undefined for a registry token itself and for a token that imitates nothing.
   */
  imitation(chainId: number, address: string, token: NamedToken): Imitation | undefined;
}

const key = (chainId: number, address: string) => `${chainId}:${address.toLowerCase()}`;
/** What makes tokens on several chains one product: xStocks reuse one address (CREATE2), Ondo GM does not. */
const familyKey = (t: Token) => JSON.stringify([t.issuer, t.kind, t.symbol, t.underlying?.ticker ?? null]);

function wellKnownImitation(token: NamedToken): Imitation | undefined {
  const wellKnown = imitatedWellKnown(token);
  return wellKnown ? { of: wellKnown } : undefined;
}

/** The one imitation rule, also before the registry has loaded (then only well-known symbols count). */
export function imitationOf(registry: Registry | undefined, chainId: number, address: string, token: NamedToken): Imitation | undefined {
  return registry ? registry.imitation(chainId, address, token) : wellKnownImitation(token);
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
  const families = new Map<string, Token[]>();
  for (const token of data.tokens) {
    const list = families.get(familyKey(token)) ?? [];
    list.push(token);
    families.set(familyKey(token), list);
  }
  const familyOf = new Map<Token, Token[]>();
  for (const list of families.values()) {
    list.sort((a, b) => a.chainId - b.chainId);
    for (const token of list) familyOf.set(token, list);
  }
  const issuers = new Map(data.issuers.map((i) => [i.id, i]));
  const origins = new Set(data.issuers.flatMap((i) => i.origins.filter((o) => o.verified).map((o) => originOf(o.origin))));
  const issuerContracts = new Map(
    data.issuers.flatMap((issuer) =>
      issuer.contracts
        .filter((c) => !NON_CONTRACT_ROLES.includes(c.role))
        .map((c) => [key(c.chainId, c.address), { issuer, role: c.role, verified: c.verified }] as const),
    ),
  );
  const contracts = new Set(
    data.issuers.flatMap((i) =>
      i.contracts.filter((c) => c.verified && c.role !== 'factory' && !NON_CONTRACT_ROLES.includes(c.role)).map((c) => key(c.chainId, c.address)),
    ),
  );

  return {
    data,
    findToken: (chainId, address) => byAddress.get(key(chainId, address)),
    tokensOnChain: (chainId) => byChain.get(chainId) ?? [],
    family(token) {
      const listed = byAddress.get(key(token.chainId, token.address));
      return listed ? (familyOf.get(listed) ?? [listed]) : [];
    },
    dexOn: (chainId) => (data.dexes ?? []).find((d) => d.chainId === chainId) ?? SOURCED_DEXES.find((d) => d.chainId === chainId),
    issuer: (id) => issuers.get(id),
    issuers: () => data.issuers,
    isAllowlistedIssuerOrigin(origin) {
      const normalized = originOf(origin);
      return normalized !== undefined && normalized !== 'null' && origins.has(normalized);
    },
    isAllowlistedIssuerContract: (chainId, address) => contracts.has(key(chainId, address)),
    issuerContract: (chainId, address) => issuerContracts.get(key(chainId, address)),
    lookalikes,
    imitation(chainId, address, token) {
      if (byAddress.has(key(chainId, address))) return undefined;
      const twin = lookalikes(chainId, token.symbol, address, token.name)[0];
      return twin ? { of: twin.symbol, address: twin.address, chainId: twin.chainId } : wellKnownImitation(token);
    },
  };

  function lookalikes(chainId: number, symbol: string, address: string, name?: string): Token[] {
    const lower = address.toLowerCase();
    const candidate = { symbol, name };
    const found = data.tokens.filter((t) => t.address.toLowerCase() !== lower && readsAs(candidate, t));
    const here = found.filter((t) => t.chainId === chainId);
    return here.length ? here : found;
  }
}
