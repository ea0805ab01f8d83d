/**
 * The Ledger Ethereum app, spoken to over any hw-transport (WebHID in the pages, a replayer in
 * tests). Loaded only by dynamic import from an extension page when a hardware account is used,
 * so the worker and the popup never carry it. Nothing here reaches Ledger's remote services:
 * transactions are signed with an explicit empty resolution (no clear-signing metadata, no
 * plugin or domain lookups) and typed data from the two hashes the wallet computed.
 */
import Eth from '@ledgerhq/hw-app-eth';
import type Transport from '@ledgerhq/hw-transport';
import { type Address, getAddress, type Hex } from 'viem';
import { DERIVATION_SCHEMES, type DerivationScheme, type HardwareSignature, type HardwareSignTask } from '../hardware';
import { deviceError } from './device-errors';

export interface LedgerAccount {
  path: string;
  address: Address;
}

/** The device takes paths without the leading "m/". */
const devicePath = (path: string) => path.replace(/^m\//, '');
const hex = (text: string): Hex => `0x${text.replace(/^0x/, '').padStart(64, '0')}` as Hex;
const plain = (bytes: Hex) => bytes.slice(2);

/** `count` consecutive accounts of one derivation scheme, from `start`, as the device derives them. */
export async function ledgerAccounts(transport: Transport, scheme: DerivationScheme, start: number, count: number): Promise<LedgerAccount[]> {
  const eth = new Eth(transport);
  const accounts: LedgerAccount[] = [];
  for (let index = start; index < start + count; index++) {
    const path = DERIVATION_SCHEMES[scheme].pathAt(index);
    const { address } = await eth.getAddress(devicePath(path), false, false).catch((err: unknown) => {
      throw deviceError(err);
    });
    accounts.push({ path, address: getAddress(address) });
  }
  return accounts;
}

/** A message signature's v from the app is 27 or 28 (some firmware answers 0 or 1). */
const messageParity = (v: number): 0 | 1 => ((v >= 27 ? v - 27 : v) === 1 ? 1 : 0);

/** A legacy transaction's v is EIP-155's chainId * 2 + 35 + parity; typed transactions answer the parity itself. */
function transactionParity(vHex: string, payload: Extract<HardwareSignTask['payload'], { method: 'transaction' }>): 0 | 1 {
  const v = BigInt(`0x${vHex}`);
  const parity = payload.type === 'legacy' ? v - BigInt(payload.chainId) * 2n - 35n : v;
  return parity === 1n ? 1 : 0;
}

/** Sends the background's exact payload to the device and returns its signature; the background checks it. */
export async function signOnLedger(transport: Transport, task: HardwareSignTask): Promise<HardwareSignature> {
  const eth = new Eth(transport);
  const path = devicePath(task.path);
  const { payload } = task;
  try {
    if (payload.method === 'transaction') {
      // null: blind-sign what the wallet decoded and showed; never ask ledgerService to resolve it.
      const { v, r, s } = await eth.signTransaction(path, plain(payload.unsigned), null);
      return { r: hex(r), s: hex(s), yParity: transactionParity(v, payload) };
    }
    const { v, r, s } =
      payload.method === 'personal-message'
        ? await eth.signPersonalMessage(path, plain(payload.message))
        : await eth.signEIP712HashedMessage(path, plain(payload.domainHash), plain(payload.messageHash));
    return { r: hex(r), s: hex(s), yParity: messageParity(v) };
  } catch (err) {
    throw deviceError(err);
  }
}
