/**
 * An Ondo GM mint or redemption: the attestation asked of Ondo's API, checked against what was
 * asked and against the registry's attestation signer, priced in the registry's payment token the
 * way the GMTokenManager prices it (price x quantity, rounded up for a buy), and the manager call
 * encoded. Ondo's answer names no contract or payment token: both come from the registry.
 */
import { encodeFunctionData, type Hex } from 'viem';
import { attestationManagerAbi } from './abis';
import type { ChainReader } from './chain';
import { issuerError } from './errors';
import { checkAttestationSigner, type OndoAsk, parseAttestation } from './ondo-gm-api';
import type { OndoApi } from './ondo-gm-client';
import { tokenRef } from './request-steps';
import { contractsFor, type ResolvedIssuer } from './resolve';
import type { CheckedQuote, QuoteAsk } from './types';

/** Payment-token units of `quantity` tokens at `price` (USD, 18 decimals), rounded up when the user pays. */
export function attestationValue(quantity: bigint, price: bigint, tokenDecimals: number, paymentDecimals: number, roundUp: boolean): bigint {
  const product = quantity * price * 10n ** BigInt(paymentDecimals);
  const scale = 10n ** BigInt(tokenDecimals + 18);
  return roundUp ? (product + scale - 1n) / scale : product / scale;
}

export async function quoteOndoAttestation(chain: ChainReader, ondo: OndoApi, resolved: ResolvedIssuer, ask: QuoteAsk): Promise<CheckedQuote> {
  const name = resolved.issuer.name;
  const contract = contractsFor(resolved, ask.side)[0];
  const paymentToken = resolved.paymentTokens[0];
  if (!contract || !paymentToken || resolved.attestationSigners.length === 0)
    throw issuerError(
      'issuer.unsupported',
      `Sharekeep has no verified ${name} token manager, payment token and attestation signer on this network, so it cannot check an attestation. Nothing was sent.`,
    );
  const buy = ask.side === 'mint';
  const ondoAsk: OndoAsk = {
    chainId: ask.chainId,
    symbol: resolved.token.symbol,
    asset: ask.token,
    side: buy ? 'buy' : 'sell',
    quantity: ask.quantity,
  };
  const raw = await ondo.attestation(ondoAsk);
  const { quote, signature } = parseAttestation(raw, ondoAsk, await chain.chainTime(), name);
  await checkAttestationSigner(quote, signature, { chainId: ask.chainId, verifyingContract: contract }, resolved.attestationSigners, name);
  if (quote.price <= 0n) throw issuerError('issuer.bad_answer', `${name}'s attestation has no price. No transaction was sent.`);

  const payment = await tokenRef(chain, paymentToken);
  const value = attestationValue(quote.quantity, quote.price, resolved.token.decimals, payment.decimals, buy);
  // Ondo's own example carries no additional data; a non-zero word is read as the fee in payment-token units.
  const fee = BigInt(quote.additionalData);
  if (!buy && fee >= value)
    throw issuerError('issuer.bad_answer', `${name}'s attestation takes the whole payout as its fee. No transaction was sent.`);
  const total = buy ? value + fee : value - fee;
  const data: Hex = buy
    ? encodeFunctionData({ abi: attestationManagerAbi, functionName: 'mintWithAttestation', args: [quote, signature, paymentToken, total] })
    : encodeFunctionData({ abi: attestationManagerAbi, functionName: 'redeemWithAttestation', args: [quote, signature, paymentToken, total] });
  return {
    protocol: 'attestation',
    side: ask.side,
    token: ask.token,
    quantity: quote.quantity,
    price: quote.price,
    value,
    fee,
    total,
    paymentToken,
    expiry: quote.expiration,
    // Ondo answers MARKET_CLOSED instead of an attestation when it is not trading.
    marketStatus: 'open',
    contract,
    data,
  };
}
