/**
 * The portfolio application on top of lib/portfolio: which tokens an account holds on the active
 * chain, the cached snapshot the popup paints at once, and the token-detail screen.
 */
export type { BackingCoverage, BackingView } from './backing';
export type { CorporateActionsView, FactView, PriceHistoryView, TokenDetailView } from './detail';
export { PORTFOLIO_CACHE_PREFIX, type RecentBalances, recentBalances } from './cache';
export type { PayoutCurrency } from './dividends';
export { compareByValue, FIRST_PAINT_ROWS, type FirstPaint, firstPaintOf } from './first-paint';
export {
  createPortfolioService,
  type HoldingsDeps,
  type PortfolioService,
  type PortfolioServiceOptions,
} from './service';
export { portfolioTokens, UNLISTED_ISSUER, watchedAsToken } from './tokens';
export { type PortfolioChain, portfolioChains } from './chains';
export type { HoldingBacking, HoldingView, PortfolioAccountView, PortfolioChainView, PortfolioResult, PortfolioTotal, PortfolioView } from './view';
