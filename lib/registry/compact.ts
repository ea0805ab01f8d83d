/**
 * The bundled registry's on-disk form. Tokens that share issuer, symbol, name and
 * underlying (with its exchange and ISIN) are one "family" (xStocks reuse one address on six
 * chains), stored as parallel columns; each family lists its deployments as
 * `chainIndex.chainIndex:address` with the address checksummed and without 0x. Token rules
 * are stored once each in `rules`; a family names its rule by index (-1: the issuer's applies).
 * What only some families or deployments have is kept in sparse tables: `listings` (the
 * underlying's exchange and ISIN, by family) and `feeds` (price, reserve and multiplier-oracle
 * feeds, by chain and token address, since a feed is a contract on one chain). An issuer's
 * contracts that differ only by chain (the xStocks factory on six chains) are one entry with
 * the chains listed. The DEX table is stored as it is.
 */
import * as v from 'valibot';
import { type Rule, RuleSchema } from '../compliance/index.ts';
import { ChainDexSchema } from './dexes.ts';
import {
  CORPORATE_ACTION_MODELS,
  FeedSchema,
  type Issuer,
  type IssuerContract,
  IssuerContractSchema,
  IssuerSchema,
  parseRegistryData,
  type RegistryData,
  type Token,
  UnderlyingSchema,
} from './schema.ts';

export const COMPACT_FORMAT = 3;
/** A family whose tokens carry no rule of their own. */
const ISSUER_RULE = -1;
const index = v.pipe(v.number(), v.integer(), v.minValue(0));

/** One issuer contract entry for every chain it is deployed on with the same address, role and source. */
const CompactContractSchema = v.object({
  ...v.omit(IssuerContractSchema, ['chainId']).entries,
  chains: v.pipe(v.array(IssuerContractSchema.entries.chainId), v.minLength(1)),
});
const CompactIssuerSchema = v.object({ ...v.omit(IssuerSchema, ['contracts']).entries, contracts: v.array(CompactContractSchema) });

const ListingSchema = v.object({
  family: index,
  exchange: UnderlyingSchema.entries.exchange,
  isin: UnderlyingSchema.entries.isin,
});

const DeploymentFeedsSchema = v.object({
  chainId: IssuerContractSchema.entries.chainId,
  address: IssuerContractSchema.entries.address,
  price: v.optional(FeedSchema),
  reserve: v.optional(FeedSchema),
  multiplierOracle: v.optional(FeedSchema),
  tokenPrice: v.optional(FeedSchema),
});

export const CompactRegistrySchema = v.pipe(
  v.object({
    format: v.literal(COMPACT_FORMAT),
    generatedFrom: v.array(v.string()),
    chains: v.array(v.number()),
    issuers: v.array(CompactIssuerSchema),
    /** Token-level rules, each once; null: the token has none on record (its issuer's does not apply). */
    rules: v.array(v.nullable(RuleSchema)),
    families: v.object({
      issuer: v.array(v.number()),
      symbol: v.array(v.string()),
      name: v.array(v.string()),
      decimals: v.array(v.number()),
      /** Underlying ticker, or "" for a stablecoin. */
      ticker: v.array(v.string()),
      underlyingName: v.array(v.string()),
      corporateActions: v.array(v.number()),
      verified: v.array(v.picklist([0, 1])),
      /** Index into `rules`, or -1. */
      rule: v.array(v.pipe(v.number(), v.integer(), v.minValue(ISSUER_RULE))),
      deployments: v.array(v.array(v.string())),
    }),
    /** The underlying's exchange and ISIN, for the families that have one on record. */
    listings: v.array(ListingSchema),
    /** A token's feeds, for the deployments that have any. */
    feeds: v.array(DeploymentFeedsSchema),
    dexes: v.optional(v.array(ChainDexSchema)),
  }),
  v.check((c) => c.families.rule.every((i) => i < c.rules.length), 'every family names a rule of the rule table or -1'),
  v.check((c) => c.listings.every((l) => l.family < c.families.symbol.length), 'every listing names a family'),
);
export type CompactRegistry = v.InferOutput<typeof CompactRegistrySchema>;
type CompactIssuer = v.InferOutput<typeof CompactIssuerSchema>;
type CompactContract = v.InferOutput<typeof CompactContractSchema>;

function familyKey(t: Token): string {
  return JSON.stringify([t.issuer, t.symbol, t.name, t.decimals, t.kind, t.underlying, t.corporateActions, t.verified, t.rule]);
}

const tokenKey = (chainId: number, address: string) => `${chainId}:${address.toLowerCase()}`;

/** Indexes each distinct token rule once, in order of first use. */
function ruleTable(tokens: readonly Token[]) {
  const rules: (Rule | null)[] = [];
  const keys: string[] = [];
  const indexOf = (rule: Rule | null | undefined): number => {
    if (rule === undefined) return ISSUER_RULE;
    const key = JSON.stringify(rule);
    if (!keys.includes(key)) {
      keys.push(key);
      rules.push(rule);
    }
    return keys.indexOf(key);
  };
  for (const t of tokens) indexOf(t.rule);
  return { rules, indexOf };
}

/** Folds runs of contracts that differ only by chain into one entry (runs only, so the order survives). */
function packContracts(contracts: readonly IssuerContract[]): CompactContract[] {
  const out: CompactContract[] = [];
  let lastKey = '';
  for (const { chainId, ...rest } of contracts) {
    const key = JSON.stringify([rest.address, rest.role, rest.verified, rest.source, rest.read]);
    const last = out.at(-1);
    if (last && key === lastKey) last.chains.push(chainId);
    else out.push({ ...rest, chains: [chainId] });
    lastKey = key;
  }
  return out;
}

function unpackIssuer({ contracts, ...issuer }: CompactIssuer): Issuer {
  return { ...issuer, contracts: contracts.flatMap(({ chains, ...rest }) => chains.map((chainId) => ({ chainId, ...rest }))) };
}

/** Packs registry data; every field of the schema is carried, and a token found on chain (`discovery`) is refused. */
export function packRegistry(data: RegistryData, generatedFrom: string[] = []): CompactRegistry {
  const chains = [...new Set(data.tokens.map((t) => t.chainId))].sort((a, b) => a - b);
  const issuerIds = data.issuers.map((i) => i.id);
  const families = new Map<string, { token: Token; byAddress: Map<string, number[]> }>();
  const feeds: CompactRegistry['feeds'] = [];
  for (const token of data.tokens) {
    if (token.discovery) throw new Error(`${token.symbol} on ${token.chainId} was found on chain: the wallet caches it, the bundle never carries it`);
    const key = familyKey(token);
    const family = families.get(key) ?? { token, byAddress: new Map() };
    families.set(key, family);
    const chainsOfAddress = family.byAddress.get(token.address) ?? [];
    chainsOfAddress.push(chains.indexOf(token.chainId));
    family.byAddress.set(token.address, chainsOfAddress);
    if (token.feeds) feeds.push({ chainId: token.chainId, address: token.address, ...token.feeds });
  }
  const rows = [...families.values()];
  const { rules, indexOf } = ruleTable(rows.map((r) => r.token));
  const listings = rows.flatMap(({ token: { underlying: u } }, family) =>
    u?.exchange !== undefined || u?.isin !== undefined
      ? [{ family, ...(u.exchange !== undefined ? { exchange: u.exchange } : {}), ...(u.isin !== undefined ? { isin: u.isin } : {}) }]
      : [],
  );
  return {
    format: COMPACT_FORMAT,
    generatedFrom,
    chains,
    issuers: data.issuers.map((i) => ({ ...i, contracts: packContracts(i.contracts) })),
    rules,
    families: {
      issuer: rows.map((r) => issuerIds.indexOf(r.token.issuer)),
      symbol: rows.map((r) => r.token.symbol),
      name: rows.map((r) => r.token.name),
      decimals: rows.map((r) => r.token.decimals),
      ticker: rows.map((r) => r.token.underlying?.ticker ?? ''),
      underlyingName: rows.map((r) => r.token.underlying?.name ?? ''),
      corporateActions: rows.map((r) => CORPORATE_ACTION_MODELS.indexOf(r.token.corporateActions)),
      verified: rows.map((r) => (r.token.verified ? 1 : 0)),
      rule: rows.map((r) => indexOf(r.token.rule)),
      deployments: rows.map((r) => [...r.byAddress].map(([address, idx]) => `${idx.join('.')}:${address.slice(2)}`)),
    },
    listings,
    feeds,
    ...(data.dexes ? { dexes: data.dexes } : {}),
  };
}

/** Unpacks and validates the compact form. */
export function unpackRegistry(input: unknown): RegistryData {
  const c = v.parse(CompactRegistrySchema, input);
  const f = c.families;
  const listings = new Map(c.listings.map(({ family, ...listing }) => [family, listing]));
  const feeds = new Map(c.feeds.map(({ chainId, address, ...feed }) => [tokenKey(chainId, address), feed]));
  const tokens: Token[] = [];
  f.symbol.forEach((symbol, i) => {
    const ticker = f.ticker[i];
    const ruleIndex = f.rule[i] ?? ISSUER_RULE;
    const rule = ruleIndex === ISSUER_RULE ? {} : { rule: c.rules[ruleIndex] };
    const underlying = ticker ? { ticker, name: f.underlyingName[i], ...listings.get(i) } : null;
    for (const deployment of f.deployments[i]) {
      const [chainIndexes, hex] = deployment.split(':');
      for (const chainIndex of chainIndexes.split('.')) {
        const chainId = c.chains[Number(chainIndex)];
        const address = `0x${hex}`;
        const ownFeeds = feeds.get(tokenKey(chainId, address));
        tokens.push({
          chainId,
          address,
          symbol,
          name: f.name[i],
          decimals: f.decimals[i],
          issuer: c.issuers[f.issuer[i]]?.id ?? '',
          kind: ticker ? 'stock' : 'stablecoin',
          underlying,
          corporateActions: CORPORATE_ACTION_MODELS[f.corporateActions[i]],
          ...(ownFeeds ? { feeds: ownFeeds } : {}),
          ...rule,
          verified: f.verified[i] === 1,
        });
      }
    }
  });
  return parseRegistryData({ issuers: c.issuers.map(unpackIssuer), tokens, ...(c.dexes ? { dexes: c.dexes } : {}) });
}
