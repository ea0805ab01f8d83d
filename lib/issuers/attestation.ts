/**
 * Ondo-style issuers: the issuer signs an EIP-712 Quote (an attestation, asked of Ondo GM's API in
 * ondo-quote.ts) and the user mints with mintWithAttestation or redeems with redeemWithAttestation,
 * settling in the same transaction. Here: the chain checks before signing, and settlement.
 */
import { attestationManagerAbi } from './abis';
import { findTrade, paymentMoved } from './attestation-settlement';
import { issuerError } from './errors';
import type { IssuerAdapter } from './adapter';

export const attestationAdapter: IssuerAdapter = {
  protocol: 'attestation',

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
