// How long a dApp waits to see its request: from the page's personal_sign call until the
// approval window (a new window each time) shows the decoded request; and from its
// eth_sendTransaction until the window shows the network fee (on a local anvil with chain id 1).
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../test/e2e/support/chromium.ts';
import { startOtherChain } from '../../test/e2e/support/other-chain.ts';
import { serveStatic } from '../../test/e2e/support/static-server.ts';
import { type BenchRow, median, round } from './stats.ts';

const PHRASE = 'test test test test test test test test test test test junk';
const ACCOUNT = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const REQUESTS = 20;
const FEE_REQUESTS = 10;

type Timed = { __shownAt?: number; __feeAt?: number; __askedAt?: number; __answer?: Promise<unknown> };

/** The approval window once it shows a request (wall-clock ms recorded by the page itself). */
async function shownAt(context: BrowserContext, what: 'request' | 'fee' = 'request'): Promise<{ page: Page; at: number }> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of context.pages().filter((p) => !p.isClosed() && p.url().endsWith('/approval.html'))) {
      const at = await page
        .evaluate((w) => (w === 'fee' ? (globalThis as Timed).__feeAt : (globalThis as Timed).__shownAt), what)
        .catch(() => undefined);
      if (at !== undefined) return { page, at };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the approval window did not show the request');
}

async function approveAndWaitClosed(page: Page): Promise<void> {
  const closed = page.waitForEvent('close', { timeout: 10_000 });
  await page.getByTestId('approval-approve').click();
  await closed;
}

export async function measureApprovalLatency(): Promise<BenchRow[]> {
  const server = await serveStatic({ '/': `${import.meta.dirname}/../../test/e2e/fixtures` });
  const wallet = await launchChromium();
  try {
    // Every approval page notes when the decoded request first appears, on the shared wall clock.
    await wallet.context.addInitScript(() => {
      if (location.pathname !== '/approval.html') return;
      const w = globalThis as Timed;
      new MutationObserver((_, observer) => {
        const now = performance.timeOrigin + performance.now();
        if (w.__shownAt === undefined && document.querySelector('[data-testid="approval-summary"]')) w.__shownAt = now;
        if (w.__feeAt === undefined && document.querySelector('[data-testid="approval-fee"]')) w.__feeAt = now;
        if (w.__shownAt !== undefined && w.__feeAt !== undefined) observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const ext = await wallet.context.newPage();
    await ext.goto(wallet.extensionUrl('popup.html'));
    const uiCall = (method: string, params: object) =>
      ext.evaluate(
        ({ method, params }) =>
          new Promise<void>((resolve) => {
            const { runtime } = (
              globalThis as unknown as {
                chrome: { runtime: { connect(o: object): { postMessage(m: object): void; onMessage: { addListener(cb: () => void): void } } } };
              }
            ).chrome;
            const port = runtime.connect({ name: 'sharekeep:ui' });
            port.onMessage.addListener(() => resolve());
            port.postMessage({ id: 1, method, params });
          }),
        { method, params },
      );
    await uiCall('onboarding.create', { secret: PHRASE, password: 'correct horse battery', jurisdiction: 'DE' });

    const dapp = await wallet.context.newPage();
    await dapp.goto(`${server.url}/blank.html`);
    const ask = (method: string, params: unknown[]) =>
      dapp.evaluate(
        ({ method, params }) => {
          const w = globalThis as unknown as Timed & { ethereum: { request(a: object): Promise<unknown> } };
          w.__askedAt = performance.timeOrigin + performance.now();
          w.__answer = w.ethereum.request({ method, params });
        },
        { method, params },
      );
    const answer = () => dapp.evaluate(() => (globalThis as Timed).__answer);

    await ask('eth_requestAccounts', []);
    await approveAndWaitClosed((await shownAt(wallet.context)).page);
    await answer();

    const times: number[] = [];
    for (let i = 0; i <= REQUESTS; i++) {
      await ask('personal_sign', [`0x${Buffer.from(`Bench message ${i}`).toString('hex')}`, ACCOUNT]);
      const { page, at } = await shownAt(wallet.context);
      const askedAt = await dapp.evaluate(() => (globalThis as Timed).__askedAt ?? 0);
      if (i > 0) times.push(at - askedAt); // the first also compiles the approval bundle
      await approveAndWaitClosed(page);
      await answer();
    }
    const shown = median(times);

    // A transaction: the window shows its fee, estimated before approval, from a node on this machine.
    const chain = await startOtherChain(1);
    const feeTimes: number[] = [];
    try {
      await uiCall('network.setRpcUrl', { chainId: 1, rpcUrl: chain.rpcUrl });
      for (let i = 0; i <= FEE_REQUESTS; i++) {
        await ask('eth_sendTransaction', [{ from: ACCOUNT, to: '0x000000000000000000000000000000000000dEaD', value: '0x1' }]);
        const { page, at } = await shownAt(wallet.context, 'fee');
        const askedAt = await dapp.evaluate(() => (globalThis as Timed).__askedAt ?? 0);
        if (i > 0) feeTimes.push(at - askedAt);
        await approveAndWaitClosed(page);
        await answer();
      }
    } finally {
      chain.process.kill('SIGKILL');
    }
    const withFee = median(feeTimes);
    return [
      {
        name: 'dApp personal_sign -> approval window shows it (median of 20)',
        value: round(shown),
        unit: 'ms',
        target: '< 300 ms',
        ok: shown < 300,
        note: 'a new window each time',
      },
      {
        name: `dApp eth_sendTransaction -> approval window shows its fee (median of ${FEE_REQUESTS})`,
        value: round(withFee),
        unit: 'ms',
        target: '< 250 ms',
        ok: withFee < 250,
        note: 'gas, fee history and simulation before the window; anvil on 127.0.0.1',
      },
    ];
  } finally {
    await wallet.close();
    await server.close();
  }
}
