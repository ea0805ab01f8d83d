// Creating a new wallet in Firefox, as in Chromium (support/keys-flows.ts): the phrase shown once
// and confirmed word by word, and a 24-word phrase on offer.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage } from './support/firefox-pages.ts';
import { keysFlows } from './support/keys-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';

describe('Firefox: create a new wallet, confirming the phrase', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof keysFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    flows = keysFlows({
      browser: puppeteerBrowser(firefox.browser),
      onboarding: async () => puppeteerPage(await extensionPage(firefox.browser, '/onboarding.html')),
    });
  });
  afterAll(() => firefox?.close());

  it('shows 12 words once, refuses a wrong confirmation, and creates the wallet those words derive', () => flows.createConfirmingThePhrase());

  it('offers a 24-word phrase', () => flows.offers24Words());
});
