// A page can send anything: 10,000 random and hostile requests in Firefox, as in Chromium
// (support/fuzz-flows.ts). Firefox has its own content-script relay and messaging, so the answers
// are checked there too. It takes far longer than in Chromium: in Firefox a request carrying the
// generator's million-element array takes about 0.7 s to be refused (the relay's JSON size check runs
// in the content script over the page's object), against a few ms in Chromium, so the floods get a
// timeout to match.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { fuzzFlows } from './support/fuzz-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

/** The slow cases' timeout; their length comes from the requests' size, not from waiting on anything. */
const FLOOD_TIMEOUT_MS = 420_000;

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

  it('answers every one of them from a site that is not connected, opening no window', () => flows.unconnected(), FLOOD_TIMEOUT_MS);

  it('answers every well-formed raw frame at the relay exactly once, refusing ids in flight, opening no window', () => flows.rawFrames());

  it('answers malformed signing requests from a connected site with errors, signing nothing', () => flows.connectedMalformed(), FLOOD_TIMEOUT_MS);

  it('keeps the background alive and answering afterwards', () => flows.backgroundStaysUp());
});
