// One small page interface that both browsers' drivers fill, so a flow is written once and runs in
// Chromium (playwright-core) and Firefox ESR (puppeteer-core over WebDriver BiDi). Every wait is a
// poll with evaluate: over BiDi, puppeteer's waitForFunction and waitForSelector build their
// predicate with Function(), which the extension pages' CSP refuses.
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Browser, Page as PuppeteerPage } from 'puppeteer-core';
import type { ChromiumWithExtension } from './chromium.ts';

export interface UiPage {
  /** Runs `fn(arg)` in the page; `arg` and the result must be serialisable. */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Clicks the element once it exists. */
  click(selector: string): Promise<void>;
  /** Replaces an input's text, typed as a user types it. */
  fill(selector: string, value: string): Promise<void>;
  /** Picks the option of a `<select>` by value. */
  select(selector: string, value: string): Promise<void>;
  /** Takes this page to an extension path, e.g. `/popup.html#/send`. */
  open(path: string): Promise<void>;
  isClosed(): boolean;
  /** Saves a full-page screenshot (for SHAREKEEP_SHOTS). */
  screenshot(path: string): Promise<unknown>;
}

export interface UiBrowser {
  /** The open extension pages whose path is `path` (e.g. `/approval.html`). */
  extensionPages(path: string): Promise<UiPage[]>;
  /** A new tab showing a web page (a dApp) at `url`. */
  openSite(url: string): Promise<UiPage>;
  /** A new tab showing the extension page `path` (e.g. `/popup.html#/settings`), as a user opens one. */
  openExtensionTab(path: string): Promise<UiPage>;
}

export type RpcOutcome = { result?: unknown; code?: number; message?: string };

/** Calls window.ethereum.request on a dApp page; resolves with its result or its EIP-1193 error. */
export const providerCall = (page: UiPage, method: string, params?: unknown): Promise<RpcOutcome> =>
  page.evaluate(
    ([method, params]) =>
      window.ethereum!.request({ method, params }).then(
        (result) => ({ result }),
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      ),
    [method, params] as const,
  );

/** Sends one UI command from an extension page over the UI port, as the wallet's own pages do. */
export const uiCall = <T = unknown>(page: UiPage, method: string, params: Record<string, unknown> = {}): Promise<T> =>
  page.evaluate(
    ([method, params]) =>
      new Promise<T>((resolve, reject) => {
        type Port = {
          postMessage(m: unknown): void;
          disconnect(): void;
          onMessage: { addListener(f: (m: { id: number; result?: unknown; error?: { code?: string; message: string } }) => void): void };
        };
        type Runtime = { runtime: { connect(o: { name: string }): Port } };
        const g = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
        const port = (g.browser ?? g.chrome).runtime.connect({ name: 'sharekeep:ui' });
        port.onMessage.addListener((m) => {
          if (m.id !== 1) return;
          port.disconnect();
          if (m.error) reject(new Error(`${m.error.code ?? 'error'}: ${m.error.message}`));
          else resolve(m.result as T);
        });
        port.postMessage({ id: 1, method, params });
      }),
    [method, params] as const,
  );

/** CSS selector for a data-testid. */
export const byTestId = (id: string) => `[data-testid="${id}"]`;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives something other than null, undefined or false; returns that. */
export async function until<T>(check: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** The text of the first element matching `selector`, or null when there is none. */
export const textOf = (page: UiPage, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

/** An attribute of the first element matching `selector`, or null. */
export const attributeOf = (page: UiPage, selector: string, name: string) =>
  page.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const);

/** How many elements match `selector`. */
export const countOf = (page: UiPage, selector: string) => page.evaluate((s) => document.querySelectorAll(s).length, selector);

/** Waits until an element matches `selector`. */
export const waitFor = (page: UiPage, selector: string, timeoutMs = 20_000) =>
  until(async () => (await countOf(page, selector)) > 0, `${selector} to show`, timeoutMs);

/** Waits until `selector` shows text, and returns it. */
export const waitForText = (page: UiPage, selector: string, timeoutMs = 20_000) =>
  until(() => textOf(page, selector), `text in ${selector}`, timeoutMs);

/** Clicks the button `selector` once it takes a press (approval buttons arm after a moment). */
export async function clickWhenEnabled(page: UiPage, selector: string): Promise<void> {
  await waitFor(page, `${selector}:enabled`);
  await page.click(selector);
}

/** `wallet` is needed only to `open` extension paths. */
export function playwrightPage(page: PlaywrightPage, wallet?: ChromiumWithExtension): UiPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg),
    click: (selector) => page.click(selector),
    fill: (selector, value) => page.fill(selector, value),
    select: async (selector, value) => {
      await page.selectOption(selector, value);
    },
    open: async (path) => {
      if (!wallet) throw new Error('this page was wrapped without its wallet: it cannot open extension paths');
      await page.goto(wallet.extensionUrl(path));
    },
    isClosed: () => page.isClosed(),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
  };
}

export function playwrightBrowser(wallet: ChromiumWithExtension): UiBrowser {
  return {
    extensionPages: async (path) =>
      wallet.context
        .pages()
        .filter((page) => !page.isClosed() && page.url().startsWith(wallet.extensionUrl(path)))
        .map((page) => playwrightPage(page, wallet)),
    openSite: async (url) => {
      const page = await wallet.context.newPage();
      await page.goto(url);
      return playwrightPage(page, wallet);
    },
    openExtensionTab: async (path) => {
      const page = await wallet.context.newPage();
      await page.goto(wallet.extensionUrl(path));
      return playwrightPage(page, wallet);
    },
  };
}

export function puppeteerPage(page: PuppeteerPage): UiPage {
  const ui: UiPage = {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    click: async (selector) => {
      await waitFor(ui, selector);
      await page.click(selector);
    },
    fill: async (selector, value) => {
      await waitFor(ui, selector);
      await page.$eval(selector, (el) => {
        const input = el as HTMLInputElement;
        input.focus();
        input.setSelectionRange(0, input.value.length);
      });
      if (value === '') await page.keyboard.press('Backspace');
      else await page.keyboard.type(value);
    },
    select: async (selector, value) => {
      await waitFor(ui, selector);
      await page.select(selector, value);
    },
    open: async (path) => {
      // WebDriver may not open moz-extension URLs itself: the extension's own page goes there.
      await page.evaluate((to) => {
        location.href = to;
      }, path);
      await until(
        () => page.evaluate((to) => location.pathname + location.hash === to && document.readyState === 'complete', path),
        `the page to show ${path}`,
      );
    },
    isClosed: () => page.isClosed(),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
  };
  return ui;
}

export function puppeteerBrowser(browser: Browser): UiBrowser {
  /** The open pages that are extension pages at `path` (any path when none is given). */
  async function pagesAt(path?: string): Promise<PuppeteerPage[]> {
    const found: PuppeteerPage[] = [];
    for (const page of await browser.pages()) {
      // Puppeteer over BiDi reports extension pages as about:blank: each page is asked where it is.
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && (path === undefined || new URL(href).pathname === path)) found.push(page);
    }
    return found;
  }
  type Marked = { sharekeepSeen?: boolean };
  return {
    extensionPages: async (path) => (await pagesAt(path)).map(puppeteerPage),
    openSite: async (url) => {
      const page = await browser.newPage();
      await page.goto(url);
      return puppeteerPage(page);
    },
    openExtensionTab: async (path) => {
      // WebDriver may not open moz-extension URLs itself: an extension page asks for the tab, as the
      // wallet's own pages do, and the new tab is the one at that path not yet marked as seen.
      const [opener] = await pagesAt();
      if (!opener) throw new Error('no extension page is open to open another');
      const pathname = new URL(path, 'moz-extension://x').pathname;
      for (const page of await pagesAt(pathname)) await page.evaluate(() => ((window as Marked).sharekeepSeen = true));
      await opener.evaluate(
        (to) => (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser.tabs.create({ url: to }),
        path,
      );
      const page = await until(async () => {
        for (const candidate of await pagesAt(pathname)) {
          const fresh = await candidate.evaluate(() => !(window as Marked).sharekeepSeen && document.readyState === 'complete');
          if (fresh) return candidate;
        }
        return null;
      }, `a new tab at ${path}`);
      return puppeteerPage(page);
    },
  };
}
