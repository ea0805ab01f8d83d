import type { Address, Hex } from 'viem';

export type IssuerSide = 'mint' | 'redeem';
export type IssuerProtocol = 'attestation' | 'order-processor' | 'deposit';

/** What the wallet asked the issuer for. */
export interface QuoteAsk {
  chainId: number;
  issuerId: string;
  issuerName: string;
  user: Address;
  token: Address;
  side: IssuerSide;
  /** Token base units to mint or redeem. */
  quantity: bigint;
}

/** An issuer's quote, validated and checked against the ask, with the issuer call encoded. */
export interface CheckedQuote {
  protocol: IssuerProtocol;
  side: IssuerSide;
  token: Address;
  quantity: bigint;
  /** USD per whole token, 18 decimals. */
  price: bigint;
  /** Payment-token units before the fee. */
  value: bigint;
  fee: bigint;
  /** Payment-token units paid for a mint, or paid out for a redemption. */
  total: bigint;
  paymentToken: Address;
  /** Chain time (seconds) after which the issuer's contract refuses the quote. */
  expiry: bigint;
  marketStatus: 'open' | 'closed';
  /** The allowlisted issuer contract the user's transaction calls (a deposit issuer: its registered deposit address). */
  contract: Address;
  /** Where the transaction goes when that is not `contract` (a deposit redemption: the token, transferred to the deposit address). */
  target?: Address;
  data: Hex;
  /** A deposit redemption: the address the stablecoin payout comes from, and the business days it may take (T+n). */
  payout?: { from: Address; settlementDays: number };
  /** The issuer quoted no price (a Dinari market order): price and value are the wallet's own, the fill is at market. */
  walletPriced?: boolean;
  /** The order the transaction creates (order-processor issuers). */
  orderId?: bigint;
}

export type Settlement =
  | { state: 'pending'; note: string }
  | { state: 'settled'; tokenAmount: bigint; paymentAmount: bigint; fee: bigint; blockNumber: bigint }
  | { state: 'failed'; reason: string }
  /** The tokens reached the issuer's deposit address in block `depositBlock`; its stablecoin payout has not arrived yet. */
  | { state: 'awaiting-payout'; depositBlock: bigint };
