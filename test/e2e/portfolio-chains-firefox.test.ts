// The portfolio over two chains in the Firefox popup, as in Chromium: the devnet and a fork of it
// added as a network by hand; both chains' holdings listed, the total summing both, chain-filter narrowing,
// and the token detail's price chart drawing the feed's rounds.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { puppeteerPage } from './support/driver.ts';
import { type FirefoxWithExtension, launchFirefox } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { type ForkedMarket, portfolioChainsFlows, startForkedMarket } from './support/portfolio-chains.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('portfolio over every enabled chain in the Firefox popup', () => {
  let market: ForkedMarket;
  let revert: () => Promise<void>;
  let firefox: FirefoxWithExtension;
  let page: Page;
  let flows: ReturnType<typeof portfolioChainsFlows>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    market = await startForkedMarket(deployment, 'firefox');
    firefox = await launchFirefox(market.build.dir);
    page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 900 });
    flows = portfolioChainsFlows({
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

  it('lists the holdings of the devnet and of the added fork, and the total sums both', () => flows.listsBothChainsAndSumsThem());

  it('narrows the rows and the total to one chain with chain-filter', () => flows.filterNarrowsToOneChain());

  it("charts one point per price-feed round read, on each chain through that chain's node; none without a feed", () =>
    flows.chartHasOnePointPerRoundRead());
});
