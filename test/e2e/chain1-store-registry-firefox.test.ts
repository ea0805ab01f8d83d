// The store build on Ethereum in the Firefox popup, as in Chromium: the shipped registry, its
// Ethereum network a local anvil with chain id 1 and code at the tokens' real addresses.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Chain1Wallet, chain1Flows, startChain1Wallet } from './support/chain1-flows.ts';
import { puppeteerPage } from './support/driver.ts';
import { type FirefoxWithExtension, launchFirefox } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

describe('the store registry on a chain-1 anvil, in the Firefox popup', () => {
  let market: Chain1Wallet;
  let firefox: FirefoxWithExtension;
  let page: Page;
  let flows: ReturnType<typeof chain1Flows>;

  beforeAll(async () => {
    market = await startChain1Wallet('firefox');
    firefox = await launchFirefox(market.build.dir);
    page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 900 });
    flows = chain1Flows({ chain: market.chain, popup: puppeteerPage(page) });
  }, 240_000);
  afterAll(async () => {
    await firefox?.close();
    await market?.stop();
  });

  it('shows each holding with its price and source, value and share equivalent; the total sums them and leaves the unpriced one out', () =>
    flows.showsPricesSourcesValuesAndShares());

  it("shows the corporate actions from the tokens' own views and events", () => flows.showsCorporateActions());

  it("shows TSLAx's backing against Ethereum's supply only, naming the chains left out", () => flows.showsBackingOnThisChainOnly());

  it('moves the balance and the history once the scheduled multiplier activates, without a reload', () =>
    flows.showsTheScheduledMultiplierOnceActive());
});
