// Sending ETH from the popup in Firefox, as in Chromium: a checksum error stops it, an approved send
// lands and shows confirmed in Activity, and a recipient that looks like one used before is flagged.
import type { Page } from 'puppeteer-core';
import { type Address, getAddress, parseEther, toHex } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approvalShowing, decideShown } from './support/approval-flow.ts';
import { byTestId, clickWhenEnabled, countOf, puppeteerBrowser, puppeteerPage, textOf, type UiPage, until, waitFor } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

// Anvil's account 4, imported by its private key: funded with ETH and used by no devnet role or other test.
const SENDER_HD = mnemonicToAccount(TEST_PHRASE, { addressIndex: 4 });
const SENDER_KEY = toHex(SENDER_HD.getHdKey().privateKey!);
const RECIPIENT = privateKeyToAccount(generatePrivateKey()).address;

/** A different address with the same first four and last four hex digits: the address-poisoning shape. */
function lookalikeOf(address: Address): Address {
  const hex = address.slice(2).toLowerCase();
  const middle = hex.slice(4, -4).replace(/./g, (c) => (c === 'a' ? 'b' : 'a'));
  return getAddress(`0x${hex.slice(0, 4)}${middle}${hex.slice(-4)}`);
}

describe('Firefox: sending ETH from the popup', () => {
  let firefox: FirefoxWithExtension;
  let popup: UiPage;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const page: Page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: SENDER_KEY, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    popup = puppeteerPage(page);
    await popup.open('/popup.html#/');
    await waitFor(popup, byTestId('account-address'));
  });
  afterAll(() => firefox?.close());

  it('refuses a recipient with a checksum error', async () => {
    expect((await textOf(popup, byTestId('account-address')))?.trim()).toBe(SENDER_HD.address);
    await popup.click(byTestId('send-button'));
    const flipped = RECIPIENT.replace(/[a-f]/, (c) => c.toUpperCase());
    await popup.fill(byTestId('send-to'), flipped === RECIPIENT ? RECIPIENT.replace(/[A-F]/, (c) => c.toLowerCase()) : flipped);
    await popup.fill(byTestId('send-amount'), '0.25');
    expect(await until(() => textOf(popup, byTestId('send-to-error')), 'the checksum error')).toMatch(/checksum/i);
    expect(await countOf(popup, `${byTestId('send-submit')}:disabled`)).toBe(1);
  });

  it('sends after approval in the Sharekeep window, and the transfer shows confirmed in activity', async () => {
    const { publicClient } = devnetClients(inject('deployment'));
    await popup.fill(byTestId('send-to'), RECIPIENT);
    await clickWhenEnabled(popup, byTestId('send-submit'));
    await decideShown((await approvalShowing(puppeteerBrowser(firefox.browser), 'transaction')).page, 'approval-approve');
    await until(async () => (await textOf(popup, byTestId('send-status')))?.startsWith('Sent'), 'the popup to say it was sent');
    expect(await publicClient.getBalance({ address: RECIPIENT })).toBe(parseEther('0.25'));

    await popup.open('/popup.html#/activity');
    const row = `${byTestId('activity-row')}[data-status="confirmed"]`;
    await waitFor(popup, row);
    expect(await countOf(popup, byTestId('activity-row'))).toBe(1);
    expect(await textOf(popup, `${row} ${byTestId('activity-status')}`)).toBe('Confirmed');
  });

  it('warns when a new recipient looks like one used before', async () => {
    await popup.open('/popup.html#/send');
    await popup.fill(byTestId('send-to'), lookalikeOf(RECIPIENT));
    expect(await until(() => textOf(popup, byTestId('send-recipient-warning')), 'the look-alike warning')).toContain(RECIPIENT);
    await popup.fill(byTestId('send-to'), RECIPIENT);
    await until(async () => (await countOf(popup, byTestId('send-recipient-warning'))) === 0, 'the warning to go');
  });
});
