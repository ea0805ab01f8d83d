import { personalSign, recoverTypedSignature, SignTypedDataVersion, signTypedData as sigUtilSignTypedData } from '@metamask/eth-sig-util';
import { Buffer } from 'buffer';
import { hexToBytes, parseGwei, recoverMessageAddress, recoverTransactionAddress, type TransactionSerializable } from 'viem';
import { signTypedData as viemSignTypedData } from 'viem/accounts';
import { describe, expect, it } from 'vitest';
import { signPersonalMessageWithKey, signTransactionWithKey, signTypedDataWithKey, type TypedData } from '../../../lib/keyring';
import { TEST_ACCOUNTS } from './fixtures';
import { withArrays, withoutArrays } from './typed-data-fixtures';

const { privateKey, address } = TEST_ACCOUNTS[0];
const to = TEST_ACCOUNTS[1].address;

function signWithViem(data: TypedData) {
  const { EIP712Domain: _domainType, ...types } = data.types;
  return viemSignTypedData({ privateKey, domain: data.domain as never, types, primaryType: data.primaryType as string, message: data.message });
}

describe('transactions', () => {
  it.each<[string, TransactionSerializable]>([
    ['legacy', { chainId: 1, nonce: 7, gasPrice: parseGwei('20'), gas: 21_000n, to, value: 10n ** 18n }],
    [
      'EIP-1559',
      {
        type: 'eip1559',
        chainId: 31337,
        nonce: 0,
        maxFeePerGas: parseGwei('30'),
        maxPriorityFeePerGas: parseGwei('1'),
        gas: 60_000n,
        to,
        value: 1n,
        data: '0xa9059cbb',
      },
    ],
  ])('signs a %s transaction that recovers to the account', async (_label, tx) => {
    const serialized = await signTransactionWithKey(privateKey, tx);
    expect(await recoverTransactionAddress({ serializedTransaction: serialized as never })).toBe(address);
  });

  it('keeps the transaction type: an EIP-1559 transaction serializes as type 2', async () => {
    const serialized = await signTransactionWithKey(privateKey, { type: 'eip1559', chainId: 1, maxFeePerGas: 1n, gas: 21_000n, to });
    expect(serialized.startsWith('0x02')).toBe(true);
  });

  it('refuses a transaction without a chainId (it could be replayed on any chain)', async () => {
    await expect(signTransactionWithKey(privateKey, { gasPrice: 1n, gas: 21_000n, to })).rejects.toMatchObject({ code: 'keyring.bad_transaction' });
  });
});

describe('personal_sign', () => {
  it.each([
    ['UTF-8 text', 'Sign in to Sharekeep demo\nNonce: 42'],
    ['hex bytes', '0xdeadbeef00'],
  ])('signs %s so that it recovers, byte-identical to eth-sig-util', async (_label, message) => {
    const signature = await signPersonalMessageWithKey(privateKey, message);
    const recovered = await recoverMessageAddress({ message: message.startsWith('0x') ? { raw: message as `0x${string}` } : message, signature });
    expect(recovered).toBe(address);
    expect(signature).toBe(personalSign({ privateKey: Buffer.from(hexToBytes(privateKey)), data: message }));
  });
});

const sigUtil = (data: TypedData, version: 'V3' | 'V4') =>
  sigUtilSignTypedData({
    privateKey: Buffer.from(hexToBytes(privateKey)),
    data: data as never,
    version: version === 'V3' ? SignTypedDataVersion.V3 : SignTypedDataVersion.V4,
  });

describe('typed data', () => {
  const allShapes = Object.entries({ ...withoutArrays, ...withArrays });

  it.each(allShapes)('v4 of %s is byte-identical to eth-sig-util and to viem, and recovers', async (_name, data) => {
    const signature = await signTypedDataWithKey(privateKey, data, 'V4');
    expect(signature).toBe(sigUtil(data, 'V4'));
    expect(signature).toBe(await signWithViem(data));
    expect(recoverTypedSignature({ data: data as never, signature, version: SignTypedDataVersion.V4 }).toLowerCase()).toBe(address.toLowerCase());
  });

  it.each(Object.entries(withoutArrays))('v3 of %s matches eth-sig-util v3, and equals v4 since it has no arrays', async (_name, data) => {
    const signature = await signTypedDataWithKey(privateKey, data, 'V3');
    expect(signature).toBe(sigUtil(data, 'V3'));
    expect(signature).toBe(await signTypedDataWithKey(privateKey, data, 'V4'));
  });

  it('v3 leaves out undefined fields where v4 cannot, as eth-sig-util does', async () => {
    const data = structuredClone(withoutArrays.mailNested) as TypedData;
    delete (data.message as Record<string, unknown>).contents;
    expect(await signTypedDataWithKey(privateKey, data, 'V3')).toBe(sigUtil(data, 'V3'));
    await expect(signTypedDataWithKey(privateKey, data, 'V4')).rejects.toMatchObject({ code: 'keyring.bad_typed_data' });
  });

  it('v4 encodes a missing nested struct as zero, as eth-sig-util does', async () => {
    const data = structuredClone(withoutArrays.mailNested) as TypedData;
    (data.message as Record<string, unknown>).to = null;
    expect(await signTypedDataWithKey(privateKey, data, 'V4')).toBe(sigUtil(data, 'V4'));
  });

  it.each(Object.entries(withArrays))('v3 refuses %s, which uses arrays (a v4 addition)', async (_name, data) => {
    await expect(signTypedDataWithKey(privateKey, data, 'V3')).rejects.toMatchObject({ code: 'keyring.bad_typed_data' });
  });

  it('refuses malformed typed data with keyring.bad_typed_data', async () => {
    const broken = { ...withoutArrays.mailNested, primaryType: 'Missing' };
    await expect(signTypedDataWithKey(privateKey, broken, 'V4')).rejects.toMatchObject({ code: 'keyring.bad_typed_data' });
  });
});
