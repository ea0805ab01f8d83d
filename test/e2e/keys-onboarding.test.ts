import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, backgroundState, byTestId, onboardByImport, openPopup, stopServiceWorker, TEST_PASSWORD } from './support/wallet.ts';

describe('Chromium: import the test phrase, then lock and unlock', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
  });
  afterAll(() => wallet?.close());

  it("shows account 0's address on the done screen and in the popup", async () => {
    const onboarding = await onboardByImport(wallet);
    expect(await onboarding.textContent(byTestId('onboarding-done'))).toContain(ACCOUNT_0);
    popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
    expect((await popup.textContent(byTestId('account-address')))?.trim()).toBe(ACCOUNT_0);
  });

  it('stays unlocked after the service worker is stopped and restarted', async () => {
    await stopServiceWorker(wallet, popup); // resolves only once Chrome reports the worker stopped
    await popup.close();
    popup = await openPopup(wallet);
    // Opening the popup's port starts a new worker, which must find the session key.
    await popup.waitForSelector(`${byTestId('account-address')}, ${byTestId('unlock-password')}`);
    expect(await backgroundState(popup)).toMatchObject({ unlocked: true, selectedAddress: ACCOUNT_0 });
    expect(await popup.locator(byTestId('unlock-password')).count()).toBe(0);
    expect((await popup.textContent(byTestId('account-address')))?.trim()).toBe(ACCOUNT_0);
  });

  it('locks; a wrong password shows unlock-error and keeps it locked; the right one unlocks', async () => {
    await popup.click(byTestId('lock-button'));
    await popup.waitForSelector(byTestId('unlock-password'));
    expect(await popup.locator(byTestId('account-address')).count()).toBe(0);

    await popup.fill(byTestId('unlock-password'), 'not the password');
    await popup.click(byTestId('unlock-submit'));
    await popup.waitForSelector(byTestId('unlock-error'));
    expect(await popup.textContent(byTestId('unlock-error'))).toMatch(/wrong password/i);
    expect(await popup.locator(byTestId('account-address')).count()).toBe(0);

    await popup.fill(byTestId('unlock-password'), TEST_PASSWORD);
    await popup.click(byTestId('unlock-submit'));
    await popup.waitForSelector(byTestId('account-address'));
    expect((await popup.textContent(byTestId('account-address')))?.trim()).toBe(ACCOUNT_0);
  });

  it('names the misspelt word when importing a phrase with a typo', async () => {
    const page = await wallet.context.newPage();
    await page.goto(wallet.extensionUrl('onboarding.html'));
    await page.click(byTestId('onboarding-import'));
    await page.fill(byTestId('mnemonic-input'), 'test test test test test test test test test test tets junk');
    await page.waitForSelector(byTestId('mnemonic-error'));
    expect(await page.textContent(byTestId('mnemonic-error'))).toContain('"tets"');
    expect(await page.isDisabled(byTestId('import-continue'))).toBe(true);
    await page.close();
  });
});
