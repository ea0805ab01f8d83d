// Receive in Firefox: the popup shows the selected address and a QR code that scans as it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { decodeQrPath } from './support/qr.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const user = deployment.accounts.find((a) => a.role === 'user')!.address;

/** The onboarding page the add-on opens at install: Puppeteer over BiDi reports it as about:blank. */
async function onboardingPage(firefox: FirefoxWithExtension): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await firefox.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === '/onboarding.html') return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the onboarding page never opened');
}

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
    const onboarding = await onboardingPage(firefox);
    await onboarding.evaluate(
      (secret, password) =>
        new Promise<void>((resolve, reject) => {
          type Port = {
            postMessage(m: unknown): void;
            onMessage: { addListener(f: (m: { id: number; error?: { message: string } }) => void): void };
          };
          const port = (globalThis as unknown as { browser: { runtime: { connect(o: { name: string }): Port } } }).browser.runtime.connect({
            name: 'sharekeep:ui',
          });
          port.onMessage.addListener((m) => (m.id !== 1 ? undefined : m.error ? reject(new Error(m.error.message)) : resolve()));
          port.postMessage({ id: 1, method: 'onboarding.create', params: { secret, password, jurisdiction: 'DE', replaceExisting: true } });
        }),
      deployment.mnemonic,
      TEST_PASSWORD,
    );
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
