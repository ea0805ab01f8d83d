// Settings that need the password, in Firefox as in Chromium: the country changes only with the
// right password and is kept; an RPC URL is saved without it.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byTestId, countOf, puppeteerPage, textOf, type UiPage, until, waitFor } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

describe('Firefox: settings that need the password', () => {
  let firefox: FirefoxWithExtension;
  let page: Page;
  let popup: UiPage;
  const inputValue = (testId: string) => popup.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.value ?? null, byTestId(testId));
  const jurisdiction = async () => (await firefoxUiCommand<{ jurisdiction?: string }>(page, 'state')).jurisdiction;
  const statusSays = () => until(() => textOf(popup, byTestId('settings-status')), 'the settings status');
  /** Reloads the page and waits for the new document (the old one carries a mark the new one lacks). */
  async function reload() {
    await popup.evaluate(() => {
      (window as unknown as { beforeReload: boolean }).beforeReload = true;
      location.reload();
    }, undefined);
    await until(() => popup.evaluate(() => !(window as unknown as { beforeReload?: boolean }).beforeReload, undefined), 'the page to reload');
    await waitFor(popup, byTestId('settings-save'));
  }

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    popup = puppeteerPage(page);
    await popup.open('/popup.html#/settings');
    await waitFor(popup, byTestId('settings-save'));
  });
  afterAll(() => firefox?.close());

  it('shows the country chosen at onboarding', async () => {
    expect(await inputValue('settings-jurisdiction')).toBe('DE');
  });

  it('does not change the country without the right password', async () => {
    await popup.select(byTestId('settings-jurisdiction'), 'FR');
    await popup.click(byTestId('settings-save'));
    await popup.fill(byTestId('password-prompt-input'), 'not my password');
    await popup.click(byTestId('password-prompt-submit'));
    expect(await until(() => textOf(popup, byTestId('password-prompt-error')), 'the password error')).toMatch(/password is not right/i);
    expect(await jurisdiction()).toBe('DE');
  });

  it('changes the country once the password is entered, and keeps it', async () => {
    await popup.fill(byTestId('password-prompt-input'), TEST_PASSWORD);
    await popup.click(byTestId('password-prompt-submit'));
    expect(await statusSays()).toContain('France');
    expect(await jurisdiction()).toBe('FR');
    await reload();
    expect(await until(async () => (await inputValue('settings-jurisdiction')) === 'FR', 'the country to read FR')).toBe(true);
  });

  it('saves an RPC URL for the selected network without asking for the password', async () => {
    const url = 'http://127.0.0.1:1/not-a-node';
    await popup.fill(byTestId('settings-rpc-url'), url);
    await popup.click(byTestId('settings-save'));
    expect(await until(async () => (await textOf(popup, byTestId('settings-status'))) === 'Saved.', 'Saved.')).toBe(true);
    expect(await countOf(popup, byTestId('password-prompt-input'))).toBe(0);
    await reload();
    expect(await until(async () => (await inputValue('settings-rpc-url')) === url, 'the RPC URL to be kept')).toBe(true);
  });
});
