// A page can send anything: 10,000 random and hostile requests in Firefox, as in Chromium
// (support/fuzz-flows.ts). Firefox has its own content-script relay and messaging, so the answers
// are checked there too.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { fuzzFlows } from './support/fuzz-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

describe('the provider in Firefox under 10,000 random and hostile requests', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof fuzzFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const ext = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(ext, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    const page = await firefox.browser.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
    flows = fuzzFlows({
      browser: puppeteerBrowser(firefox.browser),
      dapp: puppeteerPage(page),
      rpcUrl: inject('deployment').rpcUrl,
      // The background answers the UI port of an extension page, which no dApp reaches.
      backgroundAnswers: async () => (await firefoxUiCommand<{ unlocked: boolean }>(ext, 'state')).unlocked === true,
    });
  });
  afterAll(() => firefox?.close());

  it('answers every one of them from a site that is not connected, opening no window', () => flows.unconnected());

  it('answers every well-formed raw frame at the relay exactly once, refusing ids in flight, opening no window', () => flows.rawFrames());

  it('answers malformed signing requests from a connected site with errors, signing nothing', () => flows.connectedMalformed());

  it('keeps the background alive and answering afterwards', () => flows.backgroundStaysUp());
});
