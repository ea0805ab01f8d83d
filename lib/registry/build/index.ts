/** Everything the registry generator (scripts/build-registry.ts) needs; not used at run time. */
import { packRegistry } from '../compact.ts';
import { parseRegistryData, type RegistryData, type Token } from '../schema.ts';
import { mergeTokens, ONDO_GM_PROFILE, type TokenListProfile, tokensFromList, XSTOCKS_PROFILE } from './from-token-lists.ts';
import { withFeedFacts } from './feed-facts.ts';
import { BUNDLED_ISSUERS } from './issuer-facts.ts';

export { DINARI_FACTORIES } from './issuer-facts.ts';
export * from './from-token-lists.ts';
export { ONDO_TOKEN_PRICE_FEEDS, SHARE_PRICE_FEEDS } from './feed-facts.ts';

/** Which list file feeds which issuer profile. */
export const TOKEN_LIST_FILES: readonly { file: string; profile: TokenListProfile }[] = [
  { file: 'xstocks.tokenlist.json', profile: XSTOCKS_PROFILE },
  { file: 'ondo-gm.tokenlist.json', profile: ONDO_GM_PROFILE },
];

/** Registry data from parsed lists (by file name) plus tokens found on-chain (dShares). */
export function buildRegistryData(lists: Record<string, unknown>, onChain: Token[] = []): RegistryData {
  const fromLists = TOKEN_LIST_FILES.map(({ file, profile }) => {
    if (!(file in lists)) throw new Error(`token list ${file} is missing`);
    return tokensFromList(lists[file], profile);
  });
  return parseRegistryData({ issuers: [...BUNDLED_ISSUERS], tokens: withFeedFacts(mergeTokens(...fromLists, onChain)) });
}

export function buildCompactRegistry(lists: Record<string, unknown>, onChain: Token[] = []) {
  return packRegistry(buildRegistryData(lists, onChain), Object.keys(lists).sort());
}
