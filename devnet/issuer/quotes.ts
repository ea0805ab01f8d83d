import type { Address, Hex, LocalAccount, PublicClient } from 'viem';
import type { ChainDeployment } from '../deploy/index.ts';
import type { DevnetToken } from '../types.ts';
import { kycRegistryAbi } from '../abis.ts';
import { IssuerError } from './errors.ts';
import type { MarketStatus } from './market-hours.ts';
import { depositRedemptionFee, minimumTradeUsdc, tokenPrice, tokensForUsdc, usdcForTokens } from './pricing.ts';

/** A quote stays valid for two minutes of chain time. */
export const quoteLifetimeSeconds = 120n;

export type QuoteRequest = {
  token: string;
  side: 'buy' | 'sell';
  quantity?: bigint;
  amount?: bigint;
  address: Address;
};

export type QuoteContext = {
  client: PublicClient;
  deployment: ChainDeployment;
  signer: LocalAccount;
  marketStatus(): MarketStatus;
  /** The operator's deviant-quote setting for a token (tests): none when absent. */
  skew?(token: Address): QuoteSkew | undefined;
};

/**
 * A deviant quote on purpose, set by the operator for one token: `priceBps` moves the quoted
 * price (and the value with it) off the feed, `valueBps` moves only the value, so the quote's
 * price x quantity no longer adds up. Basis points, may be negative.
 */
export type QuoteSkew = { priceBps: number; valueBps: number };

export const skewed = (amount: bigint, bps: number) => (amount * BigInt(10_000 + bps)) / 10_000n;

const text = (value: bigint | number) => value.toString();

/** Prices a mint (buy) or redeem (sell) and signs what the issuer's contract will verify. */
export async function createQuote(ctx: QuoteContext, request: QuoteRequest) {
  const { client, deployment } = ctx;
  const token = findToken(deployment, request.token);
  if (ctx.marketStatus() === 'closed') {
    throw new IssuerError('market_closed', `${token.underlying.exchange} is closed; try again during market hours`);
  }
  const userId = await client.readContract({
    address: deployment.contracts.KycRegistry as Address,
    abi: kycRegistryAbi,
    functionName: 'userIdOf',
    args: [request.address],
  });
  if (BigInt(userId) === 0n) throw new IssuerError('kyc_required', `${request.address} has not completed KYC`);

  const buy = request.side === 'buy';
  const issuer = deployment.issuers.find((i) => i.id === token.issuer)!;
  if (issuer.kind === 'order-processor') {
    throw new IssuerError('not_found', `${issuer.name} is served at Dinari API v2 paths (/api/v2/…), not /v1/quotes`);
  }
  if (issuer.kind === 'attestation') {
    throw new IssuerError('not_found', `${issuer.name} is served at Ondo GM's attestation paths (/v1/attestations), not /v1/quotes`);
  }
  if (issuer.kind === 'deposit' && buy) {
    throw new IssuerError('not_found', `${issuer.name} issues new tokens only to onboarded clients off-chain; it redeems by deposit`);
  }
  const skew = ctx.skew?.(token.address as Address) ?? { priceBps: 0, valueBps: 0 };
  const price = skewed(await tokenPrice(client, token), skew.priceBps);
  const quantity = request.quantity ?? tokensForUsdc(request.amount ?? 0n, price);
  const value = skewed(usdcForTokens(quantity, price, buy), skew.valueBps);
  if (value < minimumTradeUsdc) {
    throw new IssuerError('amount_below_minimum', `the minimum trade is ${minimumTradeUsdc / 1_000_000n} USDC`);
  }
  const { timestamp } = await client.getBlock();
  const expiry = timestamp + quoteLifetimeSeconds;
  const base = {
    issuer: issuer.id,
    kind: issuer.kind,
    token: token.address,
    symbol: token.symbol,
    side: request.side,
    quantity: text(quantity),
    price: text(price),
    value: text(value),
    paymentToken: deployment.contracts.USDC,
    expiry: text(expiry),
    marketStatus: 'open' as MarketStatus,
    contract: issuer.kind === 'deposit' ? issuer.depositAddress! : issuer.contracts[0],
  };
  const priced = { token, quantity, price, value, userId, timestamp, expiry, buy, contract: base.contract as Address };
  // Only the deposit issuer is quoted here (the others speak Ondo's and Dinari's own APIs).
  const signed = depositQuote(priced, issuer);
  return { ...base, ...signed };
}

type Priced = {
  token: DevnetToken;
  quantity: bigint;
  price: bigint;
  value: bigint;
  userId: Hex;
  timestamp: bigint;
  expiry: bigint;
  buy: boolean;
  contract: Address;
};

/**
 * A Backed-style redemption: an indicative quote (the issuer redeems at NAV when it executes,
 * less its fee) naming the deposit address the tokens go to, the payout address and the T+n window.
 */
function depositQuote(p: Priced, issuer: ChainDeployment['issuers'][number]) {
  const fee = depositRedemptionFee(p.value);
  return {
    fee: text(fee),
    total: text(p.value - fee),
    method: 'transfer',
    depositAddress: issuer.depositAddress!,
    payoutAddress: issuer.payoutAddress!,
    settlementDays: issuer.settlementDays ?? 3,
  };
}

export function findToken(deployment: ChainDeployment, tokenOrSymbol: string): DevnetToken {
  const wanted = tokenOrSymbol.toLowerCase();
  const token = deployment.tokens.find((t) => t.address.toLowerCase() === wanted || t.symbol.toLowerCase() === wanted);
  // A token of an issuer without an API here (Backed-style bTokens) is not minted by the devnet issuers.
  const issuer = token && deployment.issuers.find((i) => i.id === token.issuer);
  if (!token || !issuer || issuer.kind === 'none') throw new IssuerError('unknown_token', `no devnet issuer mints ${tokenOrSymbol}`);
  return token;
}

export const attestationDomain = (deployment: ChainDeployment, manager: string) =>
  ({ name: 'OndoGMTokenManager', version: '1', chainId: deployment.chainId, verifyingContract: manager as Address }) as const;

export const attestationTypes = {
  Quote: [
    { name: 'chainId', type: 'uint256' },
    { name: 'attestationId', type: 'uint256' },
    { name: 'userId', type: 'bytes32' },
    { name: 'asset', type: 'address' },
    { name: 'price', type: 'uint256' },
    { name: 'quantity', type: 'uint256' },
    { name: 'expiration', type: 'uint256' },
    { name: 'side', type: 'uint8' },
    { name: 'additionalData', type: 'bytes32' },
  ],
} as const;

export const feeQuoteTypes = {
  FeeQuote: [
    { name: 'orderId', type: 'uint256' },
    { name: 'requester', type: 'address' },
    { name: 'fee', type: 'uint256' },
    { name: 'timestamp', type: 'uint64' },
    { name: 'deadline', type: 'uint64' },
  ],
} as const;
