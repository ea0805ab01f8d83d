// A page whose own scripts attack the provider channel (issue 10, items 17 and 18/6), in Firefox:
// the same attacks as in Chromium (support/hostile-page.ts). Forged answers and raw frames reusing
// an id in flight must not answer the real request; the user's decision does.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { until } from './support/approval-window.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approvalShowing, extensionPage, firefoxUiCommand, waitForEnabled } from './support/firefox-pages.ts';
import { CHANNELS, forgeAnswers, rawAnswers, rawRequest, realOutcome, reuseRawId } from './support/hostile-page.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

async function decide(page: Page, testId: 'approval-approve' | 'approval-reject'): Promise<void> {
  await waitForEnabled(page, testId);
  await page.click(`[data-testid="${testId}"]`);
}

describe('a hostile page in Firefox', () => {
  let firefox: FirefoxWithExtension;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: TEST_PHRASE,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    page = await firefox.browser.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => firefox?.close());

  it('cannot answer a request in flight with forged messages, whatever id it uses', async () => {
    await page.evaluate(forgeAnswers, CHANNELS);
    const approval = await approvalShowing(firefox.browser, 'connect');
    expect(await page.evaluate(realOutcome)).toBeUndefined();
    await decide(approval, 'approval-reject');
    await until(async () => (await page.evaluate(realOutcome))?.code === 4001, "the user's rejection to reach the page");
    expect(await page.evaluate(realOutcome)).toMatchObject({ code: 4001 });
  });

  it('gets -32600 for a raw request reusing an id in flight, and the first request keeps its own answer', async () => {
    await page.reload(); // without the previous test's forger
    await page.evaluate(rawRequest, CHANNELS);
    const approval = await approvalShowing(firefox.browser, 'connect');
    await page.evaluate(reuseRawId, CHANNELS);
    await until(async () => (await page.evaluate(rawAnswers)).length >= 1, 'the answer to the reused id');
    expect(await page.evaluate(rawAnswers)).toEqual([{ code: -32600 }]);
    await decide(approval, 'approval-approve');
    const both = [{ code: -32600 }, { result: [ACCOUNT_0] }];
    await until(async () => (await page.evaluate(rawAnswers)).length >= 2, 'the answer to the approved request');
    expect(await page.evaluate(rawAnswers)).toEqual(both);
  });
});
