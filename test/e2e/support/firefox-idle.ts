// Firefox runs an MV3 add-on's background as an event page, which it suspends once no event has
// reached it for `extensions.background.idle.timeout` ms (30 s by default), whether or not the
// add-on's pages are open; the next event starts a new one. Tests shorten the timeout to have
// Firefox itself stop the background, as it does for a user who leaves an approval open.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';

// Short enough to stop the background within the RPC transport's 15 s timeout (see below), long
// enough that the other steps (an approval armed after 0.8 s and clicked) finish before it.
export const IDLE_TIMEOUT_MS = 5_000;
export const idlePrefs = { 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS };

type IdlePort = { disconnect(): void; onDisconnect: { addListener(f: () => void): void } };
type ExtensionGlobal = {
  browser: { runtime: { getBackgroundPage(): Promise<Window>; connect(info: { name: string }): IdlePort } };
};

/** When the running background started (its performance.timeOrigin); asking starts a suspended one. */
export const backgroundStart = (page: Page): Promise<number> =>
  page.evaluate(async () => (await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage()).performance.timeOrigin);

/**
 * True once Firefox has suspended the background: a port that `page` opens to it and never uses
 * is disconnected. False when the background still runs after `withinMs`.
 */
export const backgroundSuspended = (page: Page, withinMs: number): Promise<boolean> =>
  page.evaluate(
    (ms) =>
      new Promise<boolean>((resolve) => {
        const port = (globalThis as unknown as ExtensionGlobal).browser.runtime.connect({ name: 'sharekeep:ui' });
        port.onDisconnect.addListener(() => resolve(true));
        setTimeout(() => {
          port.disconnect();
          resolve(false);
        }, ms);
      }),
    withinMs,
  );

/**
 * Waits, from the extension page `page`, for Firefox to suspend the background on its idle
 * timeout, and checks that the background running afterwards is a new one. The wait is shorter
 * than the RPC transport's 15 s timeout, so a background suspended while its fetch waited for the
 * node was suspended with that fetch still open, not after giving up on it.
 */
export async function idleOutBackground(page: Page, withinMs = 12_000): Promise<void> {
  const before = await backgroundStart(page);
  expect(await backgroundSuspended(page, withinMs), `the background to be suspended within ${withinMs} ms`).toBe(true);
  expect(await backgroundStart(page)).toBeGreaterThan(before);
}
