/** Tokenized-stock registry: schema, bundled data, devnet entries and lookups. */
export type { CompactRegistry } from './compact.ts';
export { packRegistry, unpackRegistry } from './compact.ts';
export { type ChainDex, type QuoteToken, SOURCED_DEXES, UNISWAP_V3_FEES, uniswapV2Pair, uniswapV3Pool } from './dexes.ts';
export type { DevnetDeployment, DevnetIssuerDeployment, DevnetTokenDeployment } from './devnet.ts';
export { mergeRegistryData, registryFromDevnet } from './devnet.ts';
export {
  createDiscoveredTokens,
  DISCOVERED_KEY,
  hasAnnouncingFactory,
  type DiscoveredTokens,
  type DShareAnswers,
  type DShareReads,
} from './discovered.ts';
export type { FetchDinariDSharesResult } from './dinari.ts';
export { FOUND_ON_CHAIN_LABEL, newTokenTopic, type ScanFactoryParameters, type ScanFactoryResult, scanFactoryTokens } from './discovery.ts';
export { fetchDinariDShares } from './dinari.ts';
export { priceFeedOf, unverifiedFeeds } from './feeds.ts';
export { loadBundledRegistry } from './load.ts';
export type { Registry } from './lookup.ts';
export { createRegistry, imitationOf } from './lookup.ts';
export type { RpcRequester } from './rpc.ts';
export { readChainId } from './rpc.ts';
export type {
  CorporateActionModel,
  Fact,
  Feed,
  FeedKind,
  Issuer,
  IssuerContract,
  IssuerStructure,
  Redemption,
  RegistryData,
  Token,
  Underlying,
} from './schema.ts';
export { CORPORATE_ACTION_MODELS, ISSUER_STRUCTURES, IssuerSchema, parseRegistryData, RegistryDataSchema, TokenSchema } from './schema.ts';
