/**
 * Ondo GM's attestation API, as its reference describes it (https://docs.ondo.finance/api-reference,
 * "Request a Mint or Redeem Attestation", "Request a Soft Attestation Quote", "Error Codes"):
 * POST /v1/attestations (and /v1/attestations/soft for a price reference without a signature)
 * behind an `x-api-key` header, body {chainId: "ethereum-1", symbol, side: "buy"|"sell",
 * tokenAmount: decimal string}. The answer carries the on-chain Quote's fields as strings and the
 * signature in base64. This module builds the body, parses the answer into the Quote struct the
 * GMTokenManager takes, and refuses an answer that is not the quote that was asked for.
 * `name` in what follows is the issuer's name as the registry gives it (the devnet's Ondo-style
 * issuer speaks the same API under its own name).
 */
import * as v from 'valibot';
import { type Address, getAddress, type Hex, isAddress, keccak256, recoverTypedDataAddress, toBytes } from 'viem';
import { issuerError } from './errors';

export const ONDO_SOURCE = 'https://docs.ondo.finance/api-reference';

/** Ondo's chain names by chain id (its reference lists ethereum-1 and bsc-56). */
const CHAIN_NAMES: Record<number, string> = { 1: 'ethereum-1', 56: 'bsc-56' };

export function ondoChainName(chainId: number): string {
  // The devnet imitates Ondo on its own chain id, named the same way.
  return CHAIN_NAMES[chainId] ?? `devnet-${chainId}`;
}

export interface OndoAsk {
  chainId: number;
  symbol: string;
  asset: Address;
  side: 'buy' | 'sell';
  /** Whole tokens, 18 decimals. */
  quantity: bigint;
}

/** A 1e18 quantity as Ondo's decimal tokenAmount (up to 18 places, no trailing zeros). */
export function tokenAmountOf(quantity: bigint): string {
  const whole = quantity / 10n ** 18n;
  const frac = (quantity % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export function attestationBody(ask: OndoAsk) {
  return { chainId: ondoChainName(ask.chainId), symbol: ask.symbol, side: ask.side, tokenAmount: tokenAmountOf(ask.quantity) };
}

const intString = v.pipe(v.string(), v.regex(/^\d{1,78}$/));
const Answer = v.object({
  attestationId: intString,
  userId: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/)),
  chainId: intString,
  symbol: v.string(),
  assetAddress: v.pipe(v.string(), v.check(isAddress)),
  side: v.picklist(['0', '1']),
  tokenAmount: intString,
  price: intString,
  expiration: v.pipe(v.number(), v.integer(), v.minValue(0)),
  signature: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
  // Ondo's own example answers "" (no additional data): the zero bytes32 on chain.
  additionalData: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/))])),
});
const SoftAnswer = v.object({ symbol: v.string(), side: v.picklist(['0', '1']), tokenAmount: intString, price: intString });

/** Base64 of the 65-byte signature, as hex. */
export function signatureFromBase64(b64: string, name = 'Ondo'): Hex {
  const bin = atob(b64);
  if (bin.length !== 65) throw issuerError('issuer.bad_answer', `${name} answered a signature that is not 65 bytes long. No transaction was sent.`);
  let hex = '';
  for (let i = 0; i < bin.length; i++) hex += bin.charCodeAt(i).toString(16).padStart(2, '0');
  return `0x${hex}`;
}

export interface OndoQuote {
  chainId: bigint;
  attestationId: bigint;
  userId: Hex;
  asset: Address;
  price: bigint;
  quantity: bigint;
  expiration: bigint;
  side: number;
  additionalData: Hex;
}

const ZERO32 = `0x${'0'.repeat(64)}` as Hex;

/** Parses and checks an attestation answer against what was asked; throws a user-facing issuer error. */
export function parseAttestation(raw: unknown, ask: OndoAsk, nowSeconds: bigint, name = 'Ondo'): { quote: OndoQuote; signature: Hex } {
  const parsed = v.safeParse(Answer, raw);
  const refuse = (what: string) =>
    issuerError('issuer.bad_answer', `${name}'s attestation ${what}, so Sharekeep will not use it. No transaction was sent.`);
  if (!parsed.success) throw refuse('is not in the shape Ondo documents');
  const a = parsed.output;
  if (BigInt(a.chainId) !== BigInt(ask.chainId)) throw refuse(`is for chain ${a.chainId}, not ${ask.chainId}`);
  if (getAddress(a.assetAddress) !== getAddress(ask.asset)) throw refuse('names another token than the one asked for');
  if (a.side !== (ask.side === 'buy' ? '0' : '1')) throw refuse(`is a ${a.side === '0' ? 'mint' : 'redemption'}, not what was asked`);
  if (BigInt(a.tokenAmount) !== ask.quantity) throw refuse('is for another amount than the one asked for');
  if (BigInt(a.expiration) <= nowSeconds)
    throw issuerError('issuer.quote_expired', `${name}'s attestation has already expired. Ask for a new quote.`);
  return {
    quote: {
      chainId: BigInt(a.chainId),
      attestationId: BigInt(a.attestationId),
      userId: a.userId as Hex,
      asset: getAddress(a.assetAddress),
      price: BigInt(a.price),
      quantity: BigInt(a.tokenAmount),
      expiration: BigInt(a.expiration),
      side: Number(a.side),
      additionalData: a.additionalData ? (a.additionalData as Hex) : ZERO32,
    },
    signature: signatureFromBase64(a.signature, name),
  };
}

/** A soft quote's price (USD, 1e18), for the price check and display only. */
export function parseSoftQuote(raw: unknown, name = 'Ondo'): bigint {
  const parsed = v.safeParse(SoftAnswer, raw);
  if (!parsed.success) throw issuerError('issuer.bad_answer', `${name}'s price quote is not in the shape Ondo documents.`);
  return BigInt(parsed.output.price);
}

/** Ondo's codes (https://docs.ondo.finance/api-reference/error-codes) that mean the market or asset is not trading now. */
const NOT_TRADING = new Set(['MARKET_CLOSED', 'MARKET_PAUSED', 'ASSET_PAUSED', 'ASSET_CLOSED_FOR_SESSION']);
const KEY_CODES = new Set(['MISSING_API_KEY', 'INVALID_API_KEY', 'READ_ONLY_API_KEY']);

/** Ondo's HTTP statuses and `{code, message}` error bodies as the errors the user reads. */
export function ondoError(status: number, body: unknown, onboarding: string, name = 'Ondo') {
  const field = (k: string) => (typeof body === 'object' && body !== null && k in body ? String((body as Record<string, unknown>)[k]) : '');
  const code = field('code');
  const message = field('message');
  const said = message ? ` (${message.slice(0, 200)})` : '';
  const m = `${code} ${message}`.toLowerCase();
  if (NOT_TRADING.has(code))
    return issuerError('issuer.market_closed', `${name} is not minting or redeeming this token right now${said}. Try again during market hours.`);
  if (code === 'ASSET_REDEEM_ONLY') return issuerError('issuer.unsupported', `${name} only redeems this token now; it cannot be minted.`);
  if (KEY_CODES.has(code) || status === 401)
    return issuerError(
      'issuer.bad_credentials',
      `${name} refused your API key${said}. Check the key in Settings, or get one from Ondo: ${onboarding}`,
    );
  if (status === 429) return issuerError('issuer.unavailable', `${name} is limiting requests right now (rate limit). Wait a minute and try again.`);
  if (m.includes('kyc') || m.includes('whitelist'))
    return issuerError(
      'issuer.kyc_required',
      `${name} has not verified this address${said}. Complete Ondo's KYC and have this address whitelisted: ${onboarding}`,
    );
  if (code === 'ASSET_NOT_FOUND' || status === 404)
    return issuerError('issuer.unknown_token', `${name} does not mint or redeem this token${said}. Nothing was sent.`);
  if (m.includes('minimum')) return issuerError('issuer.below_minimum', `${name} refused the amount${said}. Enter a larger amount.`);
  if (status >= 500) return issuerError('issuer.unavailable', `${name} could not answer (HTTP ${status}). No transaction was sent; try again later.`);
  return issuerError('issuer.bad_request', `${name} refused the request (HTTP ${status})${said}. Check the amount and try again.`);
}

/** The Quote's EIP-712 type as the GMTokenManager hashes it (REFERENCE.md; domain "OndoGMTokenManager", "1"). */
export const QUOTE_TYPES = {
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

/** keccak256("ATTESTATION_SIGNER_ROLE"): the GMTokenManager role whose holders may sign attestations. */
export const ATTESTATION_SIGNER_ROLE = keccak256(toBytes('ATTESTATION_SIGNER_ROLE'));

/**
 * The key that signed an attestation, under the GMTokenManager's EIP-712 domain (rwa-contracts
 * GMTokenManager: OpenZeppelin's EIP712("OndoGMTokenManager", "1"), so the chain id and the
 * manager's address); a signature that recovers nothing is refused.
 */
export async function attestationSigner(
  quote: OndoQuote,
  signature: Hex,
  domain: { chainId: number; verifyingContract: Address },
  name = 'Ondo',
): Promise<Address> {
  const recovered = await recoverTypedDataAddress({
    domain: { name: 'OndoGMTokenManager', version: '1', ...domain },
    types: QUOTE_TYPES,
    primaryType: 'Quote',
    message: quote,
    signature,
  }).catch(() => undefined);
  if (!recovered) throw notSignedBy(name);
  return getAddress(recovered);
}

export const notSignedBy = (name: string) =>
  issuerError(
    'issuer.bad_answer',
    `${name}'s attestation is not signed by ${name}'s signer on record, so Sharekeep will not use it. No transaction was sent.`,
  );

/** Refuses an attestation not signed by one of `signers` (the registry's, when it names them). */
export async function checkAttestationSigner(
  quote: OndoQuote,
  signature: Hex,
  domain: { chainId: number; verifyingContract: Address },
  signer: Address | readonly Address[],
  name = 'Ondo',
): Promise<Address> {
  const signers = (typeof signer === 'string' ? [signer] : signer).map((a) => getAddress(a));
  const recovered = await attestationSigner(quote, signature, domain, name);
  if (!signers.includes(recovered)) throw notSignedBy(name);
  return recovered;
}
