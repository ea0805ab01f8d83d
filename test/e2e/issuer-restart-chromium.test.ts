// Issue 13: a mint's plan survives the service worker (see support/issuer-restart-flows.ts). The
// worker is stopped by DevTools while the plan's allowance is sent but not yet mined; the restarted
// worker sends the mint without asking again, and nothing is sent twice.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { issuerRestartFlows } from './support/issuer-restart-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { onboardByImport, openUnlockedPopup, stopServiceWorker } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('an issuer plan across a service-worker restart (Chromium)', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof issuerRestartFlows>;
  let revert: () => Promise<void>;
  let proxy: RpcProxy;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    proxy = await startRpcProxy(deployment.rpcUrl);
    wallet = await launchWalletChromium();
    const commands: Page = await onboardByImport(wallet, { jurisdiction: 'DE' });
    const popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 760 });
    flows = issuerRestartFlows({
      deployment,
      browser: playwrightBrowser(wallet),
      popup: playwrightPage(popup, wallet),
      uiCommand: (m, p) => uiCommand(popup, m, p),
      stopBackground: () => stopServiceWorker(wallet, commands),
    });
    // Every call of the devnet network goes through the proxy from now on.
    await flows.pointRpcAt(proxy.url);
  });
  afterAll(async () => {
    await flows?.restoreAutomine();
    await wallet?.close();
    await proxy?.close();
    await revert?.();
  });

  it('a mint stopped between its allowance and its mint completes after the restart, nothing sent twice', () =>
    flows.mintStoppedBetweenAllowanceAndMint());

  it('with no issuer screen open, the restarted background finishes the mint alone; the popup then shows it settled', () =>
    flows.mintStoppedWithPopupClosedAdvancesAlone());

  it('a mint stopped while its mint was being sent, before the node got it: not sent again, the request fails saying so, only the allowance moved', () =>
    flows.mintCutMidSendIsNotSentAgain(proxy));
});
