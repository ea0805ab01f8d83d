// The approval window itself: password first when locked, the queue oldest first, blocking a
// site that keeps asking, and choosing which accounts to connect.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { approve, providerRequest, openApprovalPages, reject, rejectAndBlock, uiCommand, until, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, onboardByImport, TEST_PASSWORD } from './support/wallet.ts';

const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const fixtures = new URL(inject('fixturesUrl'));
const hex = (text: string) => `0x${Buffer.from(text).toString('hex')}`;

describe('the approval window (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let commands: Page;
  let added: { address: string };

  /** A dApp page on its own origin (each origin has its own grants and rejection count). */
  async function site(origin: string): Promise<Page> {
    const page = await chromium.context.newPage();
    await page.goto(`${origin}/dapp.html`);
    return page;
  }

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    commands = await onboardByImport(chromium);
  });
  afterAll(() => chromium?.close());

  it('asks for the password before it shows a request to a locked wallet', async () => {
    await uiCommand(commands, 'lock');
    const page = await site(`http://127.0.0.1:${fixtures.port}`);
    const pending = providerRequest(page, 'eth_requestAccounts');
    await until(async () => openApprovalPages(chromium.context).length === 1, 'the approval window');
    const [prompt] = openApprovalPages(chromium.context);
    await prompt.getByTestId('unlock-password').waitFor();
    expect(await prompt.getByTestId('approval-origin').count()).toBe(0);

    await prompt.getByTestId('unlock-password').fill('not the password');
    await prompt.getByTestId('unlock-submit').click();
    await expect.poll(() => prompt.getByTestId('unlock-error').textContent()).toMatch(/password is not right/);

    await prompt.getByTestId('unlock-password').fill(TEST_PASSWORD);
    await prompt.getByTestId('unlock-submit').click();
    expect(await prompt.getByTestId('approval-kind').textContent()).toBe('connect');
    expect(await prompt.getByTestId('approval-origin').textContent()).toBe(`http://127.0.0.1:${fixtures.port}`);
    await approve(prompt);
    expect(await pending).toEqual({ result: [ACCOUNT_0] });
  });

  it('shows the queue oldest first with a count, then closes itself once it is empty', async () => {
    const page = chromium.context.pages().find((p) => p.url().startsWith(`http://127.0.0.1:${fixtures.port}`))!;
    const first = providerRequest(page, 'personal_sign', [hex('first'), ACCOUNT_0]);
    const prompt = await waitForApproval(chromium.context, 'sign-message');
    const second = providerRequest(page, 'personal_sign', [hex('second'), ACCOUNT_0]);
    await expect.poll(() => prompt.getByTestId('approval-count').getAttribute('data-count')).toBe('2');
    expect(await prompt.getByTestId('approval-message').textContent()).toBe('first');

    await approve(prompt);
    await expect.poll(() => prompt.getByTestId('approval-message').textContent()).toBe('second');
    expect(await prompt.getByTestId('approval-count').getAttribute('data-count')).toBe('1');
    await reject(prompt);
    await until(async () => prompt.isClosed(), 'the window to close');

    expect((await first).result).toMatch(/^0x[0-9a-f]{130}$/);
    expect(await second).toMatchObject({ code: 4001 });
  });

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

  it('connects only the accounts the user ticks', async () => {
    added = await uiCommand<{ address: string }>(commands, 'accounts.add', { name: 'Second' });
    const page = await site(`http://localhost:${fixtures.port}`);
    const pending = providerRequest(page, 'eth_requestAccounts');
    const prompt = await waitForApproval(chromium.context, 'connect');
    await prompt.locator(`[data-testid="approval-account"][data-address="${ACCOUNT_0}"]`).uncheck();
    expect(await prompt.getByTestId('approval-approve').isDisabled()).toBe(true);
    await prompt.locator(`[data-testid="approval-account"][data-address="${added.address}"]`).check();
    await approve(prompt);
    expect(await pending).toEqual({ result: [added.address] });
  });

  it('offers to block a site rejected twice in a minute; a blocked site gets 4001 with no window', async () => {
    const page = chromium.context.pages().find((p) => p.url().startsWith(`http://localhost:${fixtures.port}`))!;
    for (const attempt of ['one', 'two']) {
      const pending = providerRequest(page, 'personal_sign', [hex(attempt), added.address]);
      const prompt = await waitForApproval(chromium.context, 'sign-message');
      expect(await prompt.getByTestId('approval-reject-block').count()).toBe(0);
      await reject(prompt);
      expect(await pending).toMatchObject({ code: 4001 });
    }
    const third = providerRequest(page, 'personal_sign', [hex('three'), added.address]);
    const prompt = await waitForApproval(chromium.context, 'sign-message');
    await rejectAndBlock(prompt);
    expect(await third).toMatchObject({ code: 4001 });

    expect(await providerRequest(page, 'personal_sign', [hex('four'), added.address])).toMatchObject({ code: 4001 });
    const state = await uiCommand<{ pendingApprovals: unknown[] }>(commands, 'state');
    expect(state.pendingApprovals).toEqual([]);
  });
});
