// The price check in Firefox, as in Chromium: the devnet issuer quotes NVDAon 5% above its feed (the
// popup and the plan window warn, and the user may still go on), then 15% above (the popup refuses,
// the submit button stays disabled, the wallet refuses a crafted submit, and no balance moves).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { issuerDepositPriceFlows } from './support/issuer-deposit-price-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('issuer quotes checked against the wallet price (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof issuerDepositPriceFlows>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    firefox = await launchWalletFirefox();
    const page: Page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 760 });
    flows = issuerDepositPriceFlows({
      deployment,
      browser: puppeteerBrowser(firefox.browser),
      popup: puppeteerPage(page),
      uiCommand: (method, params) => firefoxUiCommand(page, method, params),
    });
  });
  afterAll(async () => {
    await flows?.clearSkew();
    await firefox?.close();
    await revert?.();
  });

  it('a quote 5% above the feed is shown with a warning, in the popup and in the plan window, and can still be submitted', () =>
    flows.warnedQuoteCanStillBeSubmitted());

  it('a quote 15% above the feed is refused: submit disabled, a crafted submit refused, nothing sent, balances unchanged', () =>
    flows.refusedQuoteSendsNothing());
});
