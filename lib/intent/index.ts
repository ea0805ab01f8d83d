/**
 * Intent: what a dApp request really does, in plain words. Decodes transactions and
 * typed data into asset movements, approvals and warnings, and simulates
 * transactions against the chain for the sender's real balance changes.
 */
export { type DecodeTransactionParameters, decodeTransaction } from './decode-transaction';
export { type DecodeTypedDataContext, decodeTypedData } from './decode-typed-data';
export { isUnlimited, UNLIMITED_THRESHOLD } from './format';
export { PERMIT2_ADDRESS } from './decoders/permit2';
export { PROTOCOL_CONTRACTS } from './known-contracts';
export type { BalanceChange } from './simulation/balance-changes';
export { NATIVE_TRANSFER_ADDRESS } from './simulation/balance-changes';
export {
  type RpcCall,
  type SimulateTransactionParameters,
  type SimulationResult,
  simulateSequence,
  simulateTransaction,
} from './simulation/simulate';
export { isValidTypedData, type NormalizedTypedData, type ValidTypedData, validateTypedData } from './typed-data/validate';
export type {
  AssetMovement,
  DecodeContext,
  Delivery,
  Intent,
  IntentBody,
  IntentWarning,
  PoolSource,
  TokenApproval,
  TokenInfo,
  TokenRef,
  TransactionIntent,
  TransactionKind,
  TransactionRequestLike,
  TypedDataIntent,
  TypedDataKind,
  WarningCode,
} from './types';
