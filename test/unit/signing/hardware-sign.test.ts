// A Ledger account through the whole signing road: the dApp's request is approved in the window,
// then the window's device step receives the exact payload the background built, and the answer
// is accepted only if it recovers to the account over that payload.
import { type Hex, keccak256, parseTransaction, recoverMessageAddress, recoverTransactionAddress, serializeTransaction } from 'viem';
import { describe, expect, it } from 'vitest';
import { type HardwareSignTask, hardwarePayload } from '../../../lib/hardware';
import { signOnLedger } from '../../../lib/ledger';
import type { HardwareSignView } from '../../../lib/signing';
import { addressAt, LIVE_1, PERMIT, TEST_PHRASE } from '../hardware/ledger-cases';
import { LedgerEmulator } from '../hardware/ledger-emulator';
import { createTestWallet, SITE, type TestWallet } from '../wallet/harness';

const LEDGER = addressAt(LIVE_1);
const device = new LedgerEmulator({ mnemonic: TEST_PHRASE });

async function walletWithLedger(): Promise<TestWallet> {
  const t = await createTestWallet();
  await t.wallet.keys.addHardwareAccount(LEDGER, LIVE_1);
  const connecting = t.request('eth_requestAccounts');
  const approval = await t.nextApproval();
  t.wallet.approvals.decide(approval.id, { approved: true, data: { accounts: [LEDGER] } });
  expect(await connecting).toEqual([LEDGER]);
  return t;
}

/** Approves the request in the window, then returns the device step it leads to. */
async function approveThenDeviceStep(t: TestWallet, kind: string) {
  const first = await t.nextApproval();
  expect(first.kind).toBe(kind);
  t.wallet.approvals.decide(first.id, { approved: true });
  const step = await t.nextApproval();
  expect(step.kind).toBe('hardware-sign');
  return { step, task: (step.details as HardwareSignView).hardware, view: step.details as HardwareSignView };
}

describe('a Ledger account in the keyring', () => {
  it('is listed beside the HD accounts with its path and holds no key', async () => {
    const t = await walletWithLedger();
    const accounts = await t.wallet.keys.listAccounts();
    expect(accounts.map((a) => a.kind)).toEqual(['hd', 'hardware']);
    expect(accounts[1]).toMatchObject({ address: LEDGER, path: LIVE_1, name: 'Ledger 1' });
    await expect(t.wallet.keys.exportPrivateKey(LEDGER, 'correct horse battery')).rejects.toMatchObject({ code: 'keyring.hardware' });
    await expect(t.wallet.keys.addHardwareAccount(LEDGER, LIVE_1)).rejects.toMatchObject({ code: 'keyring.duplicate_account' });
    await expect(t.wallet.keys.addHardwareAccount(addressAt("m/44'/60'/0'/0/3"), "m/44'/60'/0'/0/3/1")).rejects.toMatchObject({
      code: 'keyring.bad_path',
    });
  });
});

describe('signing with a Ledger account', () => {
  it('personal_sign: the device signs the message bytes and the dApp gets a signature of the account', async () => {
    const t = await walletWithLedger();
    const answer = t.request('personal_sign', ['Log in to dapp.example', LEDGER]);
    const { step, task, view } = await approveThenDeviceStep(t, 'sign-message');
    expect(step.origin).toBe(SITE);
    expect(view.message).toBe('Log in to dapp.example');
    expect(task).toEqual({
      account: LEDGER,
      path: LIVE_1,
      payload: hardwarePayload({ method: 'personal-message', message: 'Log in to dapp.example' }),
    });
    t.wallet.approvals.decide(step.id, { approved: true, data: await signOnLedger(device, task) });
    const signature = (await answer) as Hex;
    expect(await recoverMessageAddress({ message: 'Log in to dapp.example', signature })).toBe(LEDGER);
  });

  it('eth_signTypedData_v4: the device signs the hashes of the data shown', async () => {
    const t = await walletWithLedger();
    const answer = t.request('eth_signTypedData_v4', [LEDGER, JSON.stringify(PERMIT)]);
    const { step, task } = await approveThenDeviceStep(t, 'sign-typed-data');
    expect(task.payload.method).toBe('typed-data');
    t.wallet.approvals.decide(step.id, { approved: true, data: await signOnLedger(device, task) });
    expect(await answer).toMatch(/^0x[0-9a-f]{130}$/);
  });

  it.each([
    ['eip1559', {}],
    ['legacy', { type: '0x0' }],
  ] as const)('eth_sendTransaction (%s): what is broadcast is the payload shown to the device, signed by the account', async (type, extra) => {
    const t = await walletWithLedger();
    const answer = t.request('eth_sendTransaction', [{ from: LEDGER, to: addressAt("m/44'/60'/0'/0/1"), value: '0x1', ...extra }]);
    const { step, task } = await approveThenDeviceStep(t, 'transaction');
    if (task.payload.method !== 'transaction') throw new Error('expected a transaction payload');
    t.wallet.approvals.decide(step.id, { approved: true, data: await signOnLedger(device, task) });
    const hash = await answer;
    expect(t.node.sent).toHaveLength(1);
    const [raw] = t.node.sent;
    expect(hash).toBe(keccak256(raw));
    expect(await recoverTransactionAddress({ serializedTransaction: raw as never })).toBe(LEDGER);
    const { r: _r, s: _s, v: _v, yParity: _y, ...unsigned } = parseTransaction(raw);
    expect(serializeTransaction(unsigned)).toBe(task.payload.unsigned);
    expect(parseTransaction(task.payload.unsigned).type).toBe(type);
  });

  it('a signature for a different payload is refused by the background: nothing is sent, the dApp gets an error', async () => {
    const t = await walletWithLedger();
    const answer = t.request('eth_sendTransaction', [{ from: LEDGER, to: addressAt("m/44'/60'/0'/0/1"), value: '0x1' }]);
    const { step, task } = await approveThenDeviceStep(t, 'transaction');
    if (task.payload.method !== 'transaction') throw new Error('expected a transaction payload');
    // The page (or a compromised one) has the device sign something else: more value to the same address.
    const tampered = { ...parseTransaction(task.payload.unsigned), value: 10n ** 18n };
    const other: HardwareSignTask = { ...task, payload: hardwarePayload({ method: 'transaction', tx: tampered }) };
    t.wallet.approvals.decide(step.id, { approved: true, data: await signOnLedger(device, other) });
    await expect(answer).rejects.toMatchObject({ code: 'hardware.signature_mismatch' });
    expect(t.node.sent).toEqual([]);
    expect(t.node.calls.map((c) => c.method)).not.toContain('eth_sendRawTransaction');
  });

  it('rejecting the device step rejects the request with 4001', async () => {
    const t = await walletWithLedger();
    const answer = t.request('personal_sign', ['hello', LEDGER]);
    const { step } = await approveThenDeviceStep(t, 'sign-message');
    t.wallet.approvals.decide(step.id, { approved: false });
    await expect(answer).rejects.toMatchObject({ code: 4001 });
  });
});
