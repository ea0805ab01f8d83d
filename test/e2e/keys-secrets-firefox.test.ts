// The custody promise in Firefox, as in Chromium: the phrase, the keys and the password never sit in
// storage or in a console in clear, whatever the user does in the extension's pages. Firefox prints
// every console of its pages and of the extension's background page to its own output when
// `devtools.console.stdout.content` is set: that output is what is searched (over BiDi, puppeteer
// hears no console of an extension page). Chromium's run also stops the service worker on the way;
// Firefox's background cannot be stopped from the driver.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, puppeteerBrowser, puppeteerPage, type UiBrowser, type UiPage, until, waitFor, waitForText } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { enterSecretOn, finishOnboardingOn } from './support/onboarding.ts';
import { leaksIn } from './support/secrets.ts';
import { ACCOUNT_0, ACCOUNT_0_KEY, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

type StorageApi = { browser: { storage: Record<string, { get(k: null): Promise<unknown> }> } };

describe('Firefox: no secret in clear in storage or consoles', () => {
  let firefox: FirefoxWithExtension;
  let browser: UiBrowser;
  let onboarding: Page;
  let output = '';
  const storageArea = (area: 'local' | 'session') =>
    onboarding.evaluate((name) => (globalThis as unknown as StorageApi).browser.storage[name].get(null), area);

  beforeAll(async () => {
    firefox = await launchWalletFirefox({ 'devtools.console.stdout.content': true });
    const firefoxProcess = firefox.browser.process();
    if (!firefoxProcess?.stdout || !firefoxProcess.stderr) throw new Error("Firefox's output is not piped to this process");
    for (const stream of [firefoxProcess.stdout, firefoxProcess.stderr]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    browser = puppeteerBrowser(firefox.browser);
    onboarding = await extensionPage(firefox.browser, '/onboarding.html');
  });
  afterAll(() => firefox?.close());

  it('goes through import, lock, unlock and revealing the phrase and key', async () => {
    const setup = puppeteerPage(onboarding);
    await enterSecretOn(setup, TEST_PHRASE);
    await finishOnboardingOn(setup, TEST_PASSWORD, 'DE');
    const popup: UiPage = await browser.openExtensionTab('/popup.html');
    expect((await waitForText(popup, byTestId('account-address'))).trim()).toBe(ACCOUNT_0);

    await popup.click(byTestId('lock-button'));
    await popup.fill(byTestId('unlock-password'), 'a wrong password');
    await popup.click(byTestId('unlock-submit'));
    await waitFor(popup, byTestId('unlock-error'));
    await popup.fill(byTestId('unlock-password'), TEST_PASSWORD);
    await popup.click(byTestId('unlock-submit'));
    await waitFor(popup, byTestId('account-address'));

    await popup.open('/popup.html#/settings');
    await popup.click(byTestId('revealed-phrase-button'));
    await popup.fill(byTestId('password-prompt-input'), TEST_PASSWORD);
    await popup.click(byTestId('password-prompt-submit'));
    expect(await waitForText(popup, byTestId('revealed-phrase'))).toBe(TEST_PHRASE);
    await popup.click(byTestId('exported-key-button'));
    await popup.fill(byTestId('password-prompt-input'), TEST_PASSWORD);
    await popup.click(byTestId('password-prompt-submit'));
    expect(await waitForText(popup, byTestId('exported-key'))).toBe(ACCOUNT_0_KEY);
    // The detector used below does find secrets where they are meant to be: on this screen.
    expect(leaksIn(await popup.evaluate(() => document.documentElement.outerHTML, undefined))).toEqual(['phrase', 'private key']);

    // Proof that both consoles are being heard, so an empty scan below means something.
    await popup.evaluate(() => console.log('probe from a page'), undefined);
    await popup.evaluate(async () => {
      const runtime = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<{ console: Console }> } } }).browser.runtime;
      (await runtime.getBackgroundPage()).console.log('probe from the background');
    }, undefined);
    await until(() => Promise.resolve(['probe from a page', 'probe from the background'].every((probe) => output.includes(probe))), 'both probes');
  });

  it('finds the vault in storage.local, encrypted', async () => {
    const local = JSON.stringify(await storageArea('local'));
    expect(local.length).toBeGreaterThan(100);
    expect(local).toContain(ACCOUNT_0); // the public index is there; only secrets are hidden
    expect(leaksIn(local)).toEqual([]);
  });

  it('keeps only the vault key in storage.session, never the password or keys', async () => {
    const session = await storageArea('session');
    expect(Object.keys(session as object).length).toBeGreaterThan(0);
    expect(leaksIn(JSON.stringify(session))).toEqual([]);
  });

  it("keeps no secret in any extension page's localStorage", async () => {
    const page = await browser.openExtensionTab('/popup.html');
    await waitFor(page, byTestId('account-address'));
    const cached = await page.evaluate(() => JSON.stringify({ ...localStorage }), undefined);
    expect(cached).toContain('sharekeep.ui-state');
    expect(leaksIn(cached)).toEqual([]);
  });

  it('printed no secret to the console of any extension page or the background', () => {
    const leaks = output.split('\n').filter((line) => leaksIn(line).length > 0);
    expect(leaks).toEqual([]);
  });
});
