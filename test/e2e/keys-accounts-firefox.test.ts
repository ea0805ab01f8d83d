// Managing accounts in settings, in Firefox as in Chromium: the phrase's next account, a rename, an
// imported key and a watched address, hiding, and switching from the header.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, puppeteerPage, textOf, type UiPage, until, waitFor } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
// Anvil's account 2, imported by its key; a cold wallet address watched without a key.
const ACCOUNT_2_KEY = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const ACCOUNT_2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const COLD = '0x000000000000000000000000000000000000dEaD';

describe('Firefox: managing accounts in settings', () => {
  let firefox: FirefoxWithExtension;
  let popup: UiPage;
  const row = (address: string) => `${byTestId('account-row')}[data-address="${address}"]`;
  const accountOptions = () =>
    popup.evaluate((s) => [...document.querySelectorAll<HTMLOptionElement>(`${s} option`)].map((o) => o.value).join(','), byTestId('account-select'));
  const optionsBecome = (addresses: string[]) =>
    until(async () => (await accountOptions()) === addresses.join(','), `the account list to be ${addresses.join(', ')}`);

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const page: Page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    popup = puppeteerPage(page);
    await popup.open('/popup.html#/settings');
    await waitFor(popup, byTestId('account-add'));
  });
  afterAll(() => firefox?.close());

  it("adds the phrase's next account (m/44'/60'/0'/0/1)", async () => {
    await popup.click(byTestId('account-add'));
    await optionsBecome([ACCOUNT_0, ACCOUNT_1]);
  });

  it('renames an account, and the header shows the new name', async () => {
    await popup.click(`${row(ACCOUNT_0)} ${byTestId('account-rename')}`);
    await popup.fill(byTestId('account-name-input'), 'Savings\n');
    await until(
      async () => (await textOf(popup, `${byTestId('account-select')} option[value="${ACCOUNT_0}"]`)) === 'Savings',
      'the header to name the account Savings',
    );
  });

  it('imports a private key and watches an address', async () => {
    await popup.click(`details:has(${byTestId('account-import-input')}) > summary`);
    await popup.fill(byTestId('account-import-input'), ACCOUNT_2_KEY);
    await popup.click(byTestId('account-import-submit'));
    await popup.fill(byTestId('account-watch-input'), COLD);
    await popup.click(byTestId('account-watch-submit'));
    await optionsBecome([ACCOUNT_0, ACCOUNT_1, ACCOUNT_2, COLD]);
    expect(await textOf(popup, row(COLD))).toContain('watch-only');
  });

  it('hides an account from the account list, and shows it again', async () => {
    await popup.click(`${row(ACCOUNT_1)} ${byTestId('account-hide')}`);
    await optionsBecome([ACCOUNT_0, ACCOUNT_2, COLD]);
    await popup.click(`${row(ACCOUNT_1)} ${byTestId('account-hide')}`);
    await optionsBecome([ACCOUNT_0, ACCOUNT_1, ACCOUNT_2, COLD]);
  });

  it('switches the selected account from the header', async () => {
    await popup.select(byTestId('account-select'), ACCOUNT_2);
    await until(async () => (await textOf(popup, byTestId('account-address'))) === ACCOUNT_2, 'the header to show account 2');
  });
});
