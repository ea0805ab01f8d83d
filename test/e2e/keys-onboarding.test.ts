// Importing the test phrase, then locking and unlocking, in Chromium (support/keys-flows.ts, run in
// Firefox too); and the session surviving a stopped service worker, which only Chromium's driver
// can stop.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { keysFlows } from './support/keys-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, backgroundState, byTestId, openOnboarding, openPopup, stopServiceWorker } from './support/wallet.ts';

describe('Chromium: import the test phrase, then lock and unlock', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof keysFlows>;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    flows = keysFlows({ browser: playwrightBrowser(wallet), onboarding: async () => playwrightPage(await openOnboarding(wallet), wallet) });
  });
  afterAll(() => wallet?.close());

  it("shows account 0's address on the done screen and in the popup", async () => {
    await flows.importShowsAccount0();
    popup = wallet.context.pages().find((page) => page.url().startsWith(wallet.extensionUrl('popup.html')))!;
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

  it('locks; a wrong password shows unlock-error and keeps it locked; the right one unlocks', () =>
    flows.lockAndUnlock(playwrightPage(popup, wallet)));

  it('names the misspelt word when importing a phrase with a typo', () => flows.namesTheMisspeltWord());
});
