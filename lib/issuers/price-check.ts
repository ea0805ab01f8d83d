/**
 * The price sanity check of an issuer's quote, the one rule the popup shows and the service
 * enforces: the quoted price against the wallet's own price for the token, and the quote's own
 * arithmetic (price x quantity, in the token's and the stablecoin's decimals, must be the value,
 * and the total the value plus or minus the fee). A deviation over 2% is shown as a warning;
 * over 10% the quote is refused. Without a wallet price the user is told so: never a silent pass.
 */
import { type WalletTokenPrice, walletTokenPrice } from '../portfolio';
import type { RpcCall } from '../ports';
import type { ChainDex, Token } from '../registry';
import { issuerError } from './errors';
import type { CheckedQuote } from './types';

export type PriceCheckLevel = 'ok' | 'warn' | 'block' | 'unknown';

export interface PriceCheck {
  level: PriceCheckLevel;
  /** One sentence per finding, worst first. */
  message: string;
  /** Quoted price against the wallet's, in basis points (signed: positive when the quote is higher); absent without a wallet price. */
  marketDeviationBps?: number;
  /** How far price x quantity is from the quoted value, in basis points (unsigned, rounding forgiven). */
  arithmeticDeviationBps: number;
  source: WalletTokenPrice['source'];
  /** The wallet's price, USD per whole token with 18 decimals, as a decimal string. */
  walletPrice?: string;
}

/** Above this deviation the user is warned. */
export const PRICE_WARN_BPS = 200;
/** Above this deviation the quote is refused: nothing is sent. */
export const PRICE_BLOCK_BPS = 1_000;

const PRICE_DECIMALS = 18;
const levelOf = (bps: number): 'ok' | 'warn' | 'block' => (bps > PRICE_BLOCK_BPS ? 'block' : bps > PRICE_WARN_BPS ? 'warn' : 'ok');
const RANK: Record<PriceCheckLevel, number> = { ok: 0, unknown: 1, warn: 2, block: 3 };
export const worseLevel = (a: PriceCheckLevel, b: PriceCheckLevel): PriceCheckLevel => (RANK[a] >= RANK[b] ? a : b);

/** |a - b| / b in basis points, rounded up, capped so it stays a safe number. */
function deviationBps(a: bigint, b: bigint): number {
  if (b <= 0n) return Number.MAX_SAFE_INTEGER;
  const diff = a > b ? a - b : b - a;
  const bps = (diff * 10_000n + b - 1n) / b;
  return bps > 100_000_000n ? 100_000_000 : Number(bps);
}

const percent = (bps: number) => `${(bps / 100).toFixed(1).replace(/\.0$/, '')}%`;

/** The payment-token value of `quantity` tokens at `price` (18 decimals), rounded down unless `roundUp` (what a buyer pays). */
export function valueAt(quantity: bigint, price: bigint, tokenDecimals: number, paymentDecimals: number, roundUp = false): bigint {
  const product = quantity * price * 10n ** BigInt(paymentDecimals);
  const scale = 10n ** BigInt(tokenDecimals + PRICE_DECIMALS);
  return roundUp ? (product + scale - 1n) / scale : product / scale;
}

export interface PriceCheckInput {
  quote: Pick<CheckedQuote, 'side' | 'quantity' | 'price' | 'value' | 'fee' | 'total'>;
  tokenDecimals: number;
  paymentDecimals: number;
  symbol: string;
  market: WalletTokenPrice;
}

export function checkQuotePrice({ quote, tokenDecimals, paymentDecimals, symbol, market }: PriceCheckInput): PriceCheck {
  // The quote's own sums: the value is price x quantity (one base unit of rounding either way),
  // and what is paid or paid out is that value plus or minus the quoted fee.
  const implied = valueAt(quote.quantity, quote.price, tokenDecimals, paymentDecimals);
  const expectedTotal = quote.side === 'mint' ? implied + quote.fee : implied - quote.fee;
  const off = quote.total > expectedTotal ? quote.total - expectedTotal : expectedTotal - quote.total;
  const arithmeticDeviationBps = off <= 1n ? 0 : deviationBps(quote.total, expectedTotal);
  const findings: { level: 'ok' | 'warn' | 'block'; text: string }[] = [];
  const arithmeticLevel = levelOf(arithmeticDeviationBps);
  if (arithmeticLevel !== 'ok') {
    findings.push({
      level: arithmeticLevel,
      text: `The quote does not add up: its price times the quantity, ${quote.side === 'mint' ? 'plus' : 'less'} the fee, is ${percent(arithmeticDeviationBps)} away from the amount it asks you to ${quote.side === 'mint' ? 'pay' : 'accept'}.`,
    });
  }
  const base = { arithmeticDeviationBps, source: market.source };
  if (market.source === 'none') {
    const worst = findings.find((f) => f.level !== 'ok');
    return {
      ...base,
      level: worst ? worst.level : 'unknown',
      message: [worst?.text, `No market price to compare: ${market.reason}. Check the price yourself before you confirm.`].filter(Boolean).join(' '),
    };
  }
  const marketBps = deviationBps(quote.price, market.usdPerToken);
  const signed = quote.price >= market.usdPerToken ? marketBps : -marketBps;
  const marketLevel = levelOf(marketBps);
  const where = market.source === 'feed' ? 'price feed' : 'DEX price';
  findings.push({
    level: marketLevel,
    text:
      marketLevel === 'ok'
        ? `The quoted price is within ${percent(PRICE_WARN_BPS)} of the ${where} for ${symbol}.`
        : `The quoted price is ${percent(marketBps)} ${signed > 0 ? 'above' : 'below'} the ${where} for ${symbol}.`,
  });
  findings.sort((a, b) => RANK[b.level] - RANK[a.level]);
  const level = findings[0].level;
  const verdict = level === 'block' ? ` Sharekeep refuses quotes more than ${percent(PRICE_BLOCK_BPS)} off; nothing was sent.` : '';
  return {
    ...base,
    level,
    message: `${findings.map((f) => f.text).join(' ')}${verdict}`,
    marketDeviationBps: signed,
    walletPrice: market.usdPerToken.toString(),
  };
}

/** The check of a quote for `token` against the wallet's price read now through the user's RPC. */
/** Where the wallet's own price comes from on a chain: the token's feed, else its deepest pool. */
export interface MarketSource {
  dex?: ChainDex;
  now?: () => number;
}

export async function priceCheckFor(
  rpc: RpcCall,
  token: Token,
  quote: PriceCheckInput['quote'],
  paymentDecimals: number,
  source: MarketSource = {},
): Promise<PriceCheck> {
  const market = await walletTokenPrice(rpc, token, source);
  return checkQuotePrice({ quote, tokenDecimals: token.decimals, paymentDecimals, symbol: token.symbol, market });
}

/** Throws issuer.price_deviation for a check that blocks: the rule holds in the background, whatever a page shows. */
export function refuseBlockedPrice(check: PriceCheck | undefined, issuerName: string): void {
  if (check?.level !== 'block') return;
  throw issuerError('issuer.price_deviation', `${issuerName}'s quote is refused: ${check.message}`);
}
