/** Portfolio: balances in one Multicall3 batch, prices, backing, corporate actions, market hours. */
export { MULTICALL3_ADDRESS } from './abis.ts';
export {
  type ChainSupply,
  computeBackingRatio,
  type FamilySupply,
  type Freshness,
  familySupply,
  feedFreshness,
  type MissingSupplyReason,
} from './backing.ts';
export {
  balanceOfCall,
  balanceOfResult,
  buildPortfolioCalls,
  type CurrentMultiplierReading,
  type PortfolioCalls,
  type PortfolioRead,
  type PortfolioReadings,
  balanceKey,
  readPortfolioResults,
} from './calls.ts';
export {
  annualFeeBps,
  applyFeeDecay,
  balanceFromShares,
  effectiveMultiplier,
  type MultiplierSchedule,
  rebasedBalance,
  sharesFromBalance,
  underlyingEquivalent,
  underlyingFromOracle,
  WAD,
} from './corporate-actions.ts';
export {
  type CorporateActionEvent,
  type CorporateActions,
  emptyCorporateActions,
  type FetchCorporateActionsOptions,
  corporateActionsOf,
  fetchCorporateActions,
} from './history.ts';
export {
  DEX_LIQUIDITY_FLOOR_USD,
  DEX_PRICE_DECIMALS,
  type DexPool,
  type DexPoolReading,
  type DexPrice,
  type DexProtocol,
  deepestDexPrice,
  dexPoolsFor,
  poolPrice,
} from './dex.ts';
export {
  type AnnouncedDistribution,
  type AnnouncedDistributions,
  DEFAULT_DISTRIBUTION_LIMITS,
  type DistributionLimits,
  type DistributionState,
  distributionState,
  readAnnouncedDistributions,
} from './distributions.ts';
export { assembleSnapshot, holdingValue, usdValue, VALUE_DECIMALS } from './holdings.ts';
export { mergeWithLastGood } from './last-good.ts';
export { type MarketState, type MarketStatus, marketStatus, usMarketEarlyCloses, usMarketHolidays } from './market-hours.ts';
export {
  MAX_UPDATES_BY_VIEW,
  type MultiplierFee,
  type MultiplierState,
  readMultiplierState,
  type ScheduledMultiplier,
} from './multiplier-state.ts';
export { type Call3, type Call3Result, decodeAggregate3, encodeAggregate3, encodeAggregate3Compact } from './multicall.ts';
export { DEX_MARKET, type TokenPriceResult, tokenPriceFrom } from './price.ts';
export {
  decodePriceRounds,
  PRICE_HISTORY_ROUNDS,
  type PriceRound,
  priceRoundCalls,
  type ReadPriceHistoryParameters,
  readPriceHistory,
  roundsBefore,
} from './price-history.ts';
export { DEFAULT_HEARTBEAT_SECONDS, type PriceStaleReason, type PriceStatus, priceStatus } from './price-status.ts';
export { failedSnapshot, type RefreshPortfolioParameters, refreshPortfolio } from './refresh.ts';
export { RIGHTS_NOT_GIVEN, rightsNotGiven } from './rights.ts';
export { type ReadTokenPriceParameters, readTokenPrice } from './token-price.ts';
export {
  HOLDING_FIELDS,
  type Holding,
  type HoldingField,
  type HoldingPrice,
  type PortfolioIssue,
  type PortfolioSnapshot,
  PortfolioSnapshotSchema,
  parsePortfolioSnapshot,
} from './snapshot.ts';
export { WALLET_PRICE_DECIMALS, type WalletPriceSource, type WalletTokenPrice, walletTokenPrice } from './token-price.ts';
