/**
 * Dinari's Enterprise API v2, only the part a self-custody wallet needs: the signed fee quote
 * for an order the wallet then creates itself with OrderProcessor.createOrder(order, feeQuote,
 * signature), so what the user approves is exactly the call that goes on chain.
 *
 * Sources (interfaces only; nothing copied):
 * - Fee quote: https://docs.dinari.com/reference/createevmorderfeequote
 *   (POST /api/v2/accounts/{account_id}/orders/stocks/eip155/fee_quote; body and answer field
 *   names as in github.com/dinaricrypto/dinari-api-sdk-typescript
 *   src/resources/v2/accounts/orders/stocks/eip155.ts).
 * - Stocks: GET /api/v2/market_data/stocks/?symbols=… each with `id` and `tokens` as
 *   CAIP-10 addresses (https://github.com/dinaricrypto/dinari-api-sdk-typescript, src/resources/v2/market-data/stocks/stocks.ts).
 * - Auth headers X-API-Key-Id / X-API-Secret-Key: https://docs.dinari.com/docs/getting-started
 * - The FeeQuote struct and its EIP-712 domain ("OrderProcessor", "1"): REFERENCE.md (sbt-contracts v0.4.x).
 *
 * Dinari gives no price for a market order: the fee quote prices only the fee. The price and
 * quantity the wallet shows come from its own price feed (price-check.ts), and the order the
 * wallet encodes spends / sells exactly the amounts the user confirmed.
 *
 * Unverified: the JSON shape of Dinari's error bodies is not in the pages found, so errors are
 * mapped by HTTP status and any `detail` / `message` string is only quoted, never trusted.
 */
import * as v from 'valibot';
import { type Address, formatUnits, getAddress, type Hex, isAddress, isAddressEqual, recoverTypedDataAddress } from 'viem';
import type { AllowlistedFetch } from '../ports';
import { issuerError } from './errors';
import { firstIssue } from './schemas';

export const DINARI_PRODUCTION_ORIGIN = 'https://api-enterprise.sbt.dinari.com';
export const DINARI_SANDBOX_ORIGIN = 'https://api-enterprise.sandbox.dinari.com';

/** The credential fields of the 'dinari-v2' kind (entered by the user in Settings). */
export interface DinariCredentials {
  apiKeyId: string;
  apiSecretKey: string;
  accountId: string;
}

export const feeQuotePath = (accountId: string) => `/api/v2/accounts/${encodeURIComponent(accountId)}/orders/stocks/eip155/fee_quote`;

/** The fee-quote request body for a market order, in Dinari's decimal units (not base units). */
export interface FeeQuoteBody {
  chain_id: string;
  order_side: 'BUY' | 'SELL';
  order_tif: 'DAY';
  order_type: 'MARKET';
  stock_id: string;
  payment_token: Address;
  payment_token_quantity?: number;
  asset_token_quantity?: number;
}

export interface FeeQuoteAsk {
  chainId: number;
  side: 'mint' | 'redeem';
  /** Dinari's id of the stock (from the registry). */
  stockId: string;
  paymentToken: Address;
  paymentDecimals: number;
  tokenDecimals: number;
  /** A buy: payment-token base units to spend (before the fee). */
  paymentAmount?: bigint;
  /** A sell: token base units to sell. */
  tokenAmount?: bigint;
}

export function feeQuoteBody(ask: FeeQuoteAsk): FeeQuoteBody {
  const buy = ask.side === 'mint';
  const base = {
    chain_id: `eip155:${ask.chainId}`,
    order_side: buy ? 'BUY' : 'SELL',
    order_tif: 'DAY',
    order_type: 'MARKET',
    stock_id: ask.stockId,
    payment_token: ask.paymentToken,
  } as const;
  // A market buy names the payment amount, a market sell the share amount (the SDK's field notes).
  return buy
    ? { ...base, payment_token_quantity: Number(formatUnits(ask.paymentAmount ?? 0n, ask.paymentDecimals)) }
    : { ...base, asset_token_quantity: Number(formatUnits(ask.tokenAmount ?? 0n, ask.tokenDecimals)) };
}

const uintText = v.pipe(
  v.string(),
  v.regex(/^\d{1,78}$/, 'a decimal string of base units'),
  v.transform((s: string) => BigInt(s)),
);
const uintNumber = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(0),
  v.transform((n: number) => BigInt(n)),
);
const address = v.pipe(
  v.string(),
  v.check((s) => isAddress(s, { strict: false }), 'an address'),
  v.transform((s) => getAddress(s) as Address),
);

export const FeeQuoteAnswerSchema = v.object({
  chain_id: v.pipe(v.string(), v.regex(/^eip155:\d+$/, 'a CAIP-2 EVM chain id')),
  fee: v.number(),
  order_fee_contract_object: v.object({
    chain_id: v.pipe(v.number(), v.integer(), v.minValue(1)),
    fee_quote: v.object({ orderId: uintText, requester: address, fee: uintText, timestamp: uintNumber, deadline: uintNumber }),
    fee_quote_signature: v.pipe(
      v.string(),
      v.regex(/^0x[0-9a-fA-F]{130}$/, 'a 65-byte signature'),
      v.transform((s) => s as Hex),
    ),
    fees: v.array(v.object({ fee_in_eth: v.number(), fee_in_wei: uintText, type: v.string() })),
    payment_token: address,
  }),
});

export type FeeQuoteAnswer = v.InferOutput<typeof FeeQuoteAnswerSchema>;
export type FeeQuote = FeeQuoteAnswer['order_fee_contract_object']['fee_quote'];

export const feeQuoteTypes = {
  FeeQuote: [
    { name: 'orderId', type: 'uint256' },
    { name: 'requester', type: 'address' },
    { name: 'fee', type: 'uint256' },
    { name: 'timestamp', type: 'uint64' },
    { name: 'deadline', type: 'uint64' },
  ],
} as const;

export interface FeeQuoteExpectation {
  issuerName: string;
  chainId: number;
  /** The registry's OrderProcessor: the EIP-712 verifying contract. */
  contract: Address;
  /** The registry's fee-quote signers on this chain (the processor's operator). */
  signers: readonly Address[];
  user: Address;
  paymentToken: Address;
  /** Chain time now, seconds. */
  now: bigint;
}

/**
 * Validates a fee-quote answer and checks it is for this user, chain and payment token, still
 * valid, and signed by the registry's signer for the registry's contract. Throws issuer.bad_answer.
 */
export async function checkFeeQuote(answer: unknown, want: FeeQuoteExpectation): Promise<{ feeQuote: FeeQuote; signature: Hex }> {
  const fail = (detail: string) =>
    issuerError(
      'issuer.bad_answer',
      `${want.issuerName} sent a fee quote Sharekeep cannot accept (${detail}). Nothing was signed; ask for a new quote.`,
    );
  const parsed = v.safeParse(FeeQuoteAnswerSchema, answer);
  if (!parsed.success) throw fail(firstIssue(parsed.issues));
  const object = parsed.output.order_fee_contract_object;
  const { fee_quote: feeQuote, fee_quote_signature: signature } = object;
  if (object.chain_id !== want.chainId || parsed.output.chain_id !== `eip155:${want.chainId}`) throw fail('it is for another chain');
  if (!isAddressEqual(feeQuote.requester, want.user)) throw fail('it is for another account');
  if (!isAddressEqual(object.payment_token, want.paymentToken)) throw fail('it charges the fee in another token');
  if (feeQuote.deadline <= want.now) throw fail('it has already expired');
  if (feeQuote.timestamp > want.now + 300n) throw fail('it is dated in the future');
  let signer: Address;
  try {
    signer = await recoverTypedDataAddress({
      domain: { name: 'OrderProcessor', version: '1', chainId: want.chainId, verifyingContract: want.contract },
      types: feeQuoteTypes,
      primaryType: 'FeeQuote',
      message: feeQuote,
      signature,
    });
  } catch {
    throw fail('its signature is malformed');
  }
  if (!want.signers.some((s) => isAddressEqual(s, signer))) throw fail('it is not signed by the issuer’s registered signer for this contract');
  return { feeQuote, signature };
}

/** Dinari's HTTP failures as the wallet's issuer errors, one clear sentence each. */
export function fromDinariError(issuerName: string, status: number, body: unknown) {
  const said = (() => {
    const b = body as { detail?: unknown; message?: unknown } | undefined;
    const text = typeof b?.detail === 'string' ? b.detail : typeof b?.message === 'string' ? b.message : undefined;
    return text ? ` (${text.slice(0, 200)})` : '';
  })();
  if (status === 401 || status === 403)
    return issuerError(
      'issuer.no_account',
      `${issuerName} refused your API keys${said}. Check the Dinari API key id, secret and account id in Settings, then try again.`,
    );
  if (status === 404)
    return issuerError('issuer.unknown_token', `${issuerName} does not know this account or stock${said}. Check the account id in Settings.`);
  if (status === 400 || status === 422)
    return issuerError('issuer.bad_request', `${issuerName} refused the order${said}. Check the amount and try again.`);
  if (status === 429)
    return issuerError('issuer.unavailable', `${issuerName} is limiting requests right now${said}. Nothing was sent; wait a minute and try again.`);
  return issuerError('issuer.unavailable', `${issuerName} could not answer (HTTP ${status})${said}. Nothing was sent; try again later.`);
}

const StocksAnswerSchema = v.array(
  v.object({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)), symbol: v.string(), is_tradable: v.boolean(), tokens: v.array(v.string()) }),
);

export interface DinariApi {
  /** The raw fee-quote answer (a success answer); check it with checkFeeQuote. */
  feeQuote(body: FeeQuoteBody): Promise<unknown>;
  /** Dinari's stock id for the token at `token` on `chainId` (its CAIP-10 address listed under the stock `ticker`). */
  stockId(chainId: number, token: Address, ticker: string): Promise<string>;
}

export function createDinariApi(
  fetch: AllowlistedFetch,
  endpoint: { name: string; origin: string },
  isAllowlisted: (origin: string) => boolean,
  credentials: Record<string, string> | undefined,
): DinariApi {
  const creds = (): DinariCredentials => {
    const { apiKeyId, apiSecretKey, accountId } = credentials ?? {};
    if (!apiKeyId || !apiSecretKey || !accountId)
      throw issuerError(
        'issuer.no_account',
        `${endpoint.name} needs your Dinari API key id, secret and account id. Add them in Settings; nothing was sent.`,
      );
    return { apiKeyId, apiSecretKey, accountId };
  };

  async function call(method: 'GET' | 'POST', path: string, body: unknown, c: DinariCredentials): Promise<unknown> {
    const url = `${endpoint.origin}${path}`;
    if (!isAllowlisted(new URL(url).origin))
      throw issuerError('issuer.not_allowlisted', `${endpoint.name} at ${endpoint.origin} is not in Sharekeep's issuer allowlist. Nothing was sent.`);
    let response: Awaited<ReturnType<AllowlistedFetch>>;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'X-API-Key-Id': c.apiKeyId,
          'X-API-Secret-Key': c.apiSecretKey,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'issuer.not_allowlisted') throw err;
      throw issuerError('issuer.unavailable', `${endpoint.name} could not be reached. Nothing was sent; check your connection and try again.`, err);
    }
    const json = await response.json().catch(() => undefined);
    if (response.status < 200 || response.status >= 300) throw fromDinariError(endpoint.name, response.status, json);
    if (json === undefined)
      throw issuerError('issuer.bad_answer', `${endpoint.name} answered something that is not JSON. Nothing was signed; try again later.`);
    return json;
  }

  return {
    async feeQuote(body) {
      const c = creds();
      return call('POST', feeQuotePath(c.accountId), body, c);
    },
    async stockId(chainId, token, ticker) {
      const c = creds();
      const parsed = v.safeParse(
        StocksAnswerSchema,
        await call('GET', `/api/v2/market_data/stocks/?symbols=${encodeURIComponent(ticker)}`, undefined, c),
      );
      if (!parsed.success)
        throw issuerError('issuer.bad_answer', `${endpoint.name} sent a stock list Sharekeep does not understand (${firstIssue(parsed.issues)}).`);
      const caip10 = `eip155:${chainId}:${token}`.toLowerCase();
      const stock = parsed.output.find((s) => s.tokens.some((t) => t.toLowerCase() === caip10));
      if (!stock) throw issuerError('issuer.unknown_token', `${endpoint.name} does not list this token on this network. Nothing was sent.`);
      if (!stock.is_tradable)
        throw issuerError('issuer.market_closed', `${endpoint.name} does not trade ${stock.symbol} right now. Try again later.`);
      return stock.id;
    },
  };
}
