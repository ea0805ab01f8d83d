/**
 * After approval: nonce, signature and eth_sendRawTransaction, every call to the node of the
 * network the request was approved on, with the gas limit and fee caps the window showed and
 * the user chose. That node is asked its chain id first, so a signed transaction never
 * reaches another chain's RPC.
 */
import type { Hex, TransactionSerializable } from 'viem';
import { type Network, parseChainId } from '../chains';
import { rpcErrors } from '../errors';
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

export async function broadcast(
  deps: SigningDeps,
  nonces: NonceManager,
  network: Network,
  tx: TransactionParams,
  approved: Approved,
): Promise<Broadcast> {
  const rpc = deps.rpcFor(network);
  const { chainId } = network;
  await requireChain(deps, network);
  const used: { nonce?: number; gas?: bigint } = {};
  const send = async (nonce: number) => {
    const gas = approved.gas ?? (await gasFor(rpc, tx));
    const serializable = { chainId, nonce, to: tx.to, data: tx.data, value: tx.value, gas, ...approved.fees } as TransactionSerializable;
    const signed = await approved.sign(serializable);
    const hash = (await rpc('eth_sendRawTransaction', [signed])) as Hex;
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
