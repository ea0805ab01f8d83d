// Issue 13 in Firefox, as in Chromium: mint and redeem through each issuer protocol from the popup,
// the balances moving by the amounts quoted; a US resident's mint of the US-restricted AMZNr is
// refused and nothing is sent.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { issuerFlows } from './support/issuer-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('mint and redeem in the Firefox popup', () => {
  let firefox: FirefoxWithExtension;
  let page: Page;
  let flows: ReturnType<typeof issuerFlows>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    firefox = await launchWalletFirefox();
    page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 760 });
    flows = issuerFlows({
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

  describe('jurisdiction DE', () => {
    it('mints NVDAon from the attestation issuer: quote, one plan window (USDC allowance, then the mint), settled on chain', () =>
      flows.mintFromAttestationIssuer());

    it('redeems AAPL.d with the order-processor issuer: one plan window (share allowance, then the sell), USDC paid when the issuer fills, received in Activity', () =>
      flows.redeemWithOrderProcessor());

    it('redeems NVDAon with the attestation issuer for USDC: one plan window (token allowance, then the redeem), paid in the same transaction, received in Activity', () =>
      flows.redeemWithAttestationIssuer());

    it('mints AAPL.d with the order-processor issuer: one plan window (USDC allowance, then the buy), the shares arrive when the issuer fills, received in Activity', () =>
      flows.mintWithOrderProcessor());
  });

  describe('a US resident and a US-restricted token', () => {
    beforeAll(() => firefoxUiCommand(page, 'settings.setJurisdiction', { jurisdiction: 'US', password: TEST_PASSWORD }));

    it('cannot mint AMZNr: the screen says why, the wallet refuses a crafted request, and no transaction is sent', () =>
      flows.usResidentCannotMintAmznr());
  });
});
