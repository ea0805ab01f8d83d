import type { Address, Hex } from 'viem';
import type { Describer } from '../format';
import type {
  AssetMovement,
  DecodeContext,
  Delivery,
  IntentWarning,
  PoolSource,
  TokenApproval,
  TransactionKind,
  TransactionRequestLike,
} from '../types';

/** A decoder's findings, before the tokens list is derived. */
export interface IntentDraft {
  kind: TransactionKind;
  summary: string;
  assetsOut?: AssetMovement[];
  assetsIn?: AssetMovement[];
  approvals?: TokenApproval[];
  warnings?: IntentWarning[];
  /** Tokens involved that appear in no movement or approval (e.g. an order's target). */
  tokens?: Address[];
  deliveries?: Delivery[];
  traded?: Address[];
  mentioned?: Address[];
  sources?: PoolSource[];
}

export interface DecodeEnv {
  tx: TransactionRequestLike;
  ctx: DecodeContext;
  d: Describer;
  /** Decodes the calldata of a call the contract makes to itself (multicall). */
  decodeNested(data: Hex): IntentDraft;
}

/** One function a wallet knows how to put in plain words. */
export interface FunctionDecoder {
  /** Human-readable ABI signature, e.g. `function transfer(address to, uint256 amount)`. */
  signature: string;
  /** Whether the function accepts native currency with the call. */
  payable?: boolean;
  describe(args: readonly unknown[], env: DecodeEnv): IntentDraft;
}
