// The Ledger path against recorded APDU exchanges (test/fixtures/ledger, written by
// scripts/record-ledger-fixtures.ts from the real hw-app-eth code talking to the emulator):
// what the wallet derives and signs through a device, checked the way the background checks it.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { openTransportReplayer, RecordStore } from '@ledgerhq/hw-transport-mocker';
import { getAddress, parseTransaction, serializeTransaction, recoverMessageAddress, recoverTransactionAddress, recoverTypedDataAddress } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptHardwareSignature, DERIVATION_SCHEMES, hardwarePayload } from '../../../lib/hardware';
import { ledgerAccounts, signOnLedger } from '../../../lib/ledger';
import { addressAt, DERIVATION_CASES, SIGNING_CASES, type SigningCase, TEST_PHRASE } from './ledger-cases';
import { LedgerEmulator } from './ledger-emulator';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'ledger');

async function replay<T>(name: string, run: (transport: Awaited<ReturnType<typeof openTransportReplayer>>) => Promise<T>): Promise<T> {
  const store = RecordStore.fromString(readFileSync(join(FIXTURES, `${name}.apdus`), 'utf8'));
  const result = await run(await openTransportReplayer(store));
  store.ensureQueueEmpty();
  return result;
}

const taskOf = (c: SigningCase) => ({ account: addressAt(c.path), path: c.path, payload: hardwarePayload(c.source) });
const signed = (c: SigningCase) => replay(c.name, (t) => signOnLedger(t, taskOf(c)));
const byName = (name: string) => SIGNING_CASES.find((c) => c.name === name)!;

describe('Ledger accounts, derived on the device', () => {
  it.each(DERIVATION_CASES)('$name: the addresses the device gives are the BIP-44 ones of its scheme', async ({ name, scheme, start, count }) => {
    const accounts = await replay(name, (t) => ledgerAccounts(t, scheme, start, count));
    const paths = Array.from({ length: count }, (_, i) => DERIVATION_SCHEMES[scheme].pathAt(start + i));
    expect(accounts).toEqual(
      paths.map((path) => ({ path, address: mnemonicToAccount(TEST_PHRASE, { path: path as `m/44'/60'/${string}` }).address })),
    );
    expect(new Set(accounts.map((a) => a.address)).size).toBe(count);
  });

  it('the two schemes name different accounts beyond the first', async () => {
    const live = await replay('accounts-ledger-live', (t) => ledgerAccounts(t, 'ledger-live', 0, 3));
    const legacy = await replay('accounts-legacy', (t) => ledgerAccounts(t, 'legacy', 0, 3));
    expect(live[0].path).toBe("m/44'/60'/0'/0/0");
    expect(legacy[1].path).toBe("m/44'/60'/0'/1");
    expect(live[1].address).not.toBe(legacy[1].address);
  });
});

describe('signing on the device, as the background accepts it', () => {
  it.each(SIGNING_CASES.filter((c) => c.source.method === 'transaction'))(
    '$name: the signed transaction is the one shown, signed by the account',
    async (c) => {
      if (c.source.method !== 'transaction') throw new Error('not a transaction case');
      const raw = await acceptHardwareSignature(taskOf(c).account, c.source, await signed(c));
      expect(await recoverTransactionAddress({ serializedTransaction: raw as never })).toBe(addressAt(c.path));
      const { r: _r, s: _s, v: _v, yParity: _y, ...fields } = parseTransaction(raw);
      // Byte for byte the unsigned transaction that was built and shown, nonce, gas and fees included.
      expect(serializeTransaction(fields)).toBe(serializeTransaction(c.source.tx));
      const { to, nonce, gas, chainId } = c.source.tx;
      expect({ ...fields, to: fields.to && getAddress(fields.to) }).toMatchObject({ to, nonce, gas, chainId });
    },
  );

  it.each(SIGNING_CASES.filter((c) => c.source.method === 'personal-message'))('$name: personal_sign recovers to the account', async (c) => {
    if (c.source.method !== 'personal-message') throw new Error('not a message case');
    const signature = await acceptHardwareSignature(taskOf(c).account, c.source, await signed(c));
    const message = c.source.message.startsWith('0x') ? { raw: c.source.message as `0x${string}` } : c.source.message;
    expect(await recoverMessageAddress({ message, signature })).toBe(addressAt(c.path));
  });

  it('eth_signTypedData_v4: the hashed EIP-712 signature recovers to the account over the typed data', async () => {
    const c = byName('typed-permit');
    if (c.source.method !== 'typed-data') throw new Error('not a typed-data case');
    const signature = await acceptHardwareSignature(taskOf(c).account, c.source, await signed(c));
    const { types, primaryType, domain, message } = c.source.data;
    const { EIP712Domain: _, ...rest } = types;
    expect(await recoverTypedDataAddress({ types: rest, primaryType, domain: domain as never, message, signature } as never)).toBe(addressAt(c.path));
  });

  it('a signature over another transaction is refused: nothing to broadcast', async () => {
    const c = byName('tx-eip1559');
    if (c.source.method !== 'transaction') throw new Error('not a transaction case');
    const signature = await signed(c);
    const other = { method: 'transaction' as const, tx: { ...c.source.tx, nonce: 8 } };
    await expect(acceptHardwareSignature(addressAt(c.path), other, signature)).rejects.toMatchObject({ code: 'hardware.signature_mismatch' });
  });

  it('a signature from another account is refused', async () => {
    const c = byName('personal-text');
    const signature = await signed(c);
    await expect(acceptHardwareSignature(addressAt("m/44'/60'/0'/0/0"), c.source, signature)).rejects.toMatchObject({
      code: 'hardware.signature_mismatch',
    });
  });

  it('an answer that is not a signature is a clear error', async () => {
    const c = byName('personal-text');
    await expect(acceptHardwareSignature(addressAt(c.path), c.source, { r: '0x12', s: 'zz', yParity: 3 })).rejects.toMatchObject({
      code: 'hardware.bad_signature',
    });
  });

  it('a user pressing Reject on the device gets a sentence, not a status word', async () => {
    const device = new LedgerEmulator({ mnemonic: TEST_PHRASE, rejectSigning: true });
    await expect(signOnLedger(device, taskOf(byName('tx-eip1559')))).rejects.toMatchObject({ code: 'hardware.rejected' });
  });
});

describe("Ledger's remote services stay off", () => {
  afterEach(() => vi.restoreAllMocks());

  it('deriving and signing every kind of request makes no network request', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('no network in the signing path'));
    const httpRequest = vi.spyOn(http, 'request');
    const httpsRequest = vi.spyOn(https, 'request');
    await replay('accounts-ledger-live', (t) => ledgerAccounts(t, 'ledger-live', 0, 3));
    for (const c of SIGNING_CASES) await acceptHardwareSignature(taskOf(c).account, c.source, await signed(c));
    // And against a live emulator too (not only replays, which would fail on an extra APDU anyway).
    await signOnLedger(new LedgerEmulator({ mnemonic: TEST_PHRASE }), taskOf(byName('tx-legacy')));
    expect(fetch).not.toHaveBeenCalled();
    expect(httpRequest).not.toHaveBeenCalled();
    expect(httpsRequest).not.toHaveBeenCalled();
  });
});
