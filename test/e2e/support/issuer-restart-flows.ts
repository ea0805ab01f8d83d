// Issue 13: an issuer plan survives the wallet's background, written once for both browsers (each
// stops it its own way: Chromium's DevTools stops the service worker, Firefox's idle timeout
// suspends the event page). A mint's plan is approved once; its allowance goes out but is not mined
// yet (automine off) when the background stops. The restarted background finds the plan and the
// allowance's hash in storage, waits for it, sends the mint without asking again, and the mint
// settles: two transactions in all, none sent twice, no second window, balances moved as quoted.
import { expect } from 'vitest';
import { devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import { byTestId, countOf, textOf, until } from './driver.ts';
import { type IssuerHarness, issuerSteps } from './issuer-flows.ts';

export interface IssuerRestartHarness extends IssuerHarness {
  /** Stops the wallet's background the way the browser does; resolves once it is gone. */
  stopBackground(): Promise<void>;
}

export function issuerRestartFlows(h: IssuerRestartHarness) {
  const { testClient } = devnetClients(h.deployment);
  const steps = issuerSteps(h);

  return {
    /** Automine back on, whatever a failed flow left behind (for afterAll). */
    restoreAutomine: () => testClient.setAutomine(true),

    /** In a fresh wallet: its Activity lists nothing before. */
    async mintStoppedBetweenAllowanceAndMint() {
      const nvda = tokenOf(h.deployment, 'NVDAon').address;
      const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), nvda: await steps.balanceOf(nvda) };
      await steps.openIssuerScreen('NVDAon', 'mint');
      await steps.quote('0.5');
      const total = await steps.raw('issuer-total');

      await testClient.setAutomine(false);
      await h.popup.click('[data-testid="issuer-submit"]');
      const plan = await steps.approvePlan(steps.issuerOrigin('attest'));
      expect(plan.steps.map((s) => s.kind)).toEqual(['allowance', 'attestation']);
      await until(async () => (await steps.sent()) === before.nonce + 1, 'the allowance to be sent');

      await h.stopBackground();
      await testClient.setAutomine(true);
      await testClient.mine({ blocks: 1 });

      // The popup follows the request again; the restarted background sends what is left of the approved plan.
      await steps.settled();
      expect(await textOf(h.popup, byTestId('issuer-status'))).toMatch(/Settled: 0\.5 NVDAon minted for/);
      expect(await steps.sent()).toBe(before.nonce + 2);
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
      expect(before.usdc - (await steps.balanceOf(steps.usdc))).toBe(total);
      expect((await steps.balanceOf(nvda)) - before.nvda).toBe(10n ** 18n / 2n);

      // Activity lists the allowance and the mint once each, both confirmed: the restart lost neither.
      await h.popup.open('/popup.html#/activity');
      const sentRows = `${byTestId('activity-row')}[data-direction="out"]`;
      await until(async () => (await countOf(h.popup, `${sentRows}[data-status="confirmed"]`)) === 2, 'Activity to show both confirmed');
      const hashes = await h.popup.evaluate((s) => [...document.querySelectorAll(s)].map((row) => row.getAttribute('data-hash')), sentRows);
      expect(new Set(hashes).size).toBe(2);
      expect(hashes).toHaveLength(2);
    },
  };
}
