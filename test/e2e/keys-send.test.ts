import type { Page } from 'playwright-core';
import { type Address, getAddress, parseEther, toHex } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approve, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { byTestId, onboardByImport, openPopup, TEST_PHRASE } from './support/wallet.ts';

// Anvil's account 6, imported by its private key: funded with ETH and used by no devnet role,
// so this test moves nobody else's balances.
const SENDER_HD = mnemonicToAccount(TEST_PHRASE, { addressIndex: 6 });
const SENDER_KEY = toHex(SENDER_HD.getHdKey().privateKey!);
const SENDER = SENDER_HD.address;
const RECIPIENT = privateKeyToAccount(generatePrivateKey()).address;

/** A different address with the same first four and last four hex digits: the address-poisoning shape. */
function lookalikeOf(address: Address): Address {
  const hex = address.slice(2).toLowerCase();
  const middle = hex.slice(4, -4).replace(/./g, (c) => (c === 'a' ? 'b' : 'a'));
  return getAddress(`0x${hex.slice(0, 4)}${middle}${hex.slice(-4)}`);
}

describe('Chromium: sending ETH from the popup', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { secret: SENDER_KEY });
    popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
  });
  afterAll(() => wallet?.close());

  it('refuses a recipient with a checksum error', async () => {
    expect((await popup.textContent(byTestId('account-address')))?.trim()).toBe(SENDER);
    await popup.click(byTestId('send-button'));
    const flipped = RECIPIENT.replace(/[a-f]/, (c) => c.toUpperCase());
    await popup.fill(byTestId('send-to'), flipped === RECIPIENT ? RECIPIENT.replace(/[A-F]/, (c) => c.toLowerCase()) : flipped);
    await popup.fill(byTestId('send-amount'), '0.25');
    expect(await popup.textContent(byTestId('send-to-error'))).toMatch(/checksum/i);
    expect(await popup.isDisabled(byTestId('send-submit'))).toBe(true);
  });

  it('sends after approval in the Sharekeep window, and the transfer shows confirmed in activity', async () => {
    const { publicClient } = devnetClients(inject('deployment'));
    await popup.fill(byTestId('send-to'), RECIPIENT);
    await popup.click(`${byTestId('send-submit')}:enabled`);
    await approve(await waitForApproval(wallet.context, 'transaction'));
    await expect.poll(() => popup.textContent(byTestId('send-status')), { timeout: 20_000 }).toMatch(/^Sent/);
    expect(await publicClient.getBalance({ address: RECIPIENT })).toBe(parseEther('0.25'));

    await popup.goto(wallet.extensionUrl('popup.html#/activity'));
    const row = popup.locator(`${byTestId('activity-row')}[data-status="confirmed"]`);
    await row.waitFor({ timeout: 20_000 });
    expect(await popup.locator(byTestId('activity-row')).count()).toBe(1);
    expect(await row.locator(byTestId('activity-status')).textContent()).toBe('Confirmed');
  });

  it('warns when a new recipient looks like one used before', async () => {
    await popup.goto(wallet.extensionUrl('popup.html#/send'));
    await popup.fill(byTestId('send-to'), lookalikeOf(RECIPIENT));
    await popup.waitForSelector(byTestId('send-recipient-warning')).catch(async (err) => {
      await popup.screenshot({ path: '/tmp/keys-send-warning.png' });
      throw err;
    });
    expect(await popup.textContent(byTestId('send-recipient-warning'))).toContain(RECIPIENT);
    await popup.fill(byTestId('send-to'), RECIPIENT);
    await popup.waitForFunction(() => !document.querySelector('[data-testid="send-recipient-warning"]'));
  });
});
