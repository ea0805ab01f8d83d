// The token detail's announced distributions and its backing over two chains in the Firefox popup,
// as in Chromium: the devnet and a fork of it added as a network (see support/token-detail-flows.ts).
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { puppeteerPage } from './support/driver.ts';
import { type FirefoxWithExtension, launchFirefox } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { type ForkedMarket, startForkedMarket } from './support/portfolio-chains.ts';
import { tokenDetailFlows } from './support/token-detail-flows.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('the token detail on the two-chain devnet, in the Firefox popup', () => {
  let market: ForkedMarket;
  let revert: () => Promise<void>;
  let firefox: FirefoxWithExtension;
  let page: Page;
  let flows: ReturnType<typeof tokenDetailFlows>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    market = await startForkedMarket(deployment, 'firefox');
    firefox = await launchFirefox(market.build.dir);
    page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 900 });
    flows = tokenDetailFlows({
      deployment,
      forkRpcUrl: market.forkRpcUrl,
      popup: puppeteerPage(page),
      uiCommand: (method, params) => firefoxUiCommand(page, method, params),
    });
  }, 240_000);
  afterAll(async () => {
    await firefox?.close();
    await market?.stop();
    await revert?.();
  });

  it("shows a dShare's announced distribution: currency, amount, window, state and what is left", () => flows.showsAnnouncedDistribution());

  it('shows the backing against both chains, each named, and "this chain only" with the fork turned off', () => flows.showsBackingOverBothChains());
});
