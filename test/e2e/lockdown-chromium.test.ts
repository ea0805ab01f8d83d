// Hardening (issue 10): every extension page freezes its built-ins before its own code runs, so
// no library it loads can rewrite a prototype the rest relies on; the pages still work.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { providerRequest, reject, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport } from './support/wallet.ts';

describe('extension pages lock down their built-ins (Chromium)', () => {
  let chromium: ChromiumWithExtension;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
  });
  afterAll(() => chromium?.close());

  /** What a script in the page finds: frozen built-ins, and whether it could replace Array.prototype.push. */
  async function probe(page: Page) {
    await page.waitForFunction(() => typeof (globalThis as { harden?: unknown }).harden === 'function');
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

  it.each(['popup.html', 'onboarding.html'])('%s: prototypes are frozen and a page script cannot poison them', async (path) => {
    const page = await chromium.context.newPage();
    await page.goto(chromium.extensionUrl(path));
    expect(await probe(page)).toEqual({ frozen: true, poisoned: false });
    await page.close();
  });

  it('the approval window: prototypes are frozen while it shows a request', async () => {
    await onboardByImport(chromium);
    const dapp = await chromium.context.newPage();
    await dapp.goto(`${inject('fixturesUrl')}/dapp.html`);
    const asked = providerRequest(dapp, 'eth_requestAccounts');
    const window = await waitForApproval(chromium.context, 'connect');
    expect(await probe(window)).toEqual({ frozen: true, poisoned: false });
    await reject(window);
    expect((await asked).code).toBe(4001);
  });

  it('the service worker is not locked down (its start-up budget), and still runs', async () => {
    expect(await chromium.serviceWorker.evaluate(() => Object.isFrozen(Object.prototype))).toBe(false);
  });
});
