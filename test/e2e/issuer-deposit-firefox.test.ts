// Redeeming SPYx by deposit in Firefox, as in Chromium: the quote names the deposit address and the
// T+3 window, the one plan window lists the transfer with the deposit address named, the SPYx leave
// the account, and the status shows the USDC received once the issuer pays out.
// Backed mints only off chain for its onboarded clients: the detail offers no mint and says so, with the
// onboarding link; a crafted mint request is refused and nothing is sent.
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

describe('redeem by deposit in the Firefox popup (jurisdiction DE)', () => {
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
    await firefox?.close();
    await revert?.();
  });

  it('sends SPYx to the deposit address after one plan approval, then shows the USDC received', () => flows.redeemByDeposit());

  it('offers no SPYx mint and says plainly that Backed issues only to its onboarded clients, off chain, with the onboarding link; a crafted mint sends nothing', () =>
    flows.backedMintIsOffChain());
});
