import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, byTestId, onboardByImport, openPopup } from './support/wallet.ts';

const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
// Anvil's account 2, imported by its key; a cold wallet address watched without a key.
const ACCOUNT_2_KEY = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a';
const ACCOUNT_2 = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const COLD = '0x000000000000000000000000000000000000dEaD';

describe('Chromium: managing accounts in settings', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;
  const accountOptions = () =>
    popup.locator(`${byTestId('account-select')} option`).evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
  const row = (address: string) => popup.locator(`${byTestId('account-row')}[data-address="${address}"]`);

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet);
    popup = await openPopup(wallet);
    await popup.goto(wallet.extensionUrl('popup.html#/settings'));
    await popup.waitForSelector(byTestId('account-add'));
  });
  afterAll(() => wallet?.close());

  it("adds the phrase's next account (m/44'/60'/0'/0/1)", async () => {
    await popup.click(byTestId('account-add'));
    await expect.poll(accountOptions).toEqual([ACCOUNT_0, ACCOUNT_1]);
  });

  it('renames an account, and the header shows the new name', async () => {
    await row(ACCOUNT_0).locator(byTestId('account-rename')).click();
    await popup.fill(byTestId('account-name-input'), 'Savings');
    await popup.press(byTestId('account-name-input'), 'Enter');
    await expect.poll(() => popup.locator(`${byTestId('account-select')} option[value="${ACCOUNT_0}"]`).textContent()).toBe('Savings');
  });

  it('imports a private key and watches an address', async () => {
    await popup.click('summary:has-text("Import a private key")');
    await popup.fill(byTestId('account-import-input'), ACCOUNT_2_KEY);
    await popup.click(byTestId('account-import-submit'));
    await popup.fill(byTestId('account-watch-input'), COLD);
    await popup.click(byTestId('account-watch-submit'));
    await expect.poll(accountOptions).toEqual([ACCOUNT_0, ACCOUNT_1, ACCOUNT_2, COLD]);
    expect(await row(COLD).textContent()).toContain('watch-only');
  });

  it('hides an account from the account list, and shows it again', async () => {
    await row(ACCOUNT_1).locator(byTestId('account-hide')).click();
    await expect.poll(accountOptions).toEqual([ACCOUNT_0, ACCOUNT_2, COLD]);
    await row(ACCOUNT_1).locator(byTestId('account-hide')).click();
    await expect.poll(accountOptions).toEqual([ACCOUNT_0, ACCOUNT_1, ACCOUNT_2, COLD]);
  });

  it('switches the selected account from the header', async () => {
    await popup.selectOption(byTestId('account-select'), ACCOUNT_2);
    await expect.poll(() => popup.textContent(byTestId('account-address'))).toBe(ACCOUNT_2);
  });
});
