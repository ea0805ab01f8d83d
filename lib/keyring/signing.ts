import { type Hex, isHex, type TransactionSerializable } from 'viem';
import { privateKeyToAccount, sign, serializeSignature } from 'viem/accounts';
import { WalletError } from '../errors';
import { type TypedDataPayload, type TypedDataVersion, typedDataDigest } from './typed-data-hash';

/**
 * Signing primitives. They take a private key and are pure; the key manager looks the key
 * up and checks the wallet is unlocked. Validating what is signed (chain ids, shapes,
 * approvals) is the caller's job.
 */

export type { TypedDataVersion };
export type TypedData = TypedDataPayload;

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

/** eth_signTypedData_v3 / _v4 with the hashing rules of @metamask/eth-sig-util (see typed-data-hash.ts). */
export async function signTypedDataWithKey(privateKey: Hex, data: TypedData, version: TypedDataVersion): Promise<Hex> {
  try {
    return serializeSignature(await sign({ hash: typedDataDigest(data, version), privateKey }));
  } catch (err) {
    const reason = err instanceof Error ? err.message : 'malformed typed data';
    throw new WalletError('keyring.bad_typed_data', `The typed data could not be signed (${version}): ${reason}`, { cause: err });
  }
}
