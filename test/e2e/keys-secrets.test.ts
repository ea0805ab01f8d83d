// The custody promise: the phrase, the keys and the password never sit in storage or in a
// console in clear, whatever the user does in the extension's pages.
import type { ConsoleMessage, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { leaksIn } from './support/secrets.ts';
import { ACCOUNT_0_KEY, byTestId, onboardByImport, openPopup, stopServiceWorker, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

describe('Chromium: no secret in clear in storage or consoles', () => {
  let wallet: ChromiumWithExtension;
  const consoleLines: string[] = [];
  const record = (where: string) => (msg: ConsoleMessage) => consoleLines.push(`${where} ${msg.type()}: ${msg.text()}`);
  const watchWorker = (worker: Worker) => worker.on('console', record('service worker'));
  const storageArea = (area: 'local' | 'session') =>
    wallet.context
      .serviceWorkers()[0]
      .evaluate(
        (name) =>
          (globalThis as unknown as { chrome: { storage: Record<string, { get(k: null): Promise<unknown> }> } }).chrome.storage[name].get(null),
        area,
      );

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    wallet.context.on('console', record('page'));
    wallet.context.on('page', (page) => page.on('pageerror', (err) => consoleLines.push(`page error: ${err.message}`)));
    wallet.context.on('serviceworker', watchWorker);
    for (const worker of wallet.context.serviceWorkers()) watchWorker(worker);
  });
  afterAll(() => wallet?.close());

  it('goes through import, a worker restart, lock, unlock and revealing the phrase and key', async () => {
    await onboardByImport(wallet);
    let popup: Page = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
    await stopServiceWorker(wallet, popup);
    await popup.close();
    popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));

    await popup.click(byTestId('lock-button'));
    await popup.fill(byTestId('unlock-password'), 'a wrong password');
    await popup.click(byTestId('unlock-submit'));
    await popup.waitForSelector(byTestId('unlock-error'));
    await popup.fill(byTestId('unlock-password'), TEST_PASSWORD);
    await popup.click(byTestId('unlock-submit'));
    await popup.waitForSelector(byTestId('account-address'));

    await popup.goto(wallet.extensionUrl('popup.html#/settings'));
    await popup.click(byTestId('revealed-phrase-button'));
    await popup.fill(byTestId('password-prompt-input'), TEST_PASSWORD);
    await popup.click(byTestId('password-prompt-submit'));
    expect(await popup.textContent(byTestId('revealed-phrase'))).toBe(TEST_PHRASE);
    await popup.click(byTestId('exported-key-button'));
    await popup.fill(byTestId('password-prompt-input'), TEST_PASSWORD);
    await popup.click(byTestId('password-prompt-submit'));
    expect(await popup.textContent(byTestId('exported-key'))).toBe(ACCOUNT_0_KEY);
    // The detector used below does find secrets where they are meant to be: on this screen.
    expect(leaksIn(await popup.content())).toEqual(['phrase', 'private key']);

    // Proof that both consoles are being heard, so an empty scan below means something.
    await popup.evaluate(() => console.log('probe from a page'));
    await wallet.context.serviceWorkers()[0].evaluate(() => console.log('probe from the worker'));
    await expect
      .poll(() => ['probe from a page', 'probe from the worker'].filter((probe) => consoleLines.some((line) => line.includes(probe))))
      .toHaveLength(2);
  });

  it('finds the vault in storage.local, encrypted', async () => {
    const local = JSON.stringify(await storageArea('local'));
    expect(local.length).toBeGreaterThan(100);
    expect(local).toContain('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'); // the public index is there; only secrets are hidden
    expect(leaksIn(local)).toEqual([]);
  });

  it('keeps only the vault key in storage.session, never the password or keys', async () => {
    const session = await storageArea('session');
    expect(Object.keys(session as object).length).toBeGreaterThan(0);
    expect(leaksIn(JSON.stringify(session))).toEqual([]);
  });

  it("keeps no secret in any extension page's localStorage", async () => {
    const page = await openPopup(wallet);
    const cached = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(cached).toContain('sharekeep.ui-state');
    expect(leaksIn(cached)).toEqual([]);
  });

  it('printed no secret to the console of any extension page or the service worker', () => {
    const leaks = consoleLines.filter((line) => leaksIn(line).length > 0);
    expect(leaks).toEqual([]);
  });
});
