/** What the popup sees of an issuer request: plain JSON, amounts as decimal strings of base units. */
import type { Address, Hex } from 'viem';
import type { PlanStepKind } from './plan';
import type { PriceCheck } from './price-check';
import type { CheckedQuote, IssuerProtocol, IssuerSide } from './types';

/**
 * `sending`: its plan is approved and its steps are being sent (or will be, after a restart);
 * `payout-pending`: a deposit redemption's tokens reached the issuer; its stablecoin payout has not arrived yet.
 */
export type IssuerRequestStatus = 'quote' | 'sending' | 'submitted' | 'payout-pending' | 'settled' | 'failed';

export interface TokenRefView {
  address: string;
  symbol: string;
  decimals: number;
}

export interface IssuerRequestView {
  id: string;
  chainId: number;
  side: IssuerSide;
  status: IssuerRequestStatus;
  /** What is happening now, in words. */
  note?: string;
  issuer: { id: string; name: string; origin: string };
  protocol: IssuerProtocol;
  account: string;
  token: TokenRefView;
  /** The stablecoin paid for a mint, or paid out by a redemption. */
  payment: TokenRefView;
  quote: {
    quantity: string;
    /** USD per whole token, 18 decimals. */
    price: string;
    value: string;
    fee: string;
    total: string;
    /** Chain time in seconds. */
    expiry: string;
    /** Wall-clock milliseconds when the quote lapses, as this wallet estimates it. */
    expiresAt: number;
    marketStatus: 'open' | 'closed';
    contract: string;
  };
  /** The quoted price against the wallet's own and the quote's own arithmetic. */
  priceCheck?: PriceCheck;
  /** A deposit redemption: the issuer's registered deposit address, where the payout comes from, T+n, and when it is due. */
  deposit?: { address: string; payoutFrom: string; settlementDays: number; payoutDueBy?: number };
  transactions: string[];
  /** The approved plan's steps: what each is and its transaction once sent. */
  plan?: { kind: string; to: string; hash?: string }[];
  settlement?: { tokenAmount: string; paymentAmount: string; fee: string; blockNumber: string };
  /** Balances after settlement, read from the chain. */
  balances?: { token: string; payment: string };
  error?: { code: string | number; message: string };
}

/** Everything the service keeps about one request. */
export interface IssuerRequest {
  id: string;
  chainId: number;
  user: Address;
  origin: string;
  issuer: { id: string; name: string; origin: string };
  token: TokenRefView;
  payment: TokenRefView;
  quote: CheckedQuote;
  expiresAt: number;
  status: IssuerRequestStatus;
  busy: boolean;
  /** Set while a transaction of this request is being sent (persisted: a restart then knows it may have gone out). */
  sendingSince?: number;
  note?: string;
  hashes: Hex[];
  /** The plan the user approved (its id in the signing road) and its steps, each with its hash once sent and whether it was mined. */
  plan?: { id: string; replanned?: boolean; first?: number; steps: { kind: PlanStepKind; to: Address; data: Hex; hash?: Hex; mined?: boolean }[] };
  priceCheck?: PriceCheck;
  /** A deposit redemption: the block its deposit was mined in (decimal), and when the payout is due (epoch ms). */
  depositBlock?: string;
  payoutDueBy?: number;
  settlement?: IssuerRequestView['settlement'];
  balances?: IssuerRequestView['balances'];
  error?: IssuerRequestView['error'];
}

export function toView(r: IssuerRequest): IssuerRequestView {
  const q = r.quote;
  return {
    id: r.id,
    chainId: r.chainId,
    side: q.side,
    status: r.status,
    ...(r.note ? { note: r.note } : {}),
    issuer: r.issuer,
    protocol: q.protocol,
    account: r.user,
    token: r.token,
    payment: r.payment,
    quote: {
      quantity: q.quantity.toString(),
      price: q.price.toString(),
      value: q.value.toString(),
      fee: q.fee.toString(),
      total: q.total.toString(),
      expiry: q.expiry.toString(),
      expiresAt: r.expiresAt,
      marketStatus: q.marketStatus,
      contract: q.contract,
    },
    ...(r.priceCheck ? { priceCheck: r.priceCheck } : {}),
    ...(q.payout
      ? {
          deposit: {
            address: q.contract,
            payoutFrom: q.payout.from,
            settlementDays: q.payout.settlementDays,
            ...(r.payoutDueBy ? { payoutDueBy: r.payoutDueBy } : {}),
          },
        }
      : {}),
    transactions: [...r.hashes],
    ...(r.plan ? { plan: r.plan.steps.map((s) => ({ kind: s.kind, to: s.to, ...(s.hash ? { hash: s.hash } : {}) })) } : {}),
    ...(r.settlement ? { settlement: r.settlement } : {}),
    ...(r.balances ? { balances: r.balances } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}
