/**
 * Steps of an issuer request that read the chain or record an outcome, kept beside the service
 * so it stays a readable sequence: the payment token's name, the balance a request needs, the
 * balances after it settled, and a failure recorded in words the user can act on.
 */
import { type Address, isAddressEqual } from 'viem';
import { RpcErrorCode } from '../errors';
import { erc20Abi } from './abis';
import type { ChainReader } from './chain';
import { issuerError } from './errors';
import type { IssuerApi } from './issuer-api';
import { whenPaid } from './plan';
import type { ResolvedIssuer } from './resolve';
import type { Settlement } from './types';
import type { IssuerRequest, TokenRefView } from './view';

export async function tokenRef(chain: ChainReader, address: Address): Promise<TokenRefView> {
  try {
    const [symbol, decimals] = await Promise.all([chain.read(address, erc20Abi, 'symbol'), chain.read(address, erc20Abi, 'decimals')]);
    return { address, symbol: String(symbol).slice(0, 16), decimals: Number(decimals) };
  } catch {
    throw issuerError(
      'issuer.bad_answer',
      `The issuer named ${address} as the payment token, but it is not an ERC-20 token on this network. Nothing was signed.`,
    );
  }
}

export async function ensureBalance(chain: ChainReader, request: IssuerRequest): Promise<void> {
  const { user, quote } = request;
  const [asset, needed] = quote.side === 'mint' ? [request.payment, quote.total] : [request.token, quote.quantity];
  const held = await chain.balanceOf(asset.address as Address, user);
  if (held < needed) {
    throw issuerError(
      'issuer.bad_amount',
      `This ${quote.side} needs ${needed} base units of ${asset.symbol} and the account holds ${held}. Nothing was sent.`,
    );
  }
}

export async function readBalances(chain: ChainReader, request: IssuerRequest): Promise<IssuerRequest['balances']> {
  const [token, payment] = await Promise.all([
    chain.balanceOf(request.token.address as Address, request.user),
    chain.balanceOf(request.payment.address as Address, request.user),
  ]);
  return { token: token.toString(), payment: payment.toString() };
}

export function failRequest(request: IssuerRequest, err: unknown): void {
  const { code, message } = err as { code?: string | number; message?: string };
  request.status = 'failed';
  request.note = undefined;
  const rejected = code === RpcErrorCode.userRejected && (!message || message === 'User rejected the request.');
  request.error = {
    code: code ?? 'issuer.failed',
    message: rejected ? 'You rejected it in the Sharekeep window. Nothing more was sent.' : (message ?? 'The request failed.'),
  };
}

/** Business days after `fromMs` (Saturdays and Sundays skipped; exchange holidays not counted), as epoch milliseconds. */
export function businessDaysAfter(fromMs: number, days: number): number {
  const date = new Date(fromMs);
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const day = date.getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return date.getTime();
}

/** Records what the chain says of a sent request: still pending, failed, paid out, or deposited and awaiting the payout. */
export async function recordSettlement(chain: ChainReader, request: IssuerRequest, settlement: Settlement, nowMs: number): Promise<void> {
  if (settlement.state === 'pending') {
    request.note = settlement.note;
  } else if (settlement.state === 'failed') {
    failRequest(request, issuerError('issuer.failed', settlement.reason));
  } else if (settlement.state === 'awaiting-payout') {
    const days = request.quote.payout?.settlementDays ?? 3;
    request.status = 'payout-pending';
    request.depositBlock = settlement.depositBlock.toString();
    request.payoutDueBy ??= businessDaysAfter(nowMs, days);
    const late = nowMs > request.payoutDueBy;
    request.note = late
      ? `Payout pending past T+${days}: ${request.issuer.name} has not paid yet. Contact the issuer; your deposit is on chain.`
      : `Payout pending: ${request.issuer.name} received your ${request.token.symbol} and pays ${request.payment.symbol} within T+${days} (by ${new Date(request.payoutDueBy).toISOString().slice(0, 10)}).`;
  } else {
    request.status = 'settled';
    request.note = undefined;
    request.settlement = {
      tokenAmount: settlement.tokenAmount.toString(),
      paymentAmount: settlement.paymentAmount.toString(),
      fee: settlement.fee.toString(),
      blockNumber: settlement.blockNumber.toString(),
    };
    request.balances = await readBalances(chain, request).catch(() => undefined);
  }
}

/**
 * A deposit redemption is paid out only to a wallet the issuer pre-approved (whitelisted after
 * KYC): asked of the issuer before anything is sent. The issuer must also name the same deposit
 * address as the registry, or nothing is sent.
 */
export async function requirePreApproved(api: IssuerApi, resolved: ResolvedIssuer, user: Address, depositAddress: Address): Promise<void> {
  const { name, redemptionByDeposit } = resolved.issuer;
  const wallet = await api.redemptionWallet(user);
  if (!wallet.approved) {
    throw issuerError(
      'issuer.kyc_required',
      `${user} is not a wallet ${name} has approved for redemptions, and ${name} does not pay out deposits from other wallets. Nothing was sent; get this wallet approved first${redemptionByDeposit ? `: ${redemptionByDeposit.onboarding}` : ''}.`,
    );
  }
  if (wallet.depositAddress && !isAddressEqual(wallet.depositAddress, depositAddress)) {
    throw issuerError('issuer.bad_answer', `${name} named a deposit address other than the one Sharekeep has registered for it. Nothing was sent.`);
  }
}

/** What Activity notes of a request's payout (the tokens of a mint, the stablecoin of a redemption): pending while under way, the amount received once settled. */
export function payoutNote(request: IssuerRequest) {
  const hash = request.hashes.at(-1);
  if (!hash || request.status === 'failed' || request.status === 'quote') return undefined;
  // A mint pays out the tokens (a buy order's only when the issuer fills it), a redemption the stablecoin.
  const mint = request.quote.side === 'mint';
  const { symbol, decimals } = mint ? request.token : request.payment;
  const payout = request.settlement
    ? { state: 'received' as const, symbol, decimals, amount: mint ? request.settlement.tokenAmount : request.settlement.paymentAmount }
    : { state: 'pending' as const, symbol, decimals, when: whenPaid(request) };
  return { hash, payout };
}
