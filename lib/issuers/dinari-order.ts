/**
 * A Dinari-style market order (Dinari's API v2 quotes no price for one): the registry's processor,
 * payment token and fee-quote signer; the wallet's own price to size it; Dinari's signed fee quote,
 * checked; then the order the wallet itself sends to createOrder.
 */
import type { RpcCall } from '../ports';
import { walletTokenPrice } from '../portfolio';
import type { ChainReader } from './chain';
import { checkFeeQuote, type DinariApi, feeQuoteBody } from './dinari-api';
import { issuerError } from './errors';
import { ownMarketOrder } from './order-processor';
import { type MarketSource, valueAt } from './price-check';
import { tokenRef } from './request-steps';
import { contractsFor, type ResolvedIssuer } from './resolve';
import type { CheckedQuote, QuoteAsk } from './types';

export async function quoteDinariOrder(
  env: { chain: ChainReader; rpc: RpcCall; market: MarketSource },
  dinari: DinariApi,
  resolved: ResolvedIssuer,
  ask: QuoteAsk,
): Promise<CheckedQuote> {
  const { chain } = env;
  const contract = contractsFor(resolved, ask.side)[0];
  const paymentToken = resolved.paymentTokens[0];
  if (!contract || !paymentToken || resolved.feeQuoteSigners.length === 0)
    throw issuerError(
      'issuer.unsupported',
      `Sharekeep has no verified ${resolved.issuer.name} order contract, payment token and fee-quote signer on this network, so it cannot check an order. Nothing was sent.`,
    );
  const payment = await tokenRef(chain, paymentToken);
  const market = await walletTokenPrice(env.rpc, resolved.token, env.market);
  if (market.source === 'none')
    throw issuerError(
      'issuer.price_deviation',
      `${resolved.issuer.name} quotes no price for a market order and Sharekeep has none to size it (${market.reason}). Nothing was sent.`,
    );
  const stockId = await dinari.stockId(
    ask.chainId,
    ask.token,
    // Dinari lists stocks by the underlying ticker; a dShare's own symbol carries a ".d" suffix.
    resolved.token.underlying?.ticker ?? resolved.token.symbol.replace(/\.d$/i, ''),
  );
  const value = valueAt(ask.quantity, market.usdPerToken, resolved.token.decimals, payment.decimals);
  const body = feeQuoteBody({
    chainId: ask.chainId,
    side: ask.side,
    stockId,
    paymentToken,
    paymentDecimals: payment.decimals,
    tokenDecimals: resolved.token.decimals,
    paymentAmount: value,
    tokenAmount: ask.quantity,
  });
  const now = await chain.chainTime();
  const { feeQuote, signature } = await checkFeeQuote(await dinari.feeQuote(body), {
    issuerName: resolved.issuer.name,
    chainId: ask.chainId,
    contract,
    signers: resolved.feeQuoteSigners,
    user: ask.user,
    paymentToken,
    now,
  });
  return ownMarketOrder({
    ask,
    contract,
    paymentToken,
    tokenDecimals: resolved.token.decimals,
    paymentDecimals: payment.decimals,
    walletPrice: market.usdPerToken,
    feeQuote,
    signature,
    now,
  });
}
