/** Network fees for a transaction: EIP-1559 from the latest block and the node's tip, legacy where the chain has no base fee. */
import type { TransactionSerializable } from 'viem';
import type { RpcCall } from '../chains';
import type { TransactionParams } from './transaction-params';

const FALLBACK_TIP = 1_000_000_000n;

const gasPrice = async (rpc: RpcCall) => BigInt((await rpc('eth_gasPrice')) as string);

export async function feesFor(rpc: RpcCall, tx: TransactionParams): Promise<Partial<TransactionSerializable>> {
  if (tx.gasPrice !== undefined || tx.type === 'legacy') return { type: 'legacy', gasPrice: tx.gasPrice ?? (await gasPrice(rpc)) };
  const block = (await rpc('eth_getBlockByNumber', ['latest', false])) as { baseFeePerGas?: string } | null;
  if (!block?.baseFeePerGas) return { type: 'legacy', gasPrice: await gasPrice(rpc) };
  const baseFee = BigInt(block.baseFeePerGas);
  let tip = tx.maxPriorityFeePerGas;
  if (tip === undefined) {
    try {
      tip = BigInt((await rpc('eth_maxPriorityFeePerGas')) as string);
    } catch {
      tip = FALLBACK_TIP;
    }
  }
  const maxFee = tx.maxFeePerGas ?? baseFee * 2n + tip;
  return { type: 'eip1559', maxFeePerGas: maxFee, maxPriorityFeePerGas: tip > maxFee ? maxFee : tip };
}

/** Gas for the transaction: the caller's, or the node's estimate with headroom (gas use can grow before inclusion). */
export async function gasFor(rpc: RpcCall, tx: TransactionParams): Promise<bigint> {
  if (tx.gas !== undefined) return tx.gas;
  const request = { from: tx.from, to: tx.to, data: tx.data, value: `0x${tx.value.toString(16)}` };
  return (BigInt((await rpc('eth_estimateGas', [request])) as string) * 5n) / 4n + 25_000n;
}
