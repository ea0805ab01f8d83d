/**
 * Ondo-style issuers: the issuer signs an EIP-712 Quote (an attestation) and the user mints with
 * mintWithAttestation or redeems with redeemWithAttestation, settling in the same transaction.
 */
import { encodeFunctionData, isAddressEqual } from 'viem';
import { attestationManagerAbi } from './abis';
import { findTrade, paymentMoved } from './attestation-settlement';
import { issuerError } from './errors';
import { badAnswer, checkCommonFields, checkedQuote, type IssuerAdapter, parseAnswer } from './adapter';
import { AttestationQuoteSchema } from './schemas';

export const attestationAdapter: IssuerAdapter = {
  protocol: 'attestation',

  checkQuote(answer, ask) {
    const a = parseAnswer(AttestationQuoteSchema, answer, ask);
    checkCommonFields(a, ask);
    const q = a.quote;
    const mint = ask.side === 'mint';
    const fail = (detail: string) => {
      throw badAnswer(ask, detail);
    };
    if (q.chainId !== BigInt(ask.chainId)) fail(`the attestation is for chain ${q.chainId}`);
    if (!isAddressEqual(q.asset, ask.token)) fail('the attestation is for another token');
    if (q.quantity !== a.quantity || q.price !== a.price || q.expiration !== a.expiry) fail('the attestation differs from the quote shown');
    if (q.side !== (mint ? 0 : 1)) fail('the attestation is for the other side of the trade');
    if (BigInt(q.additionalData) !== a.fee) fail('the attestation carries another fee');
    if (a.method !== (mint ? 'mintWithAttestation' : 'redeemWithAttestation')) fail(`it asks for ${a.method}`);
    const data = mint
      ? encodeFunctionData({ abi: attestationManagerAbi, functionName: 'mintWithAttestation', args: [q, a.signature, a.paymentToken, a.total] })
      : encodeFunctionData({ abi: attestationManagerAbi, functionName: 'redeemWithAttestation', args: [q, a.signature, a.paymentToken, a.total] });
    return checkedQuote('attestation', a, ask, data);
  },

  /** The manager itself must still accept the GM token (gmTokenAccepted), as the real one checks on every trade. */
  async confirmOnChain(chain, quote, ask) {
    let accepted: unknown;
    try {
      accepted = await chain.read(quote.contract, attestationManagerAbi, 'gmTokenAccepted', [quote.token]);
    } catch {
      throw issuerError(
        'issuer.unavailable',
        `Sharekeep could not ask ${ask.issuerName}'s contract whether it takes this token. Nothing was signed; try again later.`,
      );
    }
    if (accepted !== true) {
      throw issuerError('issuer.unknown_token', `${ask.issuerName}'s contract does not mint or redeem this token at the moment. Nothing was signed.`);
    }
  },

  async settlement(chain, quote, hash, user) {
    const receipt = await chain.receipt(hash);
    if (!receipt) return { state: 'pending', note: 'Waiting for the transaction to be mined.' };
    if (!receipt.success) return { state: 'failed', reason: 'The issuer contract refused the transaction; nothing was minted or redeemed.' };
    const trade = findTrade(receipt.logs as never, quote);
    if (!trade) {
      return { state: 'failed', reason: 'The transaction was mined but the issuer contract reported no mint or redemption for this account.' };
    }
    return {
      state: 'settled',
      tokenAmount: trade.quantity,
      paymentAmount: paymentMoved(receipt.logs as never, quote, user) ?? quote.total,
      fee: quote.fee,
      blockNumber: receipt.blockNumber,
    };
  },
};
