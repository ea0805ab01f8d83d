// Receive in Firefox: the popup shows the selected address and a QR code that scans as it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { decodeQrPath } from './support/qr.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const user = deployment.accounts.find((a) => a.role === 'user')!.address;

/** Polls with evaluate (the page's CSP refuses waitForFunction's Function()). */
async function textOf(page: Page, testId: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = await page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? null, testId);
    if (text) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing showed ${testId}`);
}

describe('Firefox: receive', () => {
  let firefox: FirefoxWithExtension;
  let popup: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    // WebDriver may not open moz-extension URLs itself: the extension's own page goes there.
    await onboarding.evaluate(() => {
      location.href = '/popup.html#/receive';
    });
    popup = onboarding;
  });
  afterAll(() => firefox?.close());

  it('shows the address in full and a QR code that scans as that address', async () => {
    expect(await textOf(popup, 'receive-address')).toBe(user);
    const qr = await popup.evaluate(() => {
      const svg = document.querySelector('[data-testid="receive-qr"]');
      return { viewBox: svg?.getAttribute('viewBox') ?? '', path: svg?.querySelector('path')?.getAttribute('d') ?? '' };
    });
    expect(decodeQrPath(qr.viewBox, qr.path)).toBe(user);
  });
});
