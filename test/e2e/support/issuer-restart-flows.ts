// Issue 13: an issuer plan survives the wallet's background, written once for both browsers (each
// stops it its own way: Chromium's DevTools stops the service worker, Firefox's idle timeout
// suspends the event page). A mint's plan is approved once; its allowance goes out but is not mined
// yet (automine off) when the background stops. The restarted background finds the plan and the
// allowance's hash in storage, waits for it, sends the mint without asking again, and the mint
// settles: two transactions in all, none sent twice, no second window, balances moved as quoted.
// Then the background stops while the mint itself is being sent and the node never receives it
// (a proxy holds it): the restarted background does not send it again, the request fails saying
// so, and only the allowance moved on chain.
import { keccak256, type Hex } from 'viem';
import { expect } from 'vitest';
import { devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import { byTestId, countOf, textOf, until, waitFor } from './driver.ts';
import { type IssuerHarness, issuerSteps } from './issuer-flows.ts';
import type { RpcProxy } from './rpc-proxy.ts';

export interface IssuerRestartHarness extends IssuerHarness {
  /** Stops the wallet's background the way the browser does; resolves once it is gone. */
  stopBackground(): Promise<void>;
}

export function issuerRestartFlows(h: IssuerRestartHarness) {
  const { testClient } = devnetClients(h.deployment);
  const steps = issuerSteps(h);
  const sentRows = `${byTestId('activity-row')}[data-direction="out"]`;
  const rowStatus = (hash: Hex) => `${sentRows}[data-hash="${hash}"]`;

  return {
    /** Automine back on, whatever a failed flow left behind (for afterAll). */
    restoreAutomine: () => testClient.setAutomine(true),

    /** Points the wallet's network at `rpcUrl` from the popup's settings (a proxy in front of the devnet's node). */
    async pointRpcAt(rpcUrl: string) {
      await h.popup.open('/popup.html#/settings');
      await h.popup.fill(byTestId('settings-rpc-url'), rpcUrl);
      await h.popup.click(byTestId('settings-save'));
      await until(async () => (await textOf(h.popup, byTestId('settings-status'))) === 'Saved.', 'the settings to say Saved.');
    },

    /** In a fresh wallet: its Activity lists nothing before. */
    async mintStoppedBetweenAllowanceAndMint() {
      const nvda = tokenOf(h.deployment, 'NVDAon').address;
      const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), nvda: await steps.balanceOf(nvda) };
      await steps.saveIssuerKeys();
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
      await until(async () => (await countOf(h.popup, `${sentRows}[data-status="confirmed"]`)) === 2, 'Activity to show both confirmed');
      const hashes = await h.popup.evaluate((s) => [...document.querySelectorAll(s)].map((row) => row.getAttribute('data-hash')), sentRows);
      expect(new Set(hashes).size).toBe(2);
      expect(hashes).toHaveLength(2);
    },

    /**
     * The same stop with no issuer screen open: the popup shows Settings, which never asks about
     * issuer requests. The background sends what is left of the plan by itself (on its start and its
     * alarm), so the mint is on chain before the issuer screen is opened again, and it says settled.
     */
    async mintStoppedWithPopupClosedAdvancesAlone() {
      const nvda = tokenOf(h.deployment, 'NVDAon').address;
      const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), nvda: await steps.balanceOf(nvda) };
      await steps.saveIssuerKeys();
      await steps.openIssuerScreen('NVDAon', 'mint');
      await steps.quote('0.5');
      const total = await steps.raw('issuer-total');

      await testClient.setAutomine(false);
      await h.popup.click(byTestId('issuer-submit'));
      await steps.approvePlan(steps.issuerOrigin('attest'));
      await until(async () => (await steps.sent()) === before.nonce + 1, 'the allowance to be sent');
      // The issuer screen is left: nothing in the popup asks about the request from now on.
      await h.popup.open('/popup.html#/settings');
      await waitFor(h.popup, byTestId('settings-rpc-url'));

      await h.stopBackground();
      await testClient.setAutomine(true);
      await testClient.mine({ blocks: 1 });

      // No user action: the restarted background sends the mint (the alarm's period is 30 s, so this may take that long).
      await until(async () => (await steps.balanceOf(nvda)) - before.nvda === 10n ** 18n / 2n, 'the background to mint alone', 90_000);
      expect(await steps.sent()).toBe(before.nonce + 2);
      expect(before.usdc - (await steps.balanceOf(steps.usdc))).toBe(total);
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);

      await steps.openIssuerScreen('NVDAon', 'mint');
      await steps.settled();
      expect(await textOf(h.popup, byTestId('issuer-status'))).toMatch(/Settled: 0\.5 NVDAon minted for/);
      expect(await steps.sent()).toBe(before.nonce + 2);
    },

    /** The wallet's RPC goes through `proxy`, which forwards the allowance and holds the mint before the node gets it. */
    async mintCutMidSendIsNotSentAgain(proxy: RpcProxy) {
      const nvda = tokenOf(h.deployment, 'NVDAon').address;
      const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), nvda: await steps.balanceOf(nvda) };
      await steps.saveIssuerKeys();
      await steps.openIssuerScreen('NVDAon', 'mint');
      await steps.quote('0.5');

      await testClient.setAutomine(false);
      const already = proxy.rawTransactions.length;
      await h.popup.click(byTestId('issuer-submit'));
      await steps.approvePlan(steps.issuerOrigin('attest'));
      await until(async () => proxy.rawTransactions.length === already + 1, 'the allowance to reach the node');
      proxy.sendFault = 'hold';
      await testClient.setAutomine(true);
      await testClient.mine({ blocks: 1 });
      await until(async () => proxy.rawTransactions.length === already + 2, 'the mint to leave the background');
      const [allowance, mint] = proxy.rawTransactions.slice(already).map((raw) => keccak256(raw as Hex));

      await h.stopBackground();
      proxy.sendFault = 'none';

      // The popup follows the request again: the restarted background finds the mint never arrived and stops there.
      const failed = `${byTestId('issuer-status')}[data-status="failed"]`;
      await waitFor(h.popup, failed, 30_000);
      expect(await textOf(h.popup, failed)).toMatch(/stopped while sending step 2 .*the network never received it.*Nothing more was sent/);
      expect(await steps.sent()).toBe(before.nonce + 1);
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
      expect(await steps.balanceOf(steps.usdc)).toBe(before.usdc);
      expect(await steps.balanceOf(nvda)).toBe(before.nvda);
      // A new quote can be asked for at once: the failed request no longer holds the screen.
      expect(await countOf(h.popup, `${byTestId('issuer-quote')}:disabled`)).toBe(0);

      await h.popup.open('/popup.html#/activity');
      await waitFor(h.popup, `${rowStatus(allowance)}[data-status="confirmed"]`);
      await waitFor(h.popup, `${rowStatus(mint)}[data-status="dropped"]`);
    },
  };
}
