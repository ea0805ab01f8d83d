// Rows for the wallet itself: unlock time (the real 600k-round KDF in Chromium's WebCrypto),
// the popup's first account render while unlocked, the worker's start-up over restarts, and
// the devnet's start.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startDevnet } from '../../devnet/index.ts';
import { launchChromium } from '../../test/e2e/support/chromium.ts';
import { fuzzInPage } from '../../test/e2e/support/fuzz.ts';
import { serveStatic } from '../../test/e2e/support/static-server.ts';
import { type BenchRow, median, round } from './stats.ts';
import { serviceWorkerHeapMb } from './worker-heap.ts';

const PHRASE = 'test test test test test test test test test test test junk';
const PASSWORD = 'correct horse battery';

/** Sends one UI command from an extension page and returns how long it took in the page's clock. */
function timedCommand(page: Page, method: string, params: Record<string, unknown>): Promise<number> {
  return page.evaluate(
    ({ method, params }) =>
      new Promise<number>((resolve, reject) => {
        const { runtime } = (
          globalThis as unknown as {
            chrome: {
              runtime: {
                connect(o: object): {
                  postMessage(m: object): void;
                  disconnect(): void;
                  onMessage: { addListener(cb: (m: { error?: unknown }) => void): void };
                };
              };
            };
          }
        ).chrome;
        const port = runtime.connect({ name: 'sharekeep:ui' });
        const start = performance.now();
        port.onMessage.addListener((m) => {
          const took = performance.now() - start;
          port.disconnect();
          if (m.error) reject(new Error(JSON.stringify(m.error)));
          else resolve(took);
        });
        port.postMessage({ id: 1, method, params });
      }),
    { method, params },
  );
}

/** Milliseconds from navigation start until the popup shows the selected account. */
async function popupAccountRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForSelector('[data-testid="account-address"]');
  return page.evaluate(() => (globalThis as unknown as { __accountShownAt?: number }).__accountShownAt ?? -1);
}

export async function measureWallet(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const debuggingPort = 9300 + Math.floor(Math.random() * 500);
  const wallet = await launchChromium(undefined, [`--remote-debugging-port=${debuggingPort}`]);
  try {
    const ext = await wallet.context.newPage();
    await ext.goto(wallet.extensionUrl('popup.html'));
    await timedCommand(ext, 'onboarding.create', { secret: PHRASE, password: PASSWORD, jurisdiction: 'DE' });

    const unlocks: number[] = [];
    for (let i = 0; i < 5; i++) {
      await timedCommand(ext, 'lock', {});
      unlocks.push(await timedCommand(ext, 'unlock', { password: PASSWORD }));
    }
    rows.push({ name: 'unlock (PBKDF2 600k + AES-GCM, median of 5)', value: round(median(unlocks)), unit: 'ms' });

    await wallet.context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('[data-testid="account-address"]')) {
          (globalThis as unknown as { __accountShownAt?: number }).__accountShownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const renders: number[] = [];
    const popup = await wallet.context.newPage();
    await popupAccountRender(popup, wallet.extensionUrl('popup.html')); // warm: compiles the bundle, fills the cache
    for (let i = 0; i < 10; i++) renders.push(await popupAccountRender(popup, wallet.extensionUrl('popup.html')));
    const render = median(renders);
    rows.push({
      name: 'popup shows the account while unlocked (median of 10)',
      value: round(render),
      unit: 'ms',
      target: '< 150 ms',
      ok: render < 150,
    });

    // Worker start-up over restarts: stop it, wake it with a popup, read its own clock.
    const cdp = await wallet.context.newCDPSession(ext);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await new Promise((r) => setTimeout(r, 300));
      const woke = wallet.context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => undefined);
      await popup.goto(wallet.extensionUrl('popup.html'));
      const worker = (await woke) ?? wallet.context.serviceWorkers()[0];
      const ready = await worker.evaluate(() => (globalThis as { sharekeepReadyMs?: number }).sharekeepReadyMs ?? -1).catch(() => -1);
      if (ready >= 0) starts.push(ready);
    }
    if (starts.length) {
      const ready = median(starts);
      rows.push({
        name: `service worker ready after a restart (median of ${starts.length})`,
        value: round(ready),
        unit: 'ms',
        target: '< 100 ms',
        ok: ready < 100,
      });
    }

    // The worker's heap after a page throws 5,000 hostile requests at the provider.
    const fixtures = await serveStatic({ '/': join(import.meta.dirname, '../../test/e2e/fixtures') });
    try {
      const dapp = await wallet.context.newPage();
      await dapp.goto(`${fixtures.url}/dapp.html`);
      await dapp.evaluate('globalThis.__name = (f) => f'); // tsx names functions with a helper the page lacks
      const tally = await dapp.evaluate(fuzzInPage, { count: 5_000, seed: 7, connected: false });
      const heap = await serviceWorkerHeapMb(debuggingPort, wallet.extensionId);
      rows.push({
        name: 'service worker heap after 5,000 fuzzed requests',
        value: round(heap),
        unit: 'MB',
        target: '< 10 MB',
        ok: heap < 10,
        note: `${tally.results + tally.errors} answered`,
      });
    } finally {
      await fixtures.close();
    }
  } finally {
    await wallet.close();
  }

  const t0 = performance.now();
  const devnet = await startDevnet({ quiet: true });
  const devnetMs = performance.now() - t0;
  await devnet.stop();
  rows.push({
    name: 'devnet start (anvil + deploy + issuer + dApp; compile cached)',
    value: round(devnetMs / 1000),
    unit: 's',
    target: '< 15 s',
    ok: devnetMs < 15_000,
  });
  return rows;
}
