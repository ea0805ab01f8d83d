// Firefox: a dShare created by the devnet's DShareFactory while the popup is open appears in the
// portfolio, labelled as found on chain, with the issuer's facts; no rebuild, no reload.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { dShareDiscoveryFlows } from './support/dshare-discovery-flows.ts';
import { puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('Firefox: dShares found through the issuer factory', () => {
  let firefox: FirefoxWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    firefox = await launchWalletFirefox();
    popup = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(popup, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    // The extension's own page goes to the popup (WebDriver may not open moz-extension URLs itself).
    await popup.evaluate(() => {
      location.href = '/popup.html';
    });
  }, 240_000);
  afterAll(async () => {
    await firefox?.close();
    await revert?.();
  });

  it('a dShare the factory creates shows, labelled and with the issuer facts, in the open popup', () =>
    dShareDiscoveryFlows({ deployment, popup: puppeteerPage(popup) }).createdDShareAppearsWithLabelAndIssuerFacts());
});
