/**
 * An Ondo GM mint or redemption: the attestation asked of Ondo's API, checked against what was
 * asked, its signer checked with the manager itself (hasRole(ATTESTATION_SIGNER_ROLE), the rule the
 * GMTokenManager applies) and against the registry's signers where it names any, priced in the
 * registry's payment token as the manager prices it (price x quantity, rounded up for a buy; the
 * real manager takes no fee), and the manager call encoded. Ondo's answer names no contract or
 * payment token: both come from the registry.
 */
import { encodeFunctionData, type Hex } from 'viem';
import { attestationManagerAbi } from './abis';
import type { ChainReader } from './chain';
import { issuerError } from './errors';
import { ATTESTATION_SIGNER_ROLE, attestationSigner, checkAttestationSigner, notSignedBy, type OndoAsk, parseAttestation } from './ondo-gm-api';
import type { OndoApi } from './ondo-gm-client';
import { valueAt } from './price-check';
import { tokenRef } from './request-steps';
import { contractsFor, type ResolvedIssuer } from './resolve';
import type { CheckedQuote, QuoteAsk } from './types';

export async function quoteOndoAttestation(chain: ChainReader, ondo: OndoApi, resolved: ResolvedIssuer, ask: QuoteAsk): Promise<CheckedQuote> {
  const name = resolved.issuer.name;
  const contract = contractsFor(resolved, ask.side)[0];
  const paymentToken = resolved.paymentTokens[0];
  if (!contract || !paymentToken)
    throw issuerError(
      'issuer.unsupported',
      `Sharekeep has no verified ${name} token manager and payment token on this network, so it cannot check an attestation. Nothing was sent.`,
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
  const domain = { chainId: ask.chainId, verifyingContract: contract };
  // Keys the registry names pin the signer further; the manager's role decides in any case.
  const pinned = resolved.attestationSigners;
  const signer =
    pinned.length > 0
      ? await checkAttestationSigner(quote, signature, domain, pinned, name)
      : await attestationSigner(quote, signature, domain, name);
  let mayAttest: unknown;
  try {
    mayAttest = await chain.read(contract, attestationManagerAbi, 'hasRole', [ATTESTATION_SIGNER_ROLE, signer]);
  } catch {
    throw issuerError(
      'issuer.unavailable',
      `Sharekeep could not ask ${name}'s contract who may sign its attestations. Nothing was signed; try again later.`,
    );
  }
  if (mayAttest !== true) throw notSignedBy(name);
  if (quote.price <= 0n) throw issuerError('issuer.bad_answer', `${name}'s attestation has no price. No transaction was sent.`);

  const payment = await tokenRef(chain, paymentToken);
  // Rounded up for a buy, as the manager rounds what it pulls.
  const value = valueAt(quote.quantity, quote.price, resolved.token.decimals, payment.decimals, buy);
  // The manager moves exactly this much; additionalData is only carried into its event: no fee.
  const fee = 0n;
  const total = value;
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
