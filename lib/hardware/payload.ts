/**
 * What a hardware wallet is asked to sign, built by the background from the request it approved:
 * the unsigned transaction (with the nonce, gas and fees it will carry), the personal_sign
 * message's bytes, or the two EIP-712 hashes. The page only forwards these bytes to the device.
 */
import { type Address, type Hex, isHex, serializeTransaction, stringToHex, type TransactionSerializable } from 'viem';
import { WalletError } from '../errors';
import { type TypedData, type TypedDataVersion, typedDataHashes } from '../keyring';

/** The request as the background keeps it: the source the signature is checked against. */
export type HardwareSource =
  | { method: 'transaction'; tx: TransactionSerializable }
  | { method: 'personal-message'; message: string }
  | { method: 'typed-data'; data: TypedData; version: TypedDataVersion };

/** The bytes the device signs (JSON-safe: it crosses to the approval window). */
export type HardwarePayload =
  | { method: 'transaction'; unsigned: Hex; type: 'legacy' | 'eip1559' | 'eip2930'; chainId: number }
  | { method: 'personal-message'; message: Hex }
  | { method: 'typed-data'; domainHash: Hex; messageHash: Hex };

/** The approval window's task for a hardware account: which key signs, and exactly what. */
export interface HardwareSignTask {
  account: Address;
  path: string;
  payload: HardwarePayload;
}

/** personal_sign signs a 0x-hex message as its bytes and anything else as UTF-8 (as the key signer does). */
export const messageBytes = (message: string): Hex => (isHex(message, { strict: true }) ? message : stringToHex(message));

export function hardwarePayload(source: HardwareSource): HardwarePayload {
  if (source.method === 'personal-message') return { method: 'personal-message', message: messageBytes(source.message) };
  if (source.method === 'typed-data') {
    const { domainHash, messageHash } = typedDataHashes(source.data, source.version);
    if (!messageHash)
      throw new WalletError('hardware.unsupported', 'A Ledger cannot sign typed data whose primary type is EIP712Domain; nothing was signed.');
    return { method: 'typed-data', domainHash, messageHash };
  }
  const { tx } = source;
  if (tx.chainId === undefined) throw new WalletError('keyring.bad_transaction', 'A transaction to sign needs a chainId.');
  const type = tx.type === 'legacy' || tx.gasPrice !== undefined ? 'legacy' : tx.type === 'eip2930' ? 'eip2930' : 'eip1559';
  return { method: 'transaction', unsigned: serializeTransaction(tx), type, chainId: tx.chainId };
}
