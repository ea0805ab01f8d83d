/** What the popup sees of an issuer request: plain JSON, amounts as decimal strings of base units. */
import type { Address, Hex } from 'viem';
import type { PriceCheck } from './price-check';
import type { CheckedQuote, IssuerProtocol, IssuerSide } from './types';

export type IssuerRequestStatus = 'quote' | 'submitted' | 'settled' | 'failed';

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
  transactions: string[];
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
  priceCheck?: PriceCheck;
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
    transactions: [...r.hashes],
    ...(r.settlement ? { settlement: r.settlement } : {}),
    ...(r.balances ? { balances: r.balances } : {}),
    ...(r.error ? { error: r.error } : {}),
  };
}
