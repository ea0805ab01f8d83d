/**
 * The bundled registry's on-disk form. Tokens that share issuer, symbol, name and
 * underlying are one "family" (xStocks reuse one address on six chains), stored as
 * parallel columns; each family lists its deployments as `chainIndex.chainIndex:address`
 * with the address checksummed and without 0x. Issuers are stored as they are. Token rules
 * are stored once each in `rules`; a family names its rule by index (-1: the issuer's applies).
 */
import * as v from 'valibot';
import { type Rule, RuleSchema } from '../compliance/index.ts';
import { CORPORATE_ACTION_MODELS, IssuerSchema, parseRegistryData, type RegistryData, type Token } from './schema.ts';

export const COMPACT_FORMAT = 2;
/** A family whose tokens carry no rule of their own. */
const ISSUER_RULE = -1;

export const CompactRegistrySchema = v.pipe(
  v.object({
    format: v.literal(COMPACT_FORMAT),
    generatedFrom: v.array(v.string()),
    chains: v.array(v.number()),
    issuers: v.array(IssuerSchema),
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
  }),
  v.check((c) => c.families.rule.every((i) => i < c.rules.length), 'every family names a rule of the rule table or -1'),
);
export type CompactRegistry = v.InferOutput<typeof CompactRegistrySchema>;

function familyKey(t: Token): string {
  return JSON.stringify([t.issuer, t.symbol, t.name, t.decimals, t.kind, t.underlying, t.corporateActions, t.verified, t.rule]);
}

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

/** Packs registry data; throws on token fields the compact form does not carry. */
export function packRegistry(data: RegistryData, generatedFrom: string[] = []): CompactRegistry {
  const chains = [...new Set(data.tokens.map((t) => t.chainId))].sort((a, b) => a - b);
  const issuerIds = data.issuers.map((i) => i.id);
  const families = new Map<string, { token: Token; byAddress: Map<string, number[]> }>();
  for (const token of data.tokens) {
    if (token.feeds || token.underlying?.exchange || token.underlying?.isin) {
      throw new Error(`${token.symbol} on ${token.chainId}: feeds, exchange and ISIN are not in the compact form yet`);
    }
    const key = familyKey(token);
    const family = families.get(key) ?? { token, byAddress: new Map() };
    families.set(key, family);
    const chainsOfAddress = family.byAddress.get(token.address) ?? [];
    chainsOfAddress.push(chains.indexOf(token.chainId));
    family.byAddress.set(token.address, chainsOfAddress);
  }
  const rows = [...families.values()];
  const { rules, indexOf } = ruleTable(rows.map((r) => r.token));
  return {
    format: COMPACT_FORMAT,
    generatedFrom,
    chains,
    issuers: data.issuers,
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
  };
}

/** Unpacks and validates the compact form. */
export function unpackRegistry(input: unknown): RegistryData {
  const c = v.parse(CompactRegistrySchema, input);
  const f = c.families;
  const tokens: Token[] = [];
  f.symbol.forEach((symbol, i) => {
    const ticker = f.ticker[i];
    const ruleIndex = f.rule[i] ?? ISSUER_RULE;
    const rule = ruleIndex === ISSUER_RULE ? {} : { rule: c.rules[ruleIndex] };
    for (const deployment of f.deployments[i]) {
      const [chainIndexes, hex] = deployment.split(':');
      for (const chainIndex of chainIndexes.split('.')) {
        tokens.push({
          chainId: c.chains[Number(chainIndex)],
          address: `0x${hex}`,
          symbol,
          name: f.name[i],
          decimals: f.decimals[i],
          issuer: c.issuers[f.issuer[i]]?.id ?? '',
          kind: ticker ? 'stock' : 'stablecoin',
          underlying: ticker ? { ticker, name: f.underlyingName[i] } : null,
          corporateActions: CORPORATE_ACTION_MODELS[f.corporateActions[i]],
          ...rule,
          verified: f.verified[i] === 1,
        });
      }
    }
  });
  return parseRegistryData({ issuers: c.issuers, tokens });
}
