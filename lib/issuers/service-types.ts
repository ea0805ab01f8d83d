/** The issuer service's face and what it needs, declared. */
import type { Address, Hex } from 'viem';
import type { TokenPolicyLookup } from '../compliance';
import type { AllowlistedFetch, Clock, KeyValueStore, RpcCall } from '../ports';
import type { Registry } from '../registry';
import type { IssuerPlan } from './plan';
import type { IssuerSide } from './types';
import type { IssuerRequestView, TokenRefView } from './view';

export interface IssuerTransaction {
  from: Address;
  to: Address;
  data: Hex;
  value: bigint;
}

export interface IssuerServiceDeps {
  /** Loads the registry and settings once (the wallet's ready()). */
  ready(): Promise<unknown>;
  registry(): Registry | undefined;
  /** Refuses any origin the registry does not allowlist; absent, no issuer can be reached. */
  fetch?: AllowlistedFetch;
  rpc: RpcCall;
  activeChainId(): Promise<number>;
  jurisdiction(): Promise<string | undefined>;
  policy: TokenPolicyLookup;
  /** The account that signs: the wallet is unlocked and holds its key. */
  signer(address?: string): Promise<Address>;
  /**
   * The wallet's signing road for a plan: every step decoded, dry-run and judged, shown in one
   * `issuer-request` approval window naming `origin`; resolves with the approved plan's id.
   */
  approvePlan(origin: string, plan: IssuerPlan): Promise<string>;
  /** Signs and sends step `index` of an approved plan without a window, if it is that step exactly (else `plan.changed`); a step sent before answers its hash. */
  sendStep(planId: string, index: number, tx: IssuerTransaction): Promise<Hex>;
  /** Activity's note of a redemption's payout: pending once its issuer call is sent, then the amount received. */
  notePayout?(hash: Hex, payout: { state: 'pending' | 'received'; symbol: string; decimals: number; amount?: string; when?: string }): Promise<void>;
  /** The vault is unlocked (a step can be signed); absent, always. Tracking reads need no key. */
  unlocked?(): boolean;
  /** Tells the pages a request changed while none of them asked (the background's alarm). */
  changed?(): void;
  clock: Clock;
  /** The user's API credentials for an issuer whose API needs them (Dinari's 'dinari-v2' keys); absent: none saved. */
  credentials?(issuerId: string): Promise<Record<string, string> | undefined>;
  /** storage.local: requests survive a worker restart there; without it they live in memory only. */
  store?: KeyValueStore;
}

export interface IssuerOptions {
  chainId: number;
  token: TokenRefView;
  issuer?: { id: string; name: string; origin?: string };
  mint: boolean;
  redeem: boolean;
  /** Why the user's jurisdiction forbids each side, when it does. */
  blocked: Partial<Record<IssuerSide, string>>;
  /** Why a side the issuer offers cannot be used from this wallet (a deposit issuer whose deposit address is not known), with where to go instead. */
  unavailable?: Partial<Record<IssuerSide, { reason: string; link: string }>>;
}

export interface QuoteParams {
  chainId: number;
  token: string;
  side: IssuerSide;
  /** Token base units. */
  quantity: bigint;
  from?: string;
}

/** Mint and redeem through allowlisted issuers: options, quote, submit and track one request. */
export interface IssuerService {
  /** What the token-detail screen may offer: mint and redeem buttons, and what would block them. */
  options(chainId: number, tokenAddress: string): Promise<IssuerOptions>;
  /** Asks the token's allowlisted issuer for a quote, checked against what was asked. */
  quote(params: QuoteParams): Promise<IssuerRequestView>;
  /** Sends the quoted request through the wallet's signing road. */
  submit(id: string): Promise<IssuerRequestView>;
  /** Where the request stands, read back from the chain. */
  status(id: string): Promise<IssuerRequestView>;
  /** The newest request for a token on a chain, if any. */
  latest(chainId: number, token: string): Promise<IssuerRequestView | undefined>;
  /** Reads again every request under way (Activity's refresh, the background's start and alarm, locked or not): a plan cut short by a restart goes on, a payout is noted once it arrives. */
  track(): Promise<void>;
}
