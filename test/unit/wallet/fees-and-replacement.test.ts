// The fee shown before approval is the fee signed, and pending transactions can be sped up or
// cancelled from Activity: the raw transactions the fake node receives are decoded and compared.
import { parseGwei, parseTransaction, type TransactionSerializableEIP1559 } from 'viem';
import { describe, expect, it } from 'vitest';
import { createUiApi, WALLET_ORIGIN } from '../../../lib/commands';
import type { SigningView } from '../../../lib/signing';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet, type TestWallet } from './harness';

const gweiHex = (g: string) => `0x${parseGwei(g).toString(16)}`;
const decoded = (t: TestWallet, i: number) => parseTransaction(t.node.sent[i]) as TransactionSerializableEIP1559;

async function setup() {
  const t = await createTestWallet();
  // Next base fee 10 gwei; tips 1 / 2 / 5 gwei at the 10th / 50th / 90th percentiles.
  t.node.answers.eth_feeHistory = () => ({
    baseFeePerGas: [gweiHex('9'), gweiHex('10')],
    reward: [[gweiHex('1'), gweiHex('2'), gweiHex('5')]],
  });
  await connect(t);
  const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
  return { t, ui };
}

const send = (t: TestWallet, extra: Record<string, string> = {}) =>
  t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1', ...extra }]) as Promise<string>;

const feeOf = (approval: { details: unknown }) => (approval.details as SigningView).fee!;

describe('the fee shown before approval', () => {
  it('is in the window before anything is signed, and the speed picked is exactly what is signed', async () => {
    const { t } = await setup();
    const pending = send(t);
    const approval = await t.nextApproval();
    const fee = feeOf(approval);
    expect(t.node.sent).toEqual([]);
    expect(fee.options.map((o) => [o.choice, o.maxFeeGwei, o.priorityFeeGwei])).toEqual([
      ['slow', '13.5', '1'],
      ['normal', '22', '2'],
      ['fast', '30', '5'],
    ]);
    t.wallet.approvals.decide(approval.id, { approved: true, data: { fee: { speed: 'fast' } } });
    await pending;
    const signed = decoded(t, 0);
    expect(signed.maxFeePerGas).toBe(parseGwei('30'));
    expect(signed.maxPriorityFeePerGas).toBe(parseGwei('5'));
    expect(signed.gas?.toString()).toBe(fee.gasLimit);
    expect(fee.options.find((o) => o.choice === 'fast')?.maxCost).toBe('0.0015375');
  });

  it('refuses a custom fee below the base fee in the window, keeps the request, and signs the corrected one', async () => {
    const { t, ui } = await setup();
    const pending = send(t);
    const approval = await t.nextApproval();
    await expect(
      ui.handle('approvals.decide', { id: approval.id, approved: true, data: { fee: { speed: 'custom', maxFeeGwei: '5', priorityFeeGwei: '1' } } }),
    ).rejects.toMatchObject({ code: 'fee.bad_custom', message: expect.stringContaining('below the network') });
    expect(t.wallet.approvals.list().map((a) => a.id)).toEqual([approval.id]);
    expect(t.node.sent).toEqual([]);
    await ui.handle('approvals.decide', {
      id: approval.id,
      approved: true,
      data: { fee: { speed: 'custom', maxFeeGwei: '12', priorityFeeGwei: '1.5' } },
    });
    await pending;
    expect(decoded(t, 0)).toMatchObject({ maxFeePerGas: parseGwei('12'), maxPriorityFeePerGas: parseGwei('1.5') });
  });

  it("flags a site fee far above the network's, and signs it only as the site set it unless the user picks another", async () => {
    const { t } = await setup();
    const pending = send(t, { maxFeePerGas: gweiHex('500'), maxPriorityFeePerGas: gweiHex('2'), gas: '0x7530' });
    const approval = await t.nextApproval();
    const view = approval.details as SigningView;
    expect(view.verdict.verdict).toBe('warn');
    expect(view.verdict.reasons).toContainEqual(expect.objectContaining({ code: 'fee-above-network' }));
    expect(view.fee).toMatchObject({ preselected: 'site', gasLimit: '30000', gasSetBySite: true });
    t.wallet.approvals.decide(approval.id, { approved: true, data: { fee: { speed: 'normal' } } });
    await pending;
    expect(decoded(t, 0)).toMatchObject({ maxFeePerGas: parseGwei('22'), gas: 30_000n });
  });

  it('records the real nonce and caps on the activity entry', async () => {
    const { t } = await setup();
    const pending = send(t);
    t.wallet.approvals.decide((await t.nextApproval()).id, { approved: true });
    const hash = await pending;
    expect((await t.wallet.activity.list())[0]).toMatchObject({
      hash,
      nonce: 0,
      sent: { type: 'eip1559', maxFeePerGas: parseGwei('22').toString(), maxPriorityFeePerGas: parseGwei('2').toString(), value: '1' },
    });
  });
});

/** Sends one transaction at the slow speed, then asks Activity to replace it. */
async function replaced(kind: 'activity.speedUp' | 'activity.cancel') {
  const { t, ui } = await setup();
  const first = send(t);
  t.wallet.approvals.decide((await t.nextApproval()).id, { approved: true, data: { fee: { speed: 'slow' } } });
  const original = await first;
  const replacing = ui.handle(kind, { hash: original });
  const approval = await t.nextApproval();
  expect(approval.origin).toBe(WALLET_ORIGIN);
  expect((approval.details as SigningView).replaces).toEqual({ hash: original, kind: kind === 'activity.cancel' ? 'cancel' : 'speed-up' });
  t.wallet.approvals.decide(approval.id, { approved: true });
  const { hash } = (await replacing) as { hash: string };
  return { t, ui, original, hash };
}

describe('speed up and cancel from Activity', () => {
  it('speeds up with the same nonce, recipient, value and data, and fees raised at least 10% and to the estimate', async () => {
    const { t, original, hash } = await replaced('activity.speedUp');
    const [before, after] = [decoded(t, 0), decoded(t, 1)];
    expect(after).toMatchObject({ nonce: before.nonce, to: before.to, value: before.value });
    // Slow was 13.5 / 1 gwei; normal now is 22 / 2 gwei, above the 10% floor (14.85 / 1.1).
    expect(after.maxFeePerGas).toBe(parseGwei('22'));
    expect(after.maxPriorityFeePerGas).toBe(parseGwei('2'));
    expect((await t.wallet.activity.list()).map((e) => [e.hash, e.replaced, e.replacement])).toEqual([[hash, [original], 'speed-up']]);
  });

  it('cancels with a 0-value transfer to oneself, same nonce, and marks the entry cancelled once mined', async () => {
    const { t, ui, hash } = await replaced('activity.cancel');
    const [before, after] = [decoded(t, 0), decoded(t, 1)];
    expect(after).toMatchObject({ nonce: before.nonce, to: ACCOUNT_0.toLowerCase(), gas: 21_000n });
    // RLP leaves a zero value out: viem decodes it as absent.
    expect(after.value ?? 0n).toBe(0n);
    expect(after.maxFeePerGas! >= (before.maxFeePerGas! * 11n) / 10n).toBe(true);
    t.node.answers.eth_getTransactionReceipt = (p) => (p[0] === hash ? { status: '0x1' } : null);
    await ui.handle('activity.refresh', {});
    expect((await ui.state()).activity).toMatchObject([{ hash, status: 'cancelled' }]);
  });

  it('follows the original when it is mined instead of its replacement', async () => {
    const { t, ui, original, hash } = await replaced('activity.speedUp');
    t.node.answers.eth_getTransactionReceipt = (p) => (p[0] === original ? { status: '0x1' } : null);
    await ui.handle('activity.refresh', {});
    expect((await ui.state()).activity).toMatchObject([{ hash: original, status: 'confirmed', replaced: [hash] }]);
  });

  it('refuses to replace what is no longer pending or was never recorded', async () => {
    const { t, ui, hash } = await replaced('activity.speedUp');
    t.node.answers.eth_getTransactionCount = () => '0x1';
    await expect(ui.handle('activity.cancel', { hash })).rejects.toMatchObject({ code: 'activity.not_replaceable' });
    await expect(ui.handle('activity.cancel', { hash: `0x${'ab'.repeat(32)}` })).rejects.toMatchObject({ code: 'activity.unknown' });
    // An entry written before nonces and fees were recorded cannot be outbid.
    const legacy = `0x${'cd'.repeat(32)}`;
    await t.wallet.activity.add({
      hash: legacy,
      chainId: 31337,
      from: ACCOUNT_0,
      origin: 'x',
      summary: 'old',
      status: 'pending',
      createdAt: 0,
      nonce: -1,
    });
    await expect(ui.handle('activity.speedUp', { hash: legacy })).rejects.toMatchObject({ code: 'activity.not_replaceable' });
    expect(t.node.sent).toHaveLength(2);
  });
});
