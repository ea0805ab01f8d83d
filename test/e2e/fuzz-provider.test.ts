// A page can send anything: 10,000 random and hostile requests in Chromium
// (support/fuzz-flows.ts, run in Firefox too).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { fuzzFlows } from './support/fuzz-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

describe('the provider under 10,000 random and hostile requests', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof fuzzFlows>;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    // Onboard through the wallet's own UI port, then connect the fuzzing site for the second half.
    const ext = await wallet.context.newPage();
    await ext.goto(wallet.extensionUrl('popup.html'));
    await uiCommand(ext, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE' });
    await ext.close();
    const page = await wallet.context.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
    flows = fuzzFlows({
      browser: playwrightBrowser(wallet),
      dapp: playwrightPage(page, wallet),
      rpcUrl: inject('deployment').rpcUrl,
      backgroundAnswers: async () => (await wallet.serviceWorker.evaluate(() => 1 + 1)) === 2,
    });
  });
  afterAll(() => wallet?.close());

  it('answers every one of them from a site that is not connected, opening no window', () => flows.unconnected());

  it('answers every well-formed raw frame at the relay exactly once, refusing ids in flight, opening no window', () => flows.rawFrames());

  it('answers malformed signing requests from a connected site with errors, signing nothing', () => flows.connectedMalformed());

  it('keeps the background alive and answering afterwards', () => flows.backgroundStaysUp());
});
