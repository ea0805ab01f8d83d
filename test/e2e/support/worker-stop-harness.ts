// The worker-stop flows' harness in each browser: how its driver asks the dApp, opens the popup
// and stops the wallet's background (Chromium: DevTools stops the service worker; Firefox: the
// event page idles out, see firefox-idle.ts).
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import type { Address } from 'viem';
import { devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { providerRequest } from './approval-window.ts';
import type { ChromiumWithExtension } from './chromium.ts';
import { playwrightBrowser, playwrightPage, puppeteerBrowser, puppeteerPage } from './driver.ts';
import type { FirefoxWithExtension } from './firefox.ts';
import { idleOutBackground } from './firefox-idle.ts';
import { openExtensionTab, startRequest } from './firefox-pages.ts';
import { openPopup, stopServiceWorker } from './wallet.ts';
import type { WorkerStopHarness } from './worker-stop-flows.ts';

const common = (deployment: Deployment) => ({
  dappOrigin: new URL(deployment.dappUrl).origin,
  user: deployment.accounts.find((a) => a.role === 'user')!.address as Address,
  publicClient: devnetClients(deployment).publicClient,
});

/** `commands`: an extension page of the wallet (the onboarding tab); `dapp`: the dApp's tab. */
export const chromiumStopHarness = (
  deployment: Deployment,
  chromium: ChromiumWithExtension,
  commands: PlaywrightPage,
  dapp: PlaywrightPage,
): WorkerStopHarness => ({
  ...common(deployment),
  browser: playwrightBrowser(chromium),
  request: (method, params) => providerRequest(dapp, method, params),
  stopBackground: () => stopServiceWorker(chromium, commands),
  openPage: async (path) => {
    const popup = await openPopup(chromium);
    await popup.goto(chromium.extensionUrl(path));
    return { page: playwrightPage(popup, chromium), close: () => popup.close() };
  },
});

/** `commands`: an extension page of the wallet (the onboarding tab); `dapp`: the dApp's tab. */
export const firefoxStopHarness = (
  deployment: Deployment,
  firefox: FirefoxWithExtension,
  commands: PuppeteerPage,
  dapp: PuppeteerPage,
): WorkerStopHarness => ({
  ...common(deployment),
  browser: puppeteerBrowser(firefox.browser),
  request: (method, params) => startRequest(dapp, method, params),
  stopBackground: () => idleOutBackground(commands),
  openPage: async (path) => {
    const tab = await openExtensionTab(firefox.browser, commands, path);
    return { page: puppeteerPage(tab), close: () => tab.close() };
  },
});
