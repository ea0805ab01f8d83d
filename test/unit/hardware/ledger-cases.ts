// The requests the Ledger fixtures were recorded for: the recorder and the replay tests share them,
// so a replay sends exactly the APDUs that were recorded.
import { type Address, getAddress, parseEther, parseGwei, type TransactionSerializable } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import type { HardwareSource } from '../../../lib/hardware';
import type { TypedData } from '../../../lib/keyring';
import { permitErc2612 } from '../keyring/typed-data-fixtures';

export const TEST_PHRASE = 'test test test test test test test test test test test junk';
export const addressAt = (path: string): Address => mnemonicToAccount(TEST_PHRASE, { path: path as `m/44'/60'/${string}` }).address;

export const LIVE_1 = "m/44'/60'/1'/0/0";
export const LEGACY_1 = "m/44'/60'/0'/1";

const TSLA = getAddress('0x0000000000000000000000000000000000000002');
const transfer = `0xa9059cbb${'70997970c51812dc3a010c7d01b50e0d17dc79c8'.padStart(64, '0')}${(10n ** 18n).toString(16).padStart(64, '0')}` as const;

const eip1559: TransactionSerializable = {
  type: 'eip1559',
  chainId: 31337,
  nonce: 7,
  to: TSLA,
  value: 0n,
  data: transfer,
  gas: 65_000n,
  maxFeePerGas: parseGwei('3'),
  maxPriorityFeePerGas: parseGwei('1.5'),
};
const legacy: TransactionSerializable = {
  type: 'legacy',
  chainId: 31337,
  nonce: 3,
  to: getAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
  value: parseEther('0.25'),
  gas: 21_000n,
  gasPrice: parseGwei('2.25'),
};

// Long enough to take several SIGN_TX chunks.
const bigCall: TransactionSerializable = { ...eip1559, nonce: 8, data: `0x12345678${'ab'.repeat(400)}` };

/** The keyring's ERC-2612 permit, owned by the Ledger account. */
export const PERMIT: TypedData = { ...permitErc2612, message: { ...permitErc2612.message, owner: addressAt(LIVE_1) } };

export interface SigningCase {
  name: string;
  path: string;
  source: HardwareSource;
}

export const SIGNING_CASES: SigningCase[] = [
  { name: 'tx-eip1559', path: LIVE_1, source: { method: 'transaction', tx: eip1559 } },
  { name: 'tx-legacy', path: LEGACY_1, source: { method: 'transaction', tx: legacy } },
  { name: 'tx-chunked', path: LIVE_1, source: { method: 'transaction', tx: bigCall } },
  { name: 'personal-text', path: LIVE_1, source: { method: 'personal-message', message: 'Log in to app.example\nNonce: 42' } },
  { name: 'personal-hex', path: LEGACY_1, source: { method: 'personal-message', message: `0x${'ab'.repeat(200)}` } },
  { name: 'typed-permit', path: LIVE_1, source: { method: 'typed-data', data: PERMIT, version: 'V4' } },
];

/** The derivation fixtures: the first three accounts of each scheme. */
export const DERIVATION_CASES = [
  { name: 'accounts-ledger-live', scheme: 'ledger-live', start: 0, count: 3 },
  { name: 'accounts-legacy', scheme: 'legacy', start: 0, count: 3 },
] as const;
