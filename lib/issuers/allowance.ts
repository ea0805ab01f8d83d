/**
 * The ERC-20 allowance each issuer call needs before it is sent. Every side has one: a mint's
 * issuer contract pulls the payment token (USDC, USDon) for the quote's total; Ondo's
 * redeemWithAttestation pulls the GM tokens and Dinari's sell burns the dShares with burnFrom,
 * both for the quantity redeemed. The wallet approves exactly that token, to that contract, for
 * exactly that amount, and only when the current allowance does not already cover it.
 */
import { type Address, encodeFunctionData } from 'viem';
import { erc20Abi } from './abis';
import type { IssuerTransaction } from './service-types';
import type { IssuerRequest } from './view';

export interface AllowanceNeed {
  /** The token the issuer contract will pull from the user. */
  token: Address;
  symbol: string;
  /** The contract that pulls it (the allowance's spender). */
  spender: Address;
  amount: bigint;
}

/** What the request's issuer call will take from the user with transferFrom or burnFrom. */
export function allowanceNeed(request: Pick<IssuerRequest, 'quote' | 'token' | 'payment'>): AllowanceNeed {
  const { quote } = request;
  return quote.side === 'mint'
    ? { token: quote.paymentToken, symbol: request.payment.symbol, spender: quote.contract, amount: quote.total }
    : { token: quote.token, symbol: request.token.symbol, spender: quote.contract, amount: quote.quantity };
}

/** The approve call for a need, as the wallet sends it. */
export const approvalFor = (need: AllowanceNeed, from: Address): IssuerTransaction => ({
  from,
  to: need.token,
  data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [need.spender, need.amount] }),
  value: 0n,
});
