// Importing the test phrase, then locking and unlocking, in Firefox as in Chromium
// (support/keys-flows.ts). Chromium also checks the session outlives a stopped service worker:
// Firefox's background cannot be stopped from the driver.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { puppeteerBrowser, puppeteerPage, type UiPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage } from './support/firefox-pages.ts';
import { keysFlows } from './support/keys-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';

describe('Firefox: import the test phrase, then lock and unlock', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof keysFlows>;
  let popup: UiPage;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    flows = keysFlows({
      browser: puppeteerBrowser(firefox.browser),
      onboarding: async () => puppeteerPage(await extensionPage(firefox.browser, '/onboarding.html')),
    });
  });
  afterAll(() => firefox?.close());

  it("shows account 0's address on the done screen and in the popup", async () => {
    popup = await flows.importShowsAccount0();
  });

  it('locks; a wrong password shows unlock-error and keeps it locked; the right one unlocks', () => flows.lockAndUnlock(popup));

  it('names the misspelt word when importing a phrase with a typo', () => flows.namesTheMisspeltWord());
});
