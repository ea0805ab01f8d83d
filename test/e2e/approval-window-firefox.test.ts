// The approval window in Firefox, as in Chromium: the password first when locked, the queue oldest
// first, choosing which accounts to connect and blocking a site that keeps asking
// (support/approval-window-flows.ts); and (security issue #7) a double click on Sign approves that
// request only, not the 1 ETH transfer queued behind it.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { approvalWindowFlows } from './support/approval-window-flows.ts';
import { providerCall, puppeteerBrowser, puppeteerPage, type UiPage, until } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand, waitForEnabled } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const hex = (text: string) => `0x${Buffer.from(text).toString('hex')}`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the approval window in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof approvalWindowFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: TEST_PHRASE,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    const browser = puppeteerBrowser(firefox.browser);
    flows = approvalWindowFlows({ browser, commands: puppeteerPage(onboarding), fixturesUrl: inject('fixturesUrl') });
  });
  afterAll(() => firefox?.close());

  it('asks for the password before it shows a request to a locked wallet', () => flows.locked());

  it('shows the queue oldest first with a count, then closes itself once it is empty', () => flows.queue());

  it('a double click on Sign approves that request only, not the 1 ETH transfer queued behind it', async () => {
    const dapp: UiPage = await flows.site();
    const signing = providerCall(dapp, 'personal_sign', [hex('double click'), ACCOUNT_0]);
    const prompt = await extensionPage(firefox.browser, '/approval.html');
    const read = () =>
      prompt.evaluate(() => ({
        kind: document.querySelector('[data-testid="approval-kind"]')?.textContent ?? null,
        id: document.querySelector('[data-testid="approval-request"]')?.getAttribute('data-approval-id') ?? null,
        count: document.querySelector('[data-testid="approval-count"]')?.getAttribute('data-count') ?? null,
      }));
    await until(async () => (await read()).kind === 'sign-message', 'the signing request');
    const signId = (await read()).id;
    let transferAnswered = false;
    const transfer = providerCall(dapp, 'eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0xde0b6b3a7640000' }]).then((outcome) => {
      transferAnswered = true;
      return outcome;
    });
    await until(async () => (await read()).count === '2', 'the transfer queued behind it');
    await waitForEnabled(prompt);
    const centre = () =>
      prompt.$eval('[data-testid="approval-approve"]', (el) => {
        el.scrollIntoView({ block: 'center' });
        const box = el.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      });

    const first = await centre();
    await prompt.mouse.click(first.x, first.y);
    const clickedAt = Date.now();
    // The second click of the double click lands once the transfer is on screen, where its approve button is.
    await until(async () => {
      const shown = await read();
      return shown.id !== signId && shown.kind === 'transaction';
    }, 'the next request');
    const second = await centre();
    await prompt.mouse.click(second.x, second.y, { count: 2 });
    // The premise: both clicks fall within one double-click interval.
    expect(Date.now() - clickedAt).toBeLessThan(500);

    expect((await signing).result).toMatch(/^0x[0-9a-f]{130}$/);
    // Longer than the arm delay: the transfer is still waiting, and nothing is left to fire later.
    await pause(1_500);
    expect(transferAnswered).toBe(false);
    expect(await read()).toMatchObject({ kind: 'transaction', count: '1' });
    await waitForEnabled(prompt, 'approval-reject');
    await prompt.click('[data-testid="approval-reject"]');
    expect(await transfer).toMatchObject({ code: 4001 });
  });

  it('connects only the accounts the user ticks', () => flows.accountChoice());

  it('offers to block a site rejected twice in a minute; a blocked site gets 4001 with no window', () => flows.blockingASite());
});
