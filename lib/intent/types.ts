import type { Address, Hex } from 'viem';

/** What a transaction really does, decoded from its calldata. */
export type TransactionKind =
  | 'native-transfer'
  | 'erc20-transfer'
  | 'erc20-approve'
  | 'erc20-transfer-from'
  | 'permit2-approve'
  | 'swap'
  | 'issuer-order'
  | 'issuer-cancel'
  | 'issuer-mint'
  | 'issuer-redeem'
  | 'contract-deploy'
  | 'contract-call'
  | 'unknown';

/** What a typed-data signature really authorises. */
export type TypedDataKind =
  | 'erc2612-permit'
  | 'dai-permit'
  | 'permit2-single'
  | 'permit2-batch'
  | 'permit2-transfer-from'
  | 'permit2-batch-transfer-from'
  | 'cow-order'
  | 'uniswapx-order'
  | 'zeroex-limit-order'
  | '1inch-limit-order'
  | 'issuer-order'
  | 'issuer-order-request'
  | 'issuer-quote'
  | 'unknown-typed-data';

export type TokenRef = Address | 'native';

/** Tokens leaving (assetsOut) or reaching (assetsIn) the user's account. */
export interface AssetMovement {
  token: TokenRef;
  amount: bigint;
  /** The amount is a floor: the user gets at least this much (slippage protection). */
  min?: boolean;
  /** The amount is a ceiling: the user pays at most this much. */
  max?: boolean;
}

/**
 * Tokens a request sends to an address that is not the user's: the proceeds of a trade
 * (which the user still acquires, whoever receives them) or a plain transfer.
 */
export interface Delivery {
  token: TokenRef;
  amount: bigint;
  to: Address;
  reason: 'proceeds' | 'transfer';
  /** The amount is a floor (slippage protection); 0 with `min` means "set when it executes". */
  min?: boolean;
}

export interface TokenApproval {
  token: Address;
  spender: Address;
  amount: bigint;
  unlimited: boolean;
}

export type WarningCode =
  | 'malformed-calldata'
  | 'trailing-calldata'
  | 'non-canonical-calldata'
  | 'unknown-method'
  | 'unlimited-approval'
  | 'value-to-contract'
  | 'unexpected-value'
  | 'recipient-not-sender'
  | 'fee-portion'
  | 'invalid-path'
  | 'unknown-router-command'
  | 'undecoded-router-command'
  | 'contract-deploy'
  | 'unknown-typed-data'
  | 'untyped-message-fields'
  | 'no-chain-id'
  | 'order-contents-not-signed'
  | 'inconsistent-quote';

export interface IntentWarning {
  code: WarningCode;
  message: string;
}

/** What every intent has, whatever it decodes. */
export interface PoolSource {
  token: Address;
  /** What the user gets at least (exact in) or exactly (exact out). */
  amount: bigint;
  pool: { protocol: 'uniswap-v2'; tokens: [Address, Address] } | { protocol: 'uniswap-v3'; tokens: [Address, Address]; fee: number };
}

export interface IntentBody {
  /** One plain sentence saying what happens. */
  summary: string;
  assetsOut: AssetMovement[];
  assetsIn: AssetMovement[];
  approvals: TokenApproval[];
  /** Every token contract involved (checksummed, no duplicates), for compliance. */
  tokens: Address[];
  warnings: IntentWarning[];
  /** Movements to addresses other than the user's; absent when there are none. */
  deliveries?: Delivery[];
  /** Tokens a swap step trades, in whichever direction (e.g. a pool's currencies). */
  traded?: Address[];
  /**
   * Addresses named in data Sharekeep could not interpret (calldata words of an unknown
   * function, address fields of unknown typed data). Not looked up on chain: only the
   * guard checks them against the registry, and fails closed on a restricted one.
   */
  mentioned?: Address[];
  /**
   * The pool that pays the user a token the request buys, where the decoder can tell (a Uniswap
   * V2 route's last pair or a V3 SwapRouter route's last pool, named by its tokens and fee tier):
   * the transfer's real sender, for tokens whose
   * own compliance judges a transfer by both parties.
   */
  sources?: PoolSource[];
}

export interface TransactionIntent extends IntentBody {
  kind: TransactionKind;
}

export interface TypedDataIntent extends IntentBody {
  kind: TypedDataKind;
  primaryType: string;
  domain: { name?: string; version?: string; chainId?: number; verifyingContract?: Address };
}

export type Intent = TransactionIntent | TypedDataIntent;

export interface TokenInfo {
  symbol: string;
  decimals: number;
}

export interface DecodeContext {
  /** Symbol and decimals of a token, when the wallet knows them. */
  tokenInfo?: (address: Address) => TokenInfo | undefined;
  /** Symbol of the chain's native currency; 'ETH' when absent. */
  nativeSymbol?: string;
  /** The chain's wrapped native token (WETH), so routers paid in ETH read right. */
  wrappedNative?: Address;
}

export interface TransactionRequestLike {
  from: Address;
  to?: Address | null;
  data?: Hex;
  value?: bigint;
  chainId: number;
}
