/**
 * A hardware wallet's answer, checked before anything leaves the wallet: the signature must
 * recover to the account over exactly the request the user approved, rebuilt here from the
 * background's own copy, not from anything the page sent.
 */
import * as v from 'valibot';
import { type Address, type Hex, hashMessage, isAddressEqual, keccak256, recoverAddress, serializeSignature, serializeTransaction } from 'viem';
import { WalletError } from '../errors';
import { typedDataDigest } from '../keyring';
import type { HardwareSource } from './payload';
import { messageBytes } from './payload';

const word = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/, 'r and s must be 32-byte hex.')) as v.GenericSchema<Hex>;

/** What the page returns: the device's signature, as r, s and the y parity. */
export const HardwareSignatureSchema = v.object({ r: word, s: word, yParity: v.picklist([0, 1]) });
export type HardwareSignature = v.InferOutput<typeof HardwareSignatureSchema>;

const mismatch = () =>
  new WalletError(
    'hardware.signature_mismatch',
    'The signature from the Ledger is not for the request you approved (or not from this account). Nothing was signed or sent.',
  );

const recoveredSafely = async (recover: () => Promise<Address>): Promise<Address | undefined> => recover().catch(() => undefined);

/**
 * Returns what the request answers with (the signed transaction to broadcast, or the 65-byte
 * signature); throws hardware.signature_mismatch when it does not recover to `account`.
 */
export async function acceptHardwareSignature(account: Address, source: HardwareSource, raw: unknown): Promise<Hex> {
  const parsed = v.safeParse(HardwareSignatureSchema, raw);
  if (!parsed.success) throw new WalletError('hardware.bad_signature', `The Ledger's answer is not a signature: ${parsed.issues[0].message}`);
  const { r, s, yParity } = parsed.output;
  const signature = { r, s, yParity, v: BigInt(27 + yParity) };
  // The hash the device should have signed, from the background's copy of the request.
  const hash =
    source.method === 'transaction'
      ? keccak256(serializeTransaction(source.tx))
      : source.method === 'personal-message'
        ? hashMessage({ raw: messageBytes(source.message) })
        : typedDataDigest(source.data, source.version);
  const signer = await recoveredSafely(() => recoverAddress({ hash, signature: serializeSignature(signature) }));
  if (!signer || !isAddressEqual(signer, account)) throw mismatch();
  // A transaction: the approved one (the background's copy) with the device's signature added, nothing else.
  return source.method === 'transaction' ? serializeTransaction(source.tx, signature) : serializeSignature(signature);
}
