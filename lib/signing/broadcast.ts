/**
 * After approval: nonce, signature and eth_sendRawTransaction, every call to the node of the
 * network the request was approved on, with the gas limit and fee caps the window showed and
 * the user chose. That node is asked its chain id first, so a signed transaction never
 * reaches another chain's RPC.
 *
 * A signed transaction is listed in Activity before the node sees it, marked unacknowledged,
 * so a worker stopped mid-send leaves a record of what may have gone out (Activity's refresh
 * then asks the node). The node's answer settles the mark: taken, or refused and withdrawn.
 * The hash is the wallet's own (keccak of what it signed), whatever the node answers.
 */
import { type Hex, keccak256, type TransactionSerializable } from 'viem';
import { type Network, parseChainId } from '../chains';
import { NodeRpcError, rpcErrors } from '../errors';
import type { RpcCall } from '../ports';
import type { SigningDeps } from './deps';
import { type FeeCaps, gasFor } from './fees';
import type { NonceManager } from './nonces';
import type { TransactionParams } from './transaction-params';

export async function requireChain(deps: Pick<SigningDeps, 'rpcFor'>, network: Network): Promise<void> {
  const served = parseChainId(await deps.rpcFor(network)('eth_chainId'));
  if (served !== network.chainId) {
    throw rpcErrors.resourceUnavailable(
      `The RPC configured for ${network.name} answers for chain ${String(served)}, not ${network.chainId}; nothing was sent.`,
    );
  }
}

/**
 * What became of a transaction an earlier worker listed as unacknowledged and stopped sending: the
 * node took it (pending or mined), never got it (it was never sent, and never will be: the wallet
 * does not send it again), or cannot say now.
 */
export async function unacknowledgedFate(rpc: RpcCall, hash: string): Promise<'taken' | 'never' | 'unknown'> {
  const known = await rpc('eth_getTransactionByHash', [hash]).catch(() => 'unknown');
  if (known === null) return 'never';
  return known && typeof known === 'object' ? 'taken' : 'unknown';
}

export interface Approved {
  /** The gas limit shown; undefined only when the node could not estimate it before approval. */
  gas?: bigint;
  fees: FeeCaps;
  /** A replacement reuses the nonce of the transaction it replaces. */
  nonce?: number;
  /** Signs the transaction as built here (nonce, gas and fees included): the vault's key or the user's Ledger. */
  sign(tx: TransactionSerializable): Promise<Hex>;
}

export interface Broadcast {
  hash: Hex;
  nonce: number;
  gas: bigint;
}

/** Writes the activity entry of a signed transaction, before it is sent. */
export type RecordSending = (signed: Broadcast) => Promise<void>;

export async function broadcast(
  deps: SigningDeps,
  nonces: NonceManager,
  network: Network,
  tx: TransactionParams,
  approved: Approved,
  record: RecordSending,
): Promise<Broadcast> {
  const rpc = deps.rpcFor(network);
  const { chainId } = network;
  await requireChain(deps, network);
  const used: { nonce?: number; gas?: bigint } = {};
  const send = async (nonce: number) => {
    const gas = approved.gas ?? (await gasFor(rpc, tx));
    const serializable = { chainId, nonce, to: tx.to, data: tx.data, value: tx.value, gas, ...approved.fees } as TransactionSerializable;
    const signed = await approved.sign(serializable);
    const hash = keccak256(signed);
    // Not being able to list it (storage full) must not stop a send the user approved.
    await record({ hash, nonce, gas }).catch(() => undefined);
    try {
      await rpc('eth_sendRawTransaction', [signed]);
    } catch (err) {
      // Refused by the node: never sent. No answer at all: it may have gone; Activity asks later.
      if (err instanceof NodeRpcError) await deps.activity.withdraw(hash).catch(() => undefined);
      throw err;
    }
    await deps.activity.acknowledge(hash).catch(() => undefined);
    Object.assign(used, { nonce, gas });
    return hash;
  };
  const hash =
    approved.nonce !== undefined
      ? await send(approved.nonce)
      : await nonces.withNextNonce(
          chainId,
          tx.from,
          {
            pendingCount: async () => Number(BigInt((await rpc('eth_getTransactionCount', [tx.from, 'pending'])) as string)),
            knowsTransaction: async (h) => (await rpc('eth_getTransactionByHash', [h])) !== null,
          },
          send,
        );
  if (used.nonce === undefined || used.gas === undefined) throw rpcErrors.internal('The transaction was not sent.');
  return { hash, nonce: used.nonce, gas: used.gas };
}
