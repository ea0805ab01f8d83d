// Issue 11, done-when, in Firefox: the same guard matrix as in Chromium (support/guard-matrix.ts),
// refused for a US resident, going through in Germany.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approveIn, extensionPage, firefoxUiCommand, startRequest } from './support/firefox-pages.ts';
import { acquisitions, guardMatrix, guardSymbols, issuerSymbols } from './support/guard-matrix.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('the guard on every path (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let matrix: ReturnType<typeof guardMatrix>;
  let command: (method: string, params: Record<string, unknown>) => Promise<unknown>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    firefox = await launchWalletFirefox();
    const page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'US', replaceExisting: true });
    await page.setViewport({ width: 380, height: 760 });
    command = (method, params) => firefoxUiCommand(page, method, params);
    const url = `${inject('fixturesUrl')}/dapp.html`;
    const site = await firefox.browser.newPage();
    await site.goto(url);
    const connected = startRequest(site, 'eth_requestAccounts');
    expect(await approveIn(firefox.browser, 'connect')).toBe(new URL(url).origin);
    expect((await connected).result).toEqual([ACCOUNT_0]);
    matrix = guardMatrix({
      deployment,
      browser: puppeteerBrowser(firefox.browser),
      site: puppeteerPage(site),
      origin: new URL(url).origin,
      popup: puppeteerPage(page),
      uiCommand: command,
    });
    await matrix.allowUsdc();
  });
  afterAll(async () => {
    await firefox?.close();
    await revert?.();
  });

  describe('a US resident', () => {
    it.each(acquisitions)('cannot acquire $symbol by $path', ({ path, symbol }) => matrix.refusesAcquisition(path, symbol));
    it.each(guardSymbols)('may send %s to its pair: a sale, which its rule does not forbid', (symbol) => matrix.sendsToPair(symbol));
    it.each(issuerSymbols)('cannot mint %s from its issuer in the popup', (symbol) => matrix.issuerRefusesMint(symbol));
  });

  describe('a DE resident', () => {
    beforeAll(() => command('settings.setJurisdiction', { jurisdiction: 'DE', password: TEST_PASSWORD }));

    it.each(acquisitions)('acquires $symbol by $path: not blocked, and the balance grows', ({ path, symbol }) =>
      matrix.allowsAcquisition(path, symbol),
    );
    it.each(guardSymbols)('sends %s to its pair', (symbol) => matrix.sendsToPair(symbol));
    it('mints TSLAx from its order-processor issuer in the popup', () => matrix.mintsTslaxFromOrderProcessor());
  });
});
