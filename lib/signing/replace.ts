/**
 * Speed up and cancel: a transaction with the same nonce that nodes accept in place of a
 * pending one. Geth and most nodes replace a pending transaction only when both fee caps rise
 * by at least 10%; the approval window's speeds are raised to that floor and never below the
 * network's current estimate.
 */
import { type Address, getAddress, type Hex } from 'viem';
import { WalletError } from '../errors';
import type { ActivityEntry, SentRecord } from '../state';
import type { SigningDeps } from './deps';
import type { FeeCaps } from './fees';
import type { NonceManager } from './nonces';
import { submitTransaction } from './transaction';
import type { TransactionParams } from './transaction-params';

/** The least bump, in percent, nodes require of a replacement's fee caps. */
export const REPLACEMENT_BUMP_PERCENT = 10n;

const bumped = (wei: bigint) => (wei * (100n + REPLACEMENT_BUMP_PERCENT) + 99n) / 100n;

/** The lowest caps a replacement of a transaction signed with `old` may carry (rounded up). */
export function replacementFloor(old: FeeCaps): FeeCaps {
  if (old.type === 'legacy') return { type: 'legacy', gasPrice: bumped(old.gasPrice) };
  return { type: 'eip1559', maxFeePerGas: bumped(old.maxFeePerGas), maxPriorityFeePerGas: bumped(old.maxPriorityFeePerGas) };
}

export type ReplacementKind = 'speed-up' | 'cancel';

/** What was sent, as much as a replacement needs to repeat or undo it. */
export interface SentTransaction {
  from: Address;
  to?: Address;
  value: bigint;
  data?: Hex;
  nonce: number;
  fees: FeeCaps;
}

/** A speed-up repeats the transaction; a cancel sends nothing to oneself, with the same nonce. */
export function replacementParams(sent: SentTransaction, kind: ReplacementKind): TransactionParams {
  if (kind === 'cancel') return { from: sent.from, to: sent.from, value: 0n, gas: 21_000n };
  return { from: sent.from, to: sent.to, value: sent.value, data: sent.data };
}

const notReplaceable = (message: string) => new WalletError('activity.not_replaceable', message);

/** The fee caps an activity record says were signed. */
export function recordedFees(sent: SentRecord): FeeCaps {
  if (sent.type === 'legacy' && sent.gasPrice) return { type: 'legacy', gasPrice: BigInt(sent.gasPrice) };
  if (sent.type === 'eip1559' && sent.maxFeePerGas && sent.maxPriorityFeePerGas)
    return { type: 'eip1559', maxFeePerGas: BigInt(sent.maxFeePerGas), maxPriorityFeePerGas: BigInt(sent.maxPriorityFeePerGas) };
  throw notReplaceable('Sharekeep did not record the fees of this transaction, so it cannot outbid it.');
}

/**
 * Speeds up or cancels the pending transaction of an activity entry: through the approval
 * window (origin: the wallet) and the guard like any other, on the network it was sent on,
 * with its nonce and fees at least 10% above its own.
 */
export async function replacePending(
  deps: SigningDeps,
  nonces: NonceManager,
  origin: string,
  entry: ActivityEntry,
  kind: ReplacementKind,
): Promise<Hex> {
  await deps.ready();
  if (entry.status !== 'pending') throw notReplaceable('This transaction is no longer pending.');
  if (!entry.sent || entry.nonce < 0)
    throw notReplaceable('Sharekeep did not record the nonce and fees of this transaction, so it cannot replace it.');
  const network = await deps.activeNetwork();
  if (network.chainId !== entry.chainId) throw notReplaceable(`Switch to the network this transaction was sent on (chain ${entry.chainId}) first.`);
  const from = await deps.ownAccount(getAddress(entry.from));
  const mined = Number(BigInt((await deps.rpcFor(network)('eth_getTransactionCount', [from, 'latest'])) as string));
  if (mined > entry.nonce) throw notReplaceable('A transaction with this nonce has already been mined; refresh Activity.');
  const sent: SentTransaction = {
    from,
    to: entry.sent.to ? getAddress(entry.sent.to) : undefined,
    value: BigInt(entry.sent.value),
    data: entry.sent.data as Hex | undefined,
    nonce: entry.nonce,
    fees: recordedFees(entry.sent),
  };
  const replacing = { hash: entry.hash, kind, nonce: entry.nonce, floor: replacementFloor(sent.fees) };
  return submitTransaction(deps, nonces, origin, replacementParams(sent, kind), () => deps.ownAccount(from), replacing, network);
}
