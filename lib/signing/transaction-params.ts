/**
 * eth_sendTransaction parameters as a page sends them, checked strictly: a malformed
 * value, recipient, data or gas is refused with -32602 before anything is decoded or shown.
 */
import { type Address, getAddress, type Hex, isAddress } from 'viem';
import { rpcErrors } from '../errors';

export interface TransactionParams {
  from: Address;
  to?: Address;
  value: bigint;
  data?: Hex;
  gas?: bigint;
  gasPrice?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
  nonce?: number;
  type?: 'legacy' | 'eip1559';
  chainId?: number;
}

const LOOSE_QUANTITY = /^0x[0-9a-fA-F]{1,64}$/;

function quantity(name: string, value: unknown, maxBits = 256): bigint | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !LOOSE_QUANTITY.test(value)) {
    throw rpcErrors.invalidParams(`Invalid "${name}": expected a 0x-prefixed hexadecimal quantity.`);
  }
  const n = BigInt(value);
  if (n >= 1n << BigInt(maxBits)) throw rpcErrors.invalidParams(`Invalid "${name}": too large.`);
  return n;
}

function address(name: string, value: unknown): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw rpcErrors.invalidParams(`Invalid "${name}": expected an address.`);
  return getAddress(value);
}

export function parseTransactionParams(params: unknown): TransactionParams {
  const list = Array.isArray(params) ? params : [];
  const raw = list[0];
  if (list.length !== 1 || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw rpcErrors.invalidParams('eth_sendTransaction expects one transaction object.');
  }
  const tx = raw as Record<string, unknown>;
  const out: TransactionParams = { from: address('from', tx.from), value: quantity('value', tx.value) ?? 0n };
  if (tx.to !== undefined && tx.to !== null && tx.to !== '') out.to = address('to', tx.to);
  const data = tx.data ?? tx.input;
  if (data !== undefined && data !== null) {
    if (typeof data !== 'string' || data.length % 2 !== 0 || !/^0x[0-9a-fA-F]*$/.test(data))
      throw rpcErrors.invalidParams('Invalid "data": expected 0x-prefixed hex of whole bytes.');
    if (data.length > 2) out.data = data as Hex;
  }
  if (!out.to && !out.data) throw rpcErrors.invalidParams('A transaction needs a recipient or contract code.');
  out.gas = quantity('gas', tx.gas ?? tx.gasLimit, 64);
  if (out.gas !== undefined && out.gas < 21_000n) throw rpcErrors.invalidParams('Invalid "gas": below the 21,000 every transaction needs.');
  out.gasPrice = quantity('gasPrice', tx.gasPrice);
  out.maxFeePerGas = quantity('maxFeePerGas', tx.maxFeePerGas);
  out.maxPriorityFeePerGas = quantity('maxPriorityFeePerGas', tx.maxPriorityFeePerGas);
  const nonce = quantity('nonce', tx.nonce, 53);
  if (nonce !== undefined) out.nonce = Number(nonce);
  if (tx.type !== undefined && tx.type !== null) {
    if (tx.type === '0x0' || tx.type === '0x00') out.type = 'legacy';
    else if (tx.type === '0x2' || tx.type === '0x02') out.type = 'eip1559';
    else throw rpcErrors.invalidParams('Invalid "type": Sharekeep sends legacy (0x0) or EIP-1559 (0x2) transactions.');
  }
  if (out.gasPrice !== undefined && (out.maxFeePerGas !== undefined || out.maxPriorityFeePerGas !== undefined)) {
    throw rpcErrors.invalidParams('Give either "gasPrice" or EIP-1559 fees, not both.');
  }
  const chainId = quantity('chainId', tx.chainId, 53);
  if (chainId !== undefined) out.chainId = Number(chainId);
  return out;
}
