// Issue 14's fee flows from the popup, written once for both browsers: the fee shown before
// approval is the fee mined at the speed picked, and a transaction stuck with automine off is sped
// up or cancelled from Activity.
import { type Address, type Hex, type PublicClient, parseEther, parseGwei, type TestClient } from 'viem';
import { expect } from 'vitest';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { attributeOf, byTestId, clickWhenEnabled, textOf, type UiBrowser, type UiPage, until, waitFor } from './driver.ts';

export interface FeeHarness {
  browser: UiBrowser;
  /** An extension page of the wallet, unlocked: it becomes the popup. */
  popup: UiPage;
  sender: Address;
  recipient: Address;
  publicClient: PublicClient;
  testClient: TestClient;
}

const activityRow = (hash: string) => `${byTestId('activity-row')}[data-hash="${hash}"]`;

export function feeFlows(h: FeeHarness) {
  const { popup, publicClient, testClient } = h;

  /** Sends `amount` ETH from the popup, picking `speed` in the window; resolves with what the window showed and the hash. */
  async function sendWithSpeed(amount: string, speed: 'slow' | 'normal' | 'fast') {
    await popup.open('/popup.html#/send');
    await popup.fill(byTestId('send-to'), h.recipient);
    await popup.fill(byTestId('send-amount'), amount);
    const previous = await textOf(popup, `${byTestId('send-status')} .mono`);
    await clickWhenEnabled(popup, byTestId('send-submit'));
    const { page: window } = await approvalShowing(h.browser, 'transaction');
    const fee = byTestId('approval-fee');
    expect(await textOf(window, fee)).toMatch(/^At most 0\.\d+ ETH$/);
    await window.select(byTestId('fee-speed'), speed);
    await until(async () => (await attributeOf(window, fee, 'data-speed')) === speed, `the fee to show the ${speed} speed`);
    const shown = await window.evaluate((s) => ({ ...(document.querySelector(s) as HTMLElement).dataset }), fee);
    await decideShown(window, 'approval-approve');
    const hash = await until(async () => {
      const status = await textOf(popup, byTestId('send-status'));
      const sent = (await textOf(popup, `${byTestId('send-status')} .mono`))?.trim();
      return status?.startsWith('Sent') && sent && sent !== previous?.trim() ? (sent as Hex) : null;
    }, 'the popup to say the transfer was sent');
    return { shown: { maxFeeGwei: shown.maxFeeGwei!, priorityFeeGwei: shown.priorityFeeGwei!, gasLimit: shown.gasLimit! }, hash };
  }

  /** Opens Activity, presses `button` on the pending row of `hash` and approves the replacement in the window. */
  async function replaceFromActivity(hash: Hex, button: 'activity-speed-up' | 'activity-cancel') {
    await popup.open('/popup.html#/activity');
    await waitFor(popup, activityRow(hash));
    expect(await attributeOf(popup, activityRow(hash), 'data-status')).toBe('pending');
    await popup.click(`${activityRow(hash)} ${byTestId(button)}`);
    const { page: window } = await approvalShowing(h.browser, 'transaction', { origin: 'Sharekeep' });
    expect(await attributeOf(window, byTestId('approval-replaces'), 'data-kind')).toBe(button === 'activity-cancel' ? 'cancel' : 'speed-up');
    expect(await textOf(window, byTestId('approval-fee'))).toMatch(/^At most/);
    await decideShown(window, 'approval-approve');
    return until(
      () =>
        popup.evaluate(
          () =>
            document
              .querySelector('[data-testid="activity-row"][data-status="pending"] [data-testid="activity-replaced"]')
              ?.closest('[data-testid="activity-row"]')
              ?.getAttribute('data-hash') as Hex | undefined,
          undefined,
        ),
      'the replacement to show pending in Activity',
    );
  }

  const confirmedAs = (hash: Hex, status: 'confirmed' | 'cancelled') => waitFor(popup, `${activityRow(hash)}[data-status="${status}"]`);

  return {
    async fastFeeIsMinedAsShown() {
      const { shown, hash } = await sendWithSpeed('0.01', 'fast');
      const mined = await publicClient.getTransaction({ hash });
      expect(mined.maxFeePerGas).toBe(parseGwei(shown.maxFeeGwei));
      expect(mined.maxPriorityFeePerGas).toBe(parseGwei(shown.priorityFeeGwei));
      expect(mined.gas).toBe(BigInt(shown.gasLimit));
    },

    async speedUpStuck() {
      await testClient.setAutomine(false);
      const { hash } = await sendWithSpeed('0.02', 'slow');
      const stuck = await publicClient.getTransaction({ hash });
      const faster = await replaceFromActivity(hash, 'activity-speed-up');
      expect(faster).not.toBe(hash);
      const replacement = await publicClient.getTransaction({ hash: faster });
      expect(replacement.nonce).toBe(stuck.nonce);
      expect(replacement.maxFeePerGas! * 10n >= stuck.maxFeePerGas! * 11n).toBe(true);
      expect(replacement.maxPriorityFeePerGas! * 10n >= stuck.maxPriorityFeePerGas! * 11n).toBe(true);
      await testClient.mine({ blocks: 1 });
      await confirmedAs(faster, 'confirmed');
      expect(await publicClient.getBalance({ address: h.recipient })).toBe(parseEther('0.03'));
    },

    async cancelStuck() {
      const { hash } = await sendWithSpeed('0.04', 'slow');
      const cancel = await replaceFromActivity(hash, 'activity-cancel');
      const replacement = await publicClient.getTransaction({ hash: cancel });
      expect(replacement.to?.toLowerCase()).toBe(h.sender.toLowerCase());
      expect(replacement.value).toBe(0n);
      await testClient.mine({ blocks: 1 });
      await confirmedAs(cancel, 'cancelled');
      expect(await publicClient.getBalance({ address: h.recipient })).toBe(parseEther('0.03'));
    },
  };
}
