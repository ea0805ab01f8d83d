/**
 * The Dinari-style issuer's HTTP API at Dinari Enterprise API v2 paths and shapes (the part a
 * self-custody wallet uses), served by the devnet issuer service:
 * - GET  /api/v2/market_data/stocks/?symbols=…  the issuer's stocks, tokens as CAIP-10 addresses
 * - POST /api/v2/accounts/{account_id}/orders/stocks/eip155/fee_quote  an operator-signed FeeQuote
 * Both need the X-API-Key-Id / X-API-Secret-Key headers (devnet values: DEVNET_DINARI_KEYS, also in
 * deployment.json and README.md). Interfaces from https://docs.dinari.com/reference/createevmorderfeequote
 * and github.com/dinaricrypto/dinari-api-sdk-typescript (src/resources/v2/...). Error bodies are
 * `{ detail }` with the HTTP status (Dinari's exact error shape is unverified).
 */
import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { type Address, isAddress, type LocalAccount, type PublicClient, parseUnits } from 'viem';
import { accountAt, indexOfRole } from '../catalog.ts';
import type { ChainDeployment } from '../deploy/index.ts';
import { kycRegistryAbi, orderProcessorAbi } from '../abis.ts';
import type { DevnetToken } from '../types.ts';
import { tokenPrice, usdcForTokens } from './pricing.ts';
import { feeQuoteTypes, quoteLifetimeSeconds } from './quotes.ts';

/** The devnet's Dinari API keys and the account they belong to (linked to the devnet 'user' wallet). */
export const DEVNET_DINARI_KEYS = {
  apiKeyId: 'devnet-dinari-key-id',
  apiSecretKey: 'devnet-dinari-secret-key',
  accountId: '0190c0de-0000-7000-8000-00000000d1a1',
} as const;

export class DinariHttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
  toJSON() {
    return { detail: this.detail };
  }
}

export type DinariContext = {
  client: PublicClient;
  deployment: ChainDeployment;
  signer: LocalAccount;
};

/** A stable UUID-shaped stock id per token, like Dinari's ids. */
export function stockIdOf(token: string): string {
  const h = createHash('sha256').update(token.toLowerCase()).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const decimalNumber = v.pipe(v.number(), v.minValue(0), v.finite());
const FeeQuoteRequest = v.object({
  chain_id: v.pipe(v.string(), v.regex(/^eip155:\d+$/)),
  order_side: v.picklist(['BUY', 'SELL']),
  order_tif: v.picklist(['DAY', 'GTC', 'IOC', 'FOK']),
  order_type: v.picklist(['MARKET', 'LIMIT']),
  stock_id: v.string(),
  payment_token: v.pipe(
    v.string(),
    v.check((s) => isAddress(s), 'an address'),
  ),
  payment_token_quantity: v.optional(decimalNumber),
  asset_token_quantity: v.optional(decimalNumber),
  limit_price: v.optional(decimalNumber),
});

/** The Dinari-style issuer of the deployment (the order-processor one), with its tokens. */
function dinariIssuer(deployment: ChainDeployment) {
  const issuer = deployment.issuers.find((i) => i.kind === 'order-processor');
  if (!issuer) throw new DinariHttpError(404, 'no Dinari-style issuer on this devnet');
  const tokens = deployment.tokens.filter((t) => t.issuer === issuer.id);
  return { issuer, tokens };
}

const tickerOf = (t: DevnetToken) => t.underlying?.ticker ?? t.symbol;

/** Answers a Dinari API v2 route, or undefined when the path is not one of them. */
export async function dinariRoute(
  ctx: DinariContext,
  method: string,
  url: URL,
  headers: Record<string, string | string[] | undefined>,
  readBody: () => Promise<unknown>,
): Promise<unknown> {
  const path = url.pathname;
  if (!path.startsWith('/api/v2/')) return undefined;
  if (headers['x-api-key-id'] !== DEVNET_DINARI_KEYS.apiKeyId || headers['x-api-secret-key'] !== DEVNET_DINARI_KEYS.apiSecretKey) {
    throw new DinariHttpError(401, 'invalid or missing API key');
  }
  const { deployment } = ctx;
  if (method === 'GET' && path === '/api/v2/market_data/stocks/') {
    const wanted = url.searchParams.getAll('symbols').flatMap((s) => s.split(','));
    const { tokens } = dinariIssuer(deployment);
    return tokens
      .filter((t) => wanted.length === 0 || wanted.includes(tickerOf(t)))
      .map((t) => ({
        id: stockIdOf(t.address),
        symbol: tickerOf(t),
        name: t.underlying?.name ?? t.name,
        is_fractionable: true,
        is_tradable: true,
        tokens: [`eip155:${deployment.chainId}:${t.address}`],
      }));
  }
  const feeQuote = /^\/api\/v2\/accounts\/([^/]+)\/orders\/stocks\/eip155\/fee_quote$/.exec(path);
  if (method === 'POST' && feeQuote) {
    if (decodeURIComponent(feeQuote[1]) !== DEVNET_DINARI_KEYS.accountId) throw new DinariHttpError(404, 'account not found');
    const raw = await readBody().catch(() => {
      throw new DinariHttpError(422, 'the body is not JSON');
    });
    const parsed = v.safeParse(FeeQuoteRequest, raw);
    if (!parsed.success) throw new DinariHttpError(422, `invalid request: ${parsed.issues[0]?.message ?? 'bad body'}`);
    return signFeeQuote(ctx, parsed.output);
  }
  throw new DinariHttpError(404, `no route ${method} ${path}`);
}

async function signFeeQuote(ctx: DinariContext, body: v.InferOutput<typeof FeeQuoteRequest>) {
  const { client, deployment, signer } = ctx;
  if (body.chain_id !== `eip155:${deployment.chainId}`) throw new DinariHttpError(422, 'unsupported chain');
  if (body.order_type !== 'MARKET') throw new DinariHttpError(422, 'the devnet quotes market orders only');
  const { issuer, tokens } = dinariIssuer(deployment);
  const token = tokens.find((t) => stockIdOf(t.address) === body.stock_id);
  if (!token) throw new DinariHttpError(404, 'stock not found');
  if (body.payment_token.toLowerCase() !== deployment.contracts.USDC.toLowerCase()) throw new DinariHttpError(422, 'unsupported payment token');
  const buy = body.order_side === 'BUY';
  const quantity = buy ? body.payment_token_quantity : body.asset_token_quantity;
  if (quantity === undefined || quantity <= 0)
    throw new DinariHttpError(
      422,
      buy ? 'payment_token_quantity is required for a market buy' : 'asset_token_quantity is required for a market sell',
    );
  // The account's linked wallet: the devnet's KYC-verified 'user'.
  const requester = accountAt(indexOfRole('user')).address as Address;
  const processor = issuer.contracts[0] as Address;
  const read = (functionName: 'estimateFees' | 'nextOrderId', args: readonly unknown[]) =>
    client.readContract({ address: processor, abi: orderProcessorAbi, functionName, args } as never) as Promise<bigint>;
  const verified = await client.readContract({
    address: deployment.contracts.KycRegistry as Address,
    abi: kycRegistryAbi,
    functionName: 'isVerified',
    args: [requester],
  });
  if (!verified) throw new DinariHttpError(403, 'the account has not completed KYC');
  // A sell's fee is quoted on its value at the feed price; a buy's on the payment amount.
  const paymentBase = buy ? parseUnits(String(quantity), 6) : await sellValue(ctx, token, parseUnits(String(quantity), token.decimals));
  const fee = await read('estimateFees', [paymentBase]);
  const orderId = await read('nextOrderId', [requester]);
  const { timestamp } = await client.getBlock();
  const message = { orderId, requester, fee, timestamp, deadline: timestamp + quoteLifetimeSeconds };
  const signature = await signer.signTypedData({
    domain: { name: 'OrderProcessor', version: '1', chainId: deployment.chainId, verifyingContract: processor },
    types: feeQuoteTypes,
    primaryType: 'FeeQuote',
    message,
  });
  return {
    chain_id: body.chain_id,
    fee: Number(fee) / 1e6,
    order_fee_contract_object: {
      chain_id: deployment.chainId,
      fee_quote: { orderId: orderId.toString(), requester, fee: fee.toString(), timestamp: Number(timestamp), deadline: Number(message.deadline) },
      fee_quote_signature: signature,
      fees: [{ fee_in_eth: Number(fee) / 1e6, fee_in_wei: fee.toString(), type: 'ORDER' }],
      payment_token: deployment.contracts.USDC,
    },
  };
}

async function sellValue(ctx: DinariContext, token: DevnetToken, quantity: bigint): Promise<bigint> {
  return usdcForTokens(quantity, await tokenPrice(ctx.client, token), false);
}
