// Driving the wallet's pages in Firefox (puppeteer-core over WebDriver BiDi). Extension pages are
// polled with page.evaluate, never waitForFunction: over BiDi that builds its predicate with
// Function(), which the extension pages' CSP refuses.
import type { Browser, Page } from 'puppeteer-core';

export type Outcome = { result?: unknown; code?: number; message?: string };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls window.ethereum.request on a page; resolves with its result or its EIP-1193 error. */
export function startRequest(page: Page, method: string, params?: unknown): Promise<Outcome> {
  return page.evaluate(
    (method, params) =>
      window.ethereum!.request({ method, params }).then(
        (result) => ({ result }),
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      ),
    method,
    params,
  );
}

/**
 * The extension page at `path`, once it exists. Puppeteer over BiDi reports extension pages as
 * about:blank, so each page is asked where it really is.
 */
export async function extensionPage(browser: Browser, path: string): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === path) return page;
    }
    await pause(100);
  }
  throw new Error(`no extension page ${path}`);
}

/** The approval window once it shows a request of `kind` (the window closes itself between requests, so every page is asked). */
export async function approvalShowing(browser: Browser, kind: string): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const shown = await page
        .evaluate(() =>
          location.pathname === '/approval.html' ? (document.querySelector('[data-testid="approval-kind"]')?.textContent ?? null) : null,
        )
        .catch(() => null);
      if (shown === kind) return page;
    }
    await pause(100);
  }
  throw new Error(`no approval window showed a ${kind} request`);
}

/** Polls the approval window until it shows a request of `kind`. */
export async function waitForKind(page: Page, kind: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const shown = await page.evaluate(() => document.querySelector('[data-testid="approval-kind"]')?.textContent ?? null);
    if (shown === kind) return;
    await pause(100);
  }
  throw new Error(`the approval window did not show a ${kind} request`);
}

/**
 * Polls until the button `testId` takes a press: approval buttons are held disabled for a moment
 * after each request appears, so a click meant for what was there before cannot decide it.
 */
export async function waitForEnabled(page: Page, testId = 'approval-approve'): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const enabled = await page.evaluate((id) => {
      const button = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`);
      return button !== null && !button.disabled;
    }, testId);
    if (enabled) return;
    await pause(100);
  }
  throw new Error(`the ${testId} button never became enabled`);
}

/**
 * Waits for the approval window to show a request of `kind`, lets `look` read or change it, then
 * clicks approve; returns the origin shown and what `look` returned.
 */
export async function approveLooking<T = undefined>(
  browser: Browser,
  kind: string,
  look?: (page: Page) => Promise<T>,
): Promise<{ origin: string; seen?: T }> {
  // The window closes itself between requests: a page found while closing is looked for again.
  for (let attempt = 0; ; attempt++) {
    try {
      const page = await extensionPage(browser, '/approval.html');
      await waitForKind(page, kind);
      const origin = await page.$eval('[data-testid="approval-origin"]', (el) => el.textContent ?? '');
      const seen = await look?.(page);
      await waitForEnabled(page);
      await page.click('[data-testid="approval-approve"]');
      return { origin, seen };
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** Waits for the approval window to show a request of `kind`, then clicks approve; returns the origin shown. */
export async function approveIn(browser: Browser, kind: string): Promise<string> {
  return (await approveLooking(browser, kind)).origin;
}

/** Sends one UI command from an extension page over the UI port, as the wallet's own pages do. */
export function firefoxUiCommand<T = unknown>(page: Page, method: string, params: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(
    (method, params) =>
      new Promise<T>((resolve, reject) => {
        type Port = {
          postMessage(m: unknown): void;
          disconnect(): void;
          onMessage: { addListener(f: (m: { id: number; result?: unknown; error?: { code?: string; message: string } }) => void): void };
        };
        const port = (globalThis as unknown as { browser: { runtime: { connect(o: { name: string }): Port } } }).browser.runtime.connect({
          name: 'sharekeep:ui',
        });
        port.onMessage.addListener((m) => {
          if (m.id !== 1) return;
          port.disconnect();
          if (m.error) reject(new Error(`${m.error.code ?? 'error'}: ${m.error.message}`));
          else resolve(m.result as T);
        });
        port.postMessage({ id: 1, method, params });
      }),
    method,
    params,
  );
}

/** Opens the extension page `path` (e.g. `/popup.html#/activity`) in a new tab, from the extension page `from`, as the user opens the popup. */
export async function openExtensionTab(browser: Browser, from: Page, path: string): Promise<Page> {
  const known = new Set(await browser.pages());
  // WebDriver may not open moz-extension URLs itself: the extension's own page asks for the tab.
  await from.evaluate(async (url) => {
    await (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url });
  }, path);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (known.has(page)) continue;
      const ready = await page
        .evaluate((p) => location.pathname + location.hash === p && document.readyState === 'complete', path)
        .catch(() => false);
      if (ready) return page;
    }
    await pause(100);
  }
  throw new Error(`no tab showed ${path}`);
}
