// Hardening (issue 10) in Firefox: the extension pages freeze their built-ins before their own
// code runs (see lockdown-chromium.test.ts); the pages still work.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';

/** What a script in the page finds, once the page's lockdown has run. */
async function probe(page: Page) {
  for (let i = 0; i < 100; i++) {
    if (await page.evaluate(() => typeof (globalThis as { harden?: unknown }).harden === 'function')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return page.evaluate(() => {
    const frozen = [Object.prototype, Array.prototype, Function.prototype, Promise.prototype, JSON, Uint8Array.prototype].every(Object.isFrozen);
    let poisoned = true;
    try {
      (Array.prototype as unknown as { push: unknown }).push = () => 0;
      poisoned = [].push.toString().includes('=> 0');
    } catch {
      poisoned = false;
    }
    return { frozen, poisoned };
  });
}

describe('extension pages lock down their built-ins (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    page = await extensionPage(firefox.browser, '/onboarding.html');
  });
  afterAll(() => firefox?.close());

  it('onboarding: prototypes are frozen and a page script cannot poison them', async () => {
    expect(await probe(page)).toEqual({ frozen: true, poisoned: false });
  });

  it('popup: prototypes are frozen and a page script cannot poison them', async () => {
    await page.evaluate(() => {
      location.href = '/popup.html';
    });
    for (let i = 0; i < 100 && !(await page.evaluate(() => location.pathname).catch(() => '')).endsWith('/popup.html'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await probe(page)).toEqual({ frozen: true, poisoned: false });
  });
});
