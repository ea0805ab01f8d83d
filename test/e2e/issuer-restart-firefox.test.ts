// Issue 13 in Firefox, as in Chromium: a mint's plan survives the background (see
// support/issuer-restart-flows.ts). Firefox itself suspends the event page on its idle timeout
// (shortened here, see support/firefox-idle.ts) while the plan's allowance is sent but not yet
// mined and the background polls the node for its receipt; the popup wakes a new background, which
// sends the mint without asking again, and nothing is sent twice.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { idleOutBackground, idlePrefs } from './support/firefox-idle.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { issuerRestartFlows } from './support/issuer-restart-flows.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('an issuer plan across a suspended background (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof issuerRestartFlows>;
  let revert: () => Promise<void>;
  let proxy: RpcProxy;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    proxy = await startRpcProxy(deployment.rpcUrl);
    firefox = await launchWalletFirefox(idlePrefs);
    const page: Page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 760 });
    flows = issuerRestartFlows({
      deployment,
      browser: puppeteerBrowser(firefox.browser),
      popup: puppeteerPage(page),
      uiCommand: (method, params) => firefoxUiCommand(page, method, params),
      stopBackground: () => idleOutBackground(page),
    });
    // Every call of the devnet network goes through the proxy from now on.
    await flows.pointRpcAt(proxy.url);
  });
  afterAll(async () => {
    await flows?.restoreAutomine();
    await firefox?.close();
    await proxy?.close();
    await revert?.();
  });

  it('a mint suspended between its allowance and its mint completes after the restart, nothing sent twice', () =>
    flows.mintStoppedBetweenAllowanceAndMint());

  it('with no issuer screen open, the restarted background finishes the mint alone; the popup then shows it settled', () =>
    flows.mintStoppedWithPopupClosedAdvancesAlone());

  it('a mint suspended while its mint was being sent, before the node got it: not sent again, the request fails saying so, only the allowance moved', () =>
    flows.mintCutMidSendIsNotSentAgain(proxy));
});
