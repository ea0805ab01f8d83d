// Issue 13: a mint's plan survives the service worker. The plan is approved once; its allowance
// goes out but is not mined yet (automine off) when the worker is stopped. The restarted worker
// finds the plan and the allowance's hash in storage, waits for it, sends the mint without asking
// again, and the mint settles: two transactions in all, none sent twice, no second window.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients, snapshot, tokenOf } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage, until } from './support/driver.ts';
import { type IssuerHarness, issuerSteps } from './support/issuer-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, openUnlockedPopup, stopServiceWorker } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('an issuer plan across a service-worker restart (Chromium)', () => {
  let wallet: ChromiumWithExtension;
  let commands: Page;
  let h: IssuerHarness;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    wallet = await launchWalletChromium();
    commands = await onboardByImport(wallet, { jurisdiction: 'DE' });
    const popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 760 });
    h = { deployment, browser: playwrightBrowser(wallet), popup: playwrightPage(popup, wallet), uiCommand: (m, p) => uiCommand(popup, m, p) };
  });
  afterAll(async () => {
    await testClient.setAutomine(true);
    await wallet?.close();
    await revert?.();
  });

  it('a mint stopped between its allowance and its mint completes after the restart, nothing sent twice', async () => {
    const steps = issuerSteps(h);
    const nvda = tokenOf(deployment, 'NVDAon').address;
    const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), nvda: await steps.balanceOf(nvda) };
    await steps.openIssuerScreen('NVDAon', 'mint');
    await steps.quote('0.5');
    const total = await steps.raw('issuer-total');

    await testClient.setAutomine(false);
    await h.popup.click('[data-testid="issuer-submit"]');
    const plan = await steps.approvePlan(steps.issuerOrigin('attest'));
    expect(plan.steps.map((s) => s.kind)).toEqual(['allowance', 'attestation']);
    await until(async () => (await steps.sent()) === before.nonce + 1, 'the allowance to be sent');

    await stopServiceWorker(wallet, commands);
    await testClient.setAutomine(true);
    await testClient.mine({ blocks: 1 });

    // The popup follows the request again; the restarted worker sends what is left of the approved plan.
    await steps.settled();
    expect(await steps.sent()).toBe(before.nonce + 2);
    expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
    expect(before.usdc - (await steps.balanceOf(steps.usdc))).toBe(total);
    expect((await steps.balanceOf(nvda)) - before.nvda).toBe(10n ** 18n / 2n);
  });
});
