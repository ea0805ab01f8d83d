// Issue 5, done-when: in Firefox a site connects and gets one signature that recovers.
// Issue 14: the network fee shows before approval and the speed picked is the fee mined.
import type { Browser, Page } from 'puppeteer-core';
import { type Address, type Hex, parseGwei, recoverMessageAddress } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const dappUrl = `${inject('fixturesUrl')}/dapp.html`;

type Outcome = { result?: unknown; code?: number };

function startRequest(page: Page, method: string, params?: unknown): Promise<Outcome> {
  return page.evaluate(
    (method, params) =>
      window.ethereum!.request({ method, params }).then(
        (result) => ({ result }),
        (e: { code: number }) => ({ code: e.code }),
      ),
    method,
    params,
  );
}

/**
 * The extension page at `path`, once it exists. Puppeteer over BiDi reports extension pages as
 * about:blank, so each page is asked where it really is.
 */
async function extensionPage(browser: Browser, path: string): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://') && new URL(href).pathname === path) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no extension page ${path}`);
}

/**
 * Polls the approval window until it shows a request of `kind`. Not waitForFunction: over BiDi
 * that builds its predicate with Function(), which the extension page's CSP refuses.
 */
async function waitForKind(page: Page, kind: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const shown = await page.evaluate(() => document.querySelector('[data-testid="approval-kind"]')?.textContent ?? null);
    if (shown === kind) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the approval window did not show a ${kind} request`);
}

/**
 * Polls until the approve button takes a press: it is held disabled for a moment after each
 * request appears, so a click meant for what was there before cannot approve it.
 */
async function waitForApproveEnabled(page: Page): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const enabled = await page.evaluate(() => {
      const button = document.querySelector<HTMLButtonElement>('[data-testid="approval-approve"]');
      return button !== null && !button.disabled;
    });
    if (enabled) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the approve button never became enabled');
}

/**
 * Waits for the approval window to show a request of `kind`, lets `look` read or change it, then
 * clicks approve; returns the origin shown and what `look` returned.
 */
async function approveIn<T = undefined>(browser: Browser, kind: string, look?: (page: Page) => Promise<T>): Promise<{ origin: string; seen?: T }> {
  // The window closes itself between requests: a page found while closing is looked for again.
  for (let attempt = 0; ; attempt++) {
    try {
      const page = await extensionPage(browser, '/approval.html');
      await waitForKind(page, kind);
      const origin = await page.$eval('[data-testid="approval-origin"]', (el) => el.textContent ?? '');
      const seen = await look?.(page);
      await waitForApproveEnabled(page);
      await page.click('[data-testid="approval-approve"]');
      return { origin, seen };
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

describe('a site in Firefox connects and signs through Sharekeep', () => {
  let firefox: FirefoxWithExtension;
  let dapp: Page;
  let onboarding: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    onboarding = await extensionPage(firefox.browser, '/onboarding.html');
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
    dapp = await firefox.browser.newPage();
    await dapp.goto(dappUrl);
  });
  afterAll(async () => {
    await devnetClients(deployment).testClient.setAutomine(true);
    await firefox?.close();
  });

  it('connects after the user approves in the approval window, which names the site', async () => {
    const pending = startRequest(dapp, 'eth_requestAccounts');
    expect((await approveIn(firefox.browser, 'connect')).origin).toBe(new URL(dappUrl).origin);
    expect(await pending).toEqual({ result: [user] });
  });

  it('signs a personal_sign message whose signature recovers to the account', async () => {
    const message = 'Sign in to the e2e dApp on Firefox';
    const pending = startRequest(dapp, 'personal_sign', [`0x${Buffer.from(message).toString('hex')}`, user]);
    await approveIn(firefox.browser, 'sign-message');
    const { result } = await pending;
    expect(await recoverMessageAddress({ message, signature: result as Hex })).toBe(user);
  });

  it('shows the network fee before approval, and the mined transaction carries the "fast" caps and gas limit shown', async () => {
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: privateKeyToAccount(generatePrivateKey()).address, value: '0x1' }]);
    const { seen } = await approveIn(firefox.browser, 'transaction', async (page) => {
      expect(await page.$eval('[data-testid="approval-fee"]', (el) => el.textContent)).toMatch(/^At most 0\.\d+ ETH$/);
      await page.select('[data-testid="fee-speed"]', 'fast');
      const fee = await page.$eval('[data-testid="approval-fee"]', (el) => ({ ...(el as HTMLElement).dataset }));
      expect(fee.speed).toBe('fast');
      return fee;
    });
    const { result } = await pending;
    const mined = await devnetClients(deployment).publicClient.waitForTransactionReceipt({ hash: result as Hex });
    const tx = await devnetClients(deployment).publicClient.getTransaction({ hash: mined.transactionHash });
    expect(tx.maxFeePerGas).toBe(parseGwei(seen!.maxFeeGwei!));
    expect(tx.maxPriorityFeePerGas).toBe(parseGwei(seen!.priorityFeeGwei!));
    expect(tx.gas).toBe(BigInt(seen!.gasLimit!));
  });

  it('speeds up a transaction stuck with automine off from Activity, and Activity follows the one mined', async () => {
    const { publicClient, testClient } = devnetClients(deployment);
    await testClient.setAutomine(false);
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: privateKeyToAccount(generatePrivateKey()).address, value: '0x1' }]);
    await approveIn(firefox.browser, 'transaction', (page) => page.select('[data-testid="fee-speed"]', 'slow'));
    const stuck = (await pending).result as Hex;
    // Read before the replacement: the node's pool drops the transaction it replaces.
    const before = await publicClient.getTransaction({ hash: stuck });
    // The onboarding tab becomes the popup, opened on Activity.
    await onboarding.evaluate(() => {
      location.href = '/popup.html#/activity';
    });
    const row = (hash: string) => `[data-testid="activity-row"][data-hash="${hash}"]`;
    await poll(onboarding, `${row(stuck)}[data-status="pending"] [data-testid="activity-speed-up"]`);
    await onboarding.click(`${row(stuck)} [data-testid="activity-speed-up"]`);
    expect((await approveIn(firefox.browser, 'transaction')).origin).toBe('Sharekeep');
    const replaced = await poll(onboarding, '[data-testid="activity-row"][data-status="pending"] [data-testid="activity-replaced"]', (el) =>
      el.closest('[data-testid="activity-row"]')?.getAttribute('data-hash'),
    );
    expect(replaced).not.toBe(stuck);
    const after = await publicClient.getTransaction({ hash: replaced as Hex });
    expect(after.nonce).toBe(before.nonce);
    expect(after.maxFeePerGas! * 10n >= before.maxFeePerGas! * 11n).toBe(true);
    await testClient.mine({ blocks: 1 });
    await poll(onboarding, `${row(replaced!)}[data-status="confirmed"]`);
  });

  it('cancels another stuck transaction from Activity: a 0-value transfer to oneself is mined and the row says cancelled', async () => {
    const { publicClient, testClient } = devnetClients(deployment);
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: privateKeyToAccount(generatePrivateKey()).address, value: '0x1' }]);
    await approveIn(firefox.browser, 'transaction', (page) => page.select('[data-testid="fee-speed"]', 'slow'));
    const stuck = (await pending).result as Hex;
    const row = `[data-testid="activity-row"][data-hash="${stuck}"]`;
    await poll(onboarding, `${row}[data-status="pending"] [data-testid="activity-cancel"]`);
    await onboarding.click(`${row} [data-testid="activity-cancel"]`);
    await approveIn(firefox.browser, 'transaction');
    const cancel = await poll(onboarding, '[data-testid="activity-row"][data-status="pending"] [data-testid="activity-replaced"]', (el) =>
      el.closest('[data-testid="activity-row"]')?.getAttribute('data-hash'),
    );
    const sent = await publicClient.getTransaction({ hash: cancel as Hex });
    expect([sent.to?.toLowerCase(), sent.value]).toEqual([user.toLowerCase(), 0n]);
    await testClient.mine({ blocks: 1 });
    await poll(onboarding, `[data-testid="activity-row"][data-hash="${cancel}"][data-status="cancelled"]`);
  });
});

/** Polls `page` until `selector` matches, then returns `read` of it. Not waitForSelector: see waitForKind. */
async function poll(page: Page, selector: string, read: (el: Element) => unknown = () => true, timeoutMs = 20_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await page.$(selector).catch(() => null);
    if (found) return (await found.evaluate(read)) as string | undefined;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing matched ${selector}`);
}
