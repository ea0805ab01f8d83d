import type { Page } from 'playwright-core';
import { type Hex, parseEther, parseGwei, toHex } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approve, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { byTestId, onboardByImport, openPopup, TEST_PHRASE } from './support/wallet.ts';

// Anvil's account 7, imported by its private key: funded with ETH and used by no devnet role or other test.
const SENDER_HD = mnemonicToAccount(TEST_PHRASE, { addressIndex: 7 });
const SENDER_KEY = toHex(SENDER_HD.getHdKey().privateKey!);
const RECIPIENT = privateKeyToAccount(generatePrivateKey()).address;

describe('Chromium: the network fee before approval, speed up and cancel', () => {
  const { publicClient, testClient } = devnetClients(inject('deployment'));
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { secret: SENDER_KEY });
    popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
  });
  afterAll(async () => {
    await testClient.setAutomine(true);
    await wallet?.close();
  });

  /** Sends `amount` ETH from the popup, picking `speed` in the window; resolves with what the window showed and the hash. */
  async function sendWithSpeed(amount: string, speed: 'slow' | 'normal' | 'fast') {
    await popup.goto(wallet.extensionUrl('popup.html#/send'));
    await popup.fill(byTestId('send-to'), RECIPIENT);
    await popup.fill(byTestId('send-amount'), amount);
    await popup.click(`${byTestId('send-submit')}:enabled`);
    const window = await waitForApproval(wallet.context, 'transaction');
    const fee = window.getByTestId('approval-fee');
    expect(await fee.textContent()).toMatch(/^At most 0\.\d+ ETH$/);
    await window.selectOption(byTestId('fee-speed'), speed);
    await expect.poll(() => fee.getAttribute('data-speed')).toBe(speed);
    const shown = {
      maxFeeGwei: (await fee.getAttribute('data-max-fee-gwei'))!,
      priorityFeeGwei: (await fee.getAttribute('data-priority-fee-gwei'))!,
      gasLimit: (await fee.getAttribute('data-gas-limit'))!,
    };
    await approve(window);
    await expect.poll(() => popup.textContent(byTestId('send-status')), { timeout: 20_000 }).toMatch(/^Sent/);
    const hash = (await popup.textContent(`${byTestId('send-status')} .mono`))!.trim() as Hex;
    return { shown, hash };
  }

  /** Opens Activity, presses `button` on the pending row of `hash` and approves the replacement in the window. */
  async function replaceFromActivity(hash: Hex, button: 'activity-speed-up' | 'activity-cancel') {
    await popup.goto(wallet.extensionUrl('popup.html#/activity'));
    const row = popup.locator(`${byTestId('activity-row')}[data-hash="${hash}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('pending');
    await row.getByTestId(button).click();
    const window = await waitForApproval(wallet.context, 'transaction', { origin: 'Sharekeep' });
    expect(await window.getByTestId('approval-replaces').getAttribute('data-kind')).toBe(button === 'activity-cancel' ? 'cancel' : 'speed-up');
    expect(await window.getByTestId('approval-fee').textContent()).toMatch(/^At most/);
    await approve(window);
    const replaced = popup.locator(`${byTestId('activity-row')}[data-status="pending"]:has(${byTestId('activity-replaced')})`);
    await replaced.waitFor({ timeout: 20_000 });
    return (await replaced.getAttribute('data-hash')) as Hex;
  }

  it('shows the fee before approval, and the mined transaction carries the fast caps and gas limit shown', async () => {
    const { shown, hash } = await sendWithSpeed('0.01', 'fast');
    const mined = await publicClient.getTransaction({ hash });
    expect(mined.maxFeePerGas).toBe(parseGwei(shown.maxFeeGwei));
    expect(mined.maxPriorityFeePerGas).toBe(parseGwei(shown.priorityFeeGwei));
    expect(mined.gas).toBe(BigInt(shown.gasLimit));
  });

  it('speeds up a transaction stuck with automine off: same nonce, higher fees, confirmed in Activity', async () => {
    await testClient.setAutomine(false);
    const { hash } = await sendWithSpeed('0.02', 'slow');
    const stuck = await publicClient.getTransaction({ hash });
    const faster = await replaceFromActivity(hash, 'activity-speed-up');
    expect(faster).not.toBe(hash);
    const replacement = await publicClient.getTransaction({ hash: faster });
    expect(replacement.nonce).toBe(stuck.nonce);
    expect(replacement.maxFeePerGas! * 10n >= stuck.maxFeePerGas! * 11n).toBe(true);
    expect(replacement.maxPriorityFeePerGas! * 10n >= stuck.maxPriorityFeePerGas! * 11n).toBe(true);
    await testClient.mine({ blocks: 1 });
    await popup.locator(`${byTestId('activity-row')}[data-hash="${faster}"][data-status="confirmed"]`).waitFor({ timeout: 20_000 });
    expect(await publicClient.getBalance({ address: RECIPIENT })).toBe(parseEther('0.03'));
  });

  it('cancels a stuck transaction: a 0-value transfer to oneself is mined and Activity says cancelled', async () => {
    const { hash } = await sendWithSpeed('0.04', 'slow');
    const cancel = await replaceFromActivity(hash, 'activity-cancel');
    const replacement = await publicClient.getTransaction({ hash: cancel });
    expect(replacement.to?.toLowerCase()).toBe(SENDER_HD.address.toLowerCase());
    expect(replacement.value).toBe(0n);
    await testClient.mine({ blocks: 1 });
    await popup.locator(`${byTestId('activity-row')}[data-hash="${cancel}"][data-status="cancelled"]`).waitFor({ timeout: 20_000 });
    expect(await publicClient.getBalance({ address: RECIPIENT })).toBe(parseEther('0.03'));
  });
});
