/**
 * After approval: nonce, gas, fees, signature and eth_sendRawTransaction, every call to the node
 * of the network the request was approved on. That node is asked its chain id first, so a
 * signed transaction never reaches another chain's RPC.
 */
import type { Hex, TransactionSerializable } from 'viem';
import { type Network, parseChainId } from '../chains';
import { rpcErrors } from '../errors';
import type { SigningDeps } from './deps';
import { feesFor, gasFor } from './fees';
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

export async function broadcast(deps: SigningDeps, nonces: NonceManager, network: Network, tx: TransactionParams): Promise<Hex> {
  const rpc = deps.rpcFor(network);
  const { chainId } = network;
  await requireChain(deps, network);
  return nonces.withNextNonce(
    chainId,
    tx.from,
    {
      pendingCount: async () => Number(BigInt((await rpc('eth_getTransactionCount', [tx.from, 'pending'])) as string)),
      knowsTransaction: async (h) => (await rpc('eth_getTransactionByHash', [h])) !== null,
    },
    async (nonce) => {
      const gas = await gasFor(rpc, tx);
      const serializable = { chainId, nonce, to: tx.to, data: tx.data, value: tx.value, gas, ...(await feesFor(rpc, tx)) } as TransactionSerializable;
      const signed = await deps.keys.signTransaction(tx.from, serializable);
      return (await rpc('eth_sendRawTransaction', [signed])) as Hex;
    },
  );
}
