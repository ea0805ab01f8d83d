/**
 * Backed-style issuers (xStocks, bTokens): a redemption is the user's own ERC-20 transfer of the
 * tokens, from a pre-approved wallet, to the issuer's registered deposit address; the issuer pays
 * the stablecoins out later (T+3 at most). Nothing on chain ties the payout to the deposit, so
 * the wallet watches for the payment token arriving from the issuer's registered payout address.
 */
import { encodeEventTopics, encodeFunctionData, type Hex, isAddressEqual, pad, parseEventLogs } from 'viem';
import { erc20Abi } from './abis';
import { badAnswer, checkCommonFields, checkedQuote, type IssuerAdapter, parseAnswer } from './adapter';
import type { ChainReader } from './chain';
import { DepositQuoteSchema } from './schemas';
import type { CheckedQuote, Settlement } from './types';

const transferAbi = erc20Abi.filter((item) => item.type === 'event');

export const depositAdapter: IssuerAdapter = {
  protocol: 'deposit',

  checkQuote(answer, ask) {
    const a = parseAnswer(DepositQuoteSchema, answer, ask);
    if (ask.side !== 'redeem') throw badAnswer(ask, 'this issuer only redeems by deposit');
    checkCommonFields(a, ask);
    if (!isAddressEqual(a.depositAddress, a.contract)) throw badAnswer(ask, 'it names two different deposit addresses');
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [a.depositAddress, a.quantity] });
    return {
      ...checkedQuote('deposit', a, ask, data),
      target: ask.token,
      payout: { from: a.payoutAddress, settlementDays: a.settlementDays },
    };
  },

  async settlement(chain, quote, hash, user) {
    const receipt = await chain.receipt(hash);
    if (!receipt) return { state: 'pending', note: 'Waiting for the transfer to the deposit address to be mined.' };
    if (!receipt.success) return { state: 'failed', reason: 'The transfer to the deposit address failed on chain; your tokens did not move.' };
    const deposited = parseEventLogs({ abi: transferAbi, eventName: 'Transfer', logs: receipt.logs as never, strict: true }).some(
      (log) =>
        isAddressEqual(log.address, quote.token) &&
        isAddressEqual(log.args.from, user) &&
        isAddressEqual(log.args.to, quote.contract) &&
        log.args.value === quote.quantity,
    );
    if (!deposited) return { state: 'failed', reason: 'The transaction was mined but did not deliver the tokens to the deposit address.' };
    return payoutAfter(chain, quote, user, receipt.blockNumber);
  },
};

/** The payout of a deposit mined in `depositBlock`: the first payment-token transfer from the issuer's payout address to the user since. */
export async function payoutAfter(chain: ChainReader, quote: CheckedQuote, user: `0x${string}`, depositBlock: bigint): Promise<Settlement> {
  if (!quote.payout) return { state: 'failed', reason: 'The request names no payout address to watch.' };
  const [signature] = encodeEventTopics({ abi: transferAbi, eventName: 'Transfer' }) as Hex[];
  const logs = await chain.logs({
    address: quote.paymentToken,
    topics: [signature, pad(quote.payout.from, { size: 32 }), pad(user, { size: 32 })],
    fromBlock: depositBlock,
  });
  const paid = parseEventLogs({ abi: transferAbi, eventName: 'Transfer', logs: logs as never, strict: true }).find(
    (log) =>
      isAddressEqual(log.address, quote.paymentToken) && isAddressEqual(log.args.from, quote.payout!.from) && isAddressEqual(log.args.to, user),
  );
  if (!paid) return { state: 'awaiting-payout', depositBlock };
  return {
    state: 'settled',
    tokenAmount: quote.quantity,
    paymentAmount: paid.args.value,
    fee: quote.fee,
    blockNumber: paid.blockNumber ?? depositBlock,
  };
}
