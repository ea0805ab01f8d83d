// Driving the approval window in Chromium: find it when a request arrives, read it, decide.
import type { BrowserContext, Page } from 'playwright-core';

interface UiPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: { id?: number; result?: unknown; error?: { code: string; message: string } }) => void): void };
}
type ExtensionGlobal = { chrome: { runtime: { connect(info: { name: string }): UiPort } } };

export type RpcOutcome = { result?: unknown; code?: number; message?: string };

/** Calls window.ethereum.request on a dApp page; resolves with its result or its EIP-1193 error. */
export function providerRequest(page: Page, method: string, params?: unknown): Promise<RpcOutcome> {
  return page.evaluate(
    ({ method, params }) =>
      window.ethereum!.request({ method, params }).then(
        (result) => ({ result }),
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      ),
    { method, params },
  );
}

/** Sends one UI command from an extension page, as the wallet's own pages do. */
export async function uiCommand<T = unknown>(page: Page, method: string, params: Record<string, unknown> = {}): Promise<T> {
  return page.evaluate(
    ({ method, params }) =>
      new Promise<T>((resolve, reject) => {
        const port = (globalThis as unknown as ExtensionGlobal).chrome.runtime.connect({ name: 'sharekeep:ui' });
        port.onMessage.addListener((msg) => {
          if (msg.id !== 1) return;
          port.disconnect();
          if (msg.error) reject(new Error(`${msg.error.code}: ${msg.error.message}`));
          else resolve(msg.result as T);
        });
        port.postMessage({ id: 1, method, params });
      }),
    { method, params },
  );
}

const isApprovalPage = (page: Page) => !page.isClosed() && page.url().includes('/approval.html');

/**
 * The approval window once it shows a request of `kind` (and origin, when given). The window
 * closes itself between requests, so this looks at every open approval page until one matches.
 */
export async function waitForApproval(context: BrowserContext, kind: string, options: { origin?: string; timeoutMs?: number } = {}): Promise<Page> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    for (const page of context.pages().filter(isApprovalPage)) {
      const shown = await page
        .evaluate(() => ({
          kind: document.querySelector('[data-testid="approval-kind"]')?.textContent ?? null,
          origin: document.querySelector('[data-testid="approval-origin"]')?.textContent ?? null,
        }))
        .catch(() => null);
      if (shown?.kind === kind && (options.origin === undefined || shown.origin === options.origin)) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no approval window showed a ${kind} request`);
}

/** The open approval pages right now (none once the queue is empty and the window closed itself). */
export const openApprovalPages = (context: BrowserContext) => context.pages().filter(isApprovalPage);

/** Clicks a decision and waits until the window has moved past that request (next one, or closed). */
async function decide(page: Page, testId: string): Promise<void> {
  const shownId = () => page.getByTestId('approval-request').getAttribute('data-approval-id', { timeout: 1_000 });
  const id = await shownId();
  await page.getByTestId(testId).click();
  await until(async () => page.isClosed() || (await shownId().catch(() => null)) !== id, 'the window to move past the request');
}

export const approve = (page: Page) => decide(page, 'approval-approve');
export const reject = (page: Page) => decide(page, 'approval-reject');
export const rejectAndBlock = (page: Page) => decide(page, 'approval-reject-block');

/** Polls until check() resolves truthy (for hooks, where expect.poll is not allowed). */
export async function until(check: () => Promise<unknown>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
