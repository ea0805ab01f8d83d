// The approval window itself: password first when locked, the queue oldest first, blocking a
// site that keeps asking, and choosing which accounts to connect (support/approval-window-flows.ts,
// run in Firefox too); a double click on Sign, driven by Chromium's own mouse.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { providerRequest, reject, until, waitForApproval } from './support/approval-window.ts';
import { approvalWindowFlows } from './support/approval-window-flows.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, onboardByImport } from './support/wallet.ts';

const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const fixtures = new URL(inject('fixturesUrl'));
const hex = (text: string) => `0x${Buffer.from(text).toString('hex')}`;

describe('the approval window (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let flows: ReturnType<typeof approvalWindowFlows>;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    const commands = playwrightPage(await onboardByImport(chromium), chromium);
    flows = approvalWindowFlows({ browser: playwrightBrowser(chromium), commands, fixturesUrl: inject('fixturesUrl') });
  });
  afterAll(() => chromium?.close());

  it('asks for the password before it shows a request to a locked wallet', () => flows.locked());

  it('shows the queue oldest first with a count, then closes itself once it is empty', () => flows.queue());

  it('a double click on Sign approves that request only, not the 1 ETH transfer queued behind it', async () => {
    const page = chromium.context.pages().find((p) => p.url().startsWith(`http://127.0.0.1:${fixtures.port}`))!;
    const signing = providerRequest(page, 'personal_sign', [hex('double click'), ACCOUNT_0]);
    const prompt = await waitForApproval(chromium.context, 'sign-message');
    const transfer = providerRequest(page, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0xde0b6b3a7640000' }]);
    await expect.poll(() => prompt.getByTestId('approval-count').getAttribute('data-count')).toBe('2');
    const approveButton = prompt.getByTestId('approval-approve');
    const shownId = () => prompt.getByTestId('approval-request').getAttribute('data-approval-id');
    const centre = async () => {
      await approveButton.scrollIntoViewIfNeeded();
      const box = (await approveButton.boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    };

    await expect.poll(() => approveButton.isEnabled()).toBe(true);
    const signId = await shownId();
    const first = await centre();
    await prompt.mouse.click(first.x, first.y);
    const clickedAt = Date.now();
    // The second click of the double click comes once the transfer is on screen, and (the worst
    // case) where its approve button is.
    await until(async () => (await shownId()) !== signId, 'the next request');
    expect(await prompt.getByTestId('approval-kind').textContent()).toBe('transaction');
    const second = await centre();
    await prompt.mouse.click(second.x, second.y, { clickCount: 2 });
    // The premise: both clicks fall within one double-click interval (500 ms on most systems).
    expect(Date.now() - clickedAt).toBeLessThan(500);

    expect((await signing).result).toMatch(/^0x[0-9a-f]{130}$/);
    // Longer than the arm delay: the transfer is still waiting, and nothing is left to fire later.
    const later = new Promise((resolve) => setTimeout(() => resolve('still waiting for the user'), 1_500));
    expect(await Promise.race([transfer.then((outcome) => ({ answered: outcome })), later])).toBe('still waiting for the user');
    expect(await shownId()).not.toBe(signId);
    expect(await prompt.getByTestId('approval-count').getAttribute('data-count')).toBe('1');
    await reject(prompt);
    expect(await transfer).toMatchObject({ code: 4001 });
  });

  it('connects only the accounts the user ticks', () => flows.accountChoice());

  it('offers to block a site rejected twice in a minute; a blocked site gets 4001 with no window', () => flows.blockingASite());
});
