import { type MessageTypes, SignTypedDataVersion, signTypedData as signTypedDataWithSigUtil, type TypedMessage } from '@metamask/eth-sig-util';
import { Buffer } from 'buffer';
import { type Hex, hexToBytes, isHex, type TransactionSerializable } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { WalletError } from '../errors/index';

/**
 * Signing primitives. They take a private key and are pure; the key manager looks the key
 * up and checks the wallet is unlocked. Validating what is signed (chain ids, shapes,
 * approvals) is the caller's job.
 */

export type TypedDataVersion = 'V3' | 'V4';
export type TypedData = TypedMessage<MessageTypes>;

/** Signs a legacy, EIP-2930 or EIP-1559 transaction; returns the serialized signed transaction. */
export async function signTransactionWithKey(privateKey: Hex, tx: TransactionSerializable): Promise<Hex> {
  if (tx.chainId === undefined) throw new WalletError('keyring.bad_transaction', 'A transaction to sign needs a chainId.');
  try {
    return await privateKeyToAccount(privateKey).signTransaction(tx);
  } catch (err) {
    throw new WalletError('keyring.bad_transaction', 'The transaction could not be signed: it is malformed.', { cause: err });
  }
}

/**
 * personal_sign: a 0x-hex message is signed as its bytes, anything else as UTF-8 text
 * (as MetaMask does). The EIP-191 prefix is added here.
 */
export async function signPersonalMessageWithKey(privateKey: Hex, message: string): Promise<Hex> {
  const account = privateKeyToAccount(privateKey);
  return isHex(message, { strict: true }) ? account.signMessage({ message: { raw: message } }) : account.signMessage({ message });
}

/** eth_signTypedData_v3 / _v4 through @metamask/eth-sig-util. */
export function signTypedDataWithKey(privateKey: Hex, data: TypedData, version: TypedDataVersion): Hex {
  try {
    const sigVersion = version === 'V3' ? SignTypedDataVersion.V3 : SignTypedDataVersion.V4;
    return signTypedDataWithSigUtil({ privateKey: Buffer.from(hexToBytes(privateKey)), data, version: sigVersion }) as Hex;
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'malformed typed data';
    throw new WalletError('keyring.bad_typed_data', `The typed data could not be signed (${version}): ${reason}`, { cause: err });
  }
}
