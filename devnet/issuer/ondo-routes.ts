/**
 * The Ondo-style issuer's HTTP API at Ondo GM's attestation paths and shapes
 * (https://docs.ondo.finance/api-reference: "Request a Mint or Redeem Attestation", "Request a Soft
 * Attestation Quote", "Error Codes"), served by the devnet issuer service:
 * - POST /v1/attestations       an EIP-712 Quote signed by the issuer-operator key, for the manager
 * - POST /v1/attestations/soft  the same price, unsigned (a reference for the wallet)
 * Both need the `x-api-key` header (devnet value DEVNET_ONDO_KEYS.apiKey, also in deployment.json).
 * Like Ondo's, the body names no wallet: the key belongs to an account whose whitelisted address is
 * the devnet 'user' wallet, and the attestation carries that address's KYC id (the KycRegistry's).
 * Errors are `{ code, message }` with the HTTP status; the codes are Ondo's where it lists one.
 */
import { randomBytes } from 'node:crypto';
import * as v from 'valibot';
import { type Address, bytesToBigInt, type Hex, hexToBytes, pad, parseUnits } from 'viem';
import { accountAt, indexOfRole } from '../catalog.ts';
import { kycRegistryAbi } from '../abis.ts';
import type { DevnetToken } from '../types.ts';
import { minimumTradeUsdc, tokenPrice, usdcForTokens } from './pricing.ts';
import { attestationDomain, attestationTypes, type QuoteContext, quoteLifetimeSeconds, skewed } from './quotes.ts';

/** The devnet's Ondo GM API key (its account's whitelisted address is the devnet 'user' wallet). */
export const DEVNET_ONDO_KEYS = { apiKey: 'devnet-ondo-api-key' } as const;

export class OndoHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
  toJSON() {
    return { code: this.code, message: this.message };
  }
}

const AttestationRequest = v.object({
  chainId: v.string(),
  symbol: v.pipe(v.string(), v.minLength(1), v.maxLength(32)),
  side: v.picklist(['buy', 'sell']),
  tokenAmount: v.pipe(v.string(), v.regex(/^\d{1,30}(\.\d{1,18})?$/)),
});

/** Answers an Ondo-path request, or undefined when the path is not one of Ondo's. */
export async function ondoRoute(
  ctx: QuoteContext,
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
  body: () => Promise<unknown>,
): Promise<unknown> {
  if (method !== 'POST' || (path !== '/v1/attestations' && path !== '/v1/attestations/soft')) return undefined;
  const key = headers['x-api-key'];
  if (key === undefined) throw new OndoHttpError(401, 'MISSING_API_KEY', 'x-api-key header is required');
  if (key !== DEVNET_ONDO_KEYS.apiKey) throw new OndoHttpError(401, 'INVALID_API_KEY', 'the API key is not valid');
  const parsed = v.safeParse(AttestationRequest, await body());
  if (!parsed.success) throw new OndoHttpError(400, 'INVALID_REQUEST', 'chainId, symbol, side and tokenAmount are required');
  return attestation(ctx, parsed.output, path.endsWith('/soft'));
}

async function attestation(ctx: QuoteContext, body: v.InferOutput<typeof AttestationRequest>, soft: boolean) {
  const { client, deployment } = ctx;
  if (body.chainId !== `devnet-${deployment.chainId}`) throw new OndoHttpError(400, 'UNSUPPORTED_CHAIN', `unsupported chain ${body.chainId}`);
  const issuer = deployment.issuers.find((i) => i.kind === 'attestation');
  const token = issuer && deployment.tokens.find((t) => t.issuer === issuer.id && t.symbol === body.symbol);
  if (!issuer || !token) throw new OndoHttpError(404, 'ASSET_NOT_FOUND', `no asset ${body.symbol}`);
  if (ctx.marketStatus() === 'closed') throw new OndoHttpError(409, 'MARKET_CLOSED', `${token.underlying.exchange} is closed`);
  const buy = body.side === 'buy';
  const quantity = parseUnits(body.tokenAmount, token.decimals);
  // The operator's deviant price for tests (PUT /v1/pricing); its valueBps has no meaning here: Ondo's answer carries no value.
  const price = skewed(await tokenPrice(client, token), ctx.skew?.(token.address as Address)?.priceBps ?? 0);
  const value = usdcForTokens(quantity, price, buy);
  if (value < minimumTradeUsdc) throw new OndoHttpError(422, 'BELOW_MINIMUM', `the minimum trade is ${minimumTradeUsdc / 1_000_000n} USD`);
  if (soft) return { symbol: token.symbol, side: buy ? '0' : '1', tokenAmount: quantity.toString(), price: price.toString() };

  // The key's account: its whitelisted address is the devnet 'user' wallet, its userId that wallet's KYC id.
  const owner = accountAt(indexOfRole('user')).address as Address;
  const userId = await client.readContract({
    address: deployment.contracts.KycRegistry as Address,
    abi: kycRegistryAbi,
    functionName: 'userIdOf',
    args: [owner],
  });
  if (BigInt(userId) === 0n) throw new OndoHttpError(403, 'USER_NOT_WHITELISTED', 'the account has no completed KYC and no whitelisted address');
  return signed(ctx, token, { quantity, price, buy, userId }, issuer.contracts[0] as Address);
}

async function signed(ctx: QuoteContext, token: DevnetToken, p: { quantity: bigint; price: bigint; buy: boolean; userId: Hex }, manager: Address) {
  const { timestamp } = await ctx.client.getBlock();
  const quote = {
    chainId: BigInt(ctx.deployment.chainId),
    attestationId: bytesToBigInt(randomBytes(16)),
    userId: p.userId,
    asset: token.address as Address,
    price: p.price,
    quantity: p.quantity,
    expiration: timestamp + quoteLifetimeSeconds,
    side: p.buy ? 0 : 1,
    // Empty, as in Ondo's own example: the zero word on chain.
    additionalData: pad('0x', { size: 32 }),
  };
  const signature = await ctx.signer.signTypedData({
    domain: attestationDomain(ctx.deployment, manager),
    types: attestationTypes,
    primaryType: 'Quote',
    message: quote,
  });
  return {
    attestationId: quote.attestationId.toString(),
    userId: quote.userId,
    chainId: quote.chainId.toString(),
    symbol: token.symbol,
    ticker: token.underlying.ticker,
    assetAddress: quote.asset,
    side: String(quote.side),
    tokenAmount: quote.quantity.toString(),
    price: quote.price.toString(),
    expiration: Number(quote.expiration),
    signature: Buffer.from(hexToBytes(signature)).toString('base64'),
    additionalData: '',
  };
}
