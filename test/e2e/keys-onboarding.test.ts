import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, backgroundState, onboardByImport, openPopup, stopServiceWorker, TEST_PASSWORD } from './support/wallet.ts';

const id = (testId: string) => `[data-testid="${testId}"]`;

describe('Chromium: import the test phrase, then lock and unlock', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
  });
  afterAll(() => wallet?.close());

  it("shows account 0's address on the done screen and in the popup", async () => {
    const onboarding = await onboardByImport(wallet);
    expect(await onboarding.textContent(id('onboarding-done'))).toContain(ACCOUNT_0);
    popup = await openPopup(wallet);
    await popup.waitForSelector(id('account-address'));
    expect((await popup.textContent(id('account-address')))?.trim()).toBe(ACCOUNT_0);
  });

  it('stays unlocked after the service worker is stopped and restarted', async () => {
    await stopServiceWorker(wallet, popup); // resolves only once Chrome reports the worker stopped
    await popup.close();
    popup = await openPopup(wallet);
    // Opening the popup's port starts a new worker, which must find the session key.
    await popup.waitForSelector(`${id('account-address')}, ${id('unlock-password')}`);
    expect(await backgroundState(popup)).toMatchObject({ unlocked: true, selectedAddress: ACCOUNT_0 });
    expect(await popup.locator(id('unlock-password')).count()).toBe(0);
    expect((await popup.textContent(id('account-address')))?.trim()).toBe(ACCOUNT_0);
  });

  it('locks; a wrong password shows unlock-error and keeps it locked; the right one unlocks', async () => {
    await popup.click(id('lock-button'));
    await popup.waitForSelector(id('unlock-password'));
    expect(await popup.locator(id('account-address')).count()).toBe(0);

    await popup.fill(id('unlock-password'), 'not the password');
    await popup.click(id('unlock-submit'));
    await popup.waitForSelector(id('unlock-error'));
    expect(await popup.textContent(id('unlock-error'))).toMatch(/wrong password/i);
    expect(await popup.locator(id('account-address')).count()).toBe(0);

    await popup.fill(id('unlock-password'), TEST_PASSWORD);
    await popup.click(id('unlock-submit'));
    await popup.waitForSelector(id('account-address'));
    expect((await popup.textContent(id('account-address')))?.trim()).toBe(ACCOUNT_0);
  });

  it('names the misspelt word when importing a phrase with a typo', async () => {
    const page = await wallet.context.newPage();
    await page.goto(wallet.extensionUrl('onboarding.html'));
    await page.click(id('onboarding-import'));
    await page.fill(id('mnemonic-input'), 'test test test test test test test test test test tets junk');
    await page.waitForSelector(id('mnemonic-error'));
    expect(await page.textContent(id('mnemonic-error'))).toContain('"tets"');
    expect(await page.isDisabled(id('import-continue'))).toBe(true);
    await page.close();
  });
});
