import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { backgroundState, onboardByImport, openPopup, TEST_PASSWORD } from './support/wallet.ts';

const id = (testId: string) => `[data-testid="${testId}"]`;

describe('Chromium: settings that need the password', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openPopup(wallet);
    await popup.goto(wallet.extensionUrl('popup.html#/settings'));
    await popup.waitForSelector(id('settings-save'));
  });
  afterAll(() => wallet?.close());

  it('shows the country chosen at onboarding', async () => {
    expect(await popup.inputValue(id('settings-jurisdiction'))).toBe('DE');
  });

  it('does not change the country without the right password', async () => {
    await popup.selectOption(id('settings-jurisdiction'), 'FR');
    await popup.click(id('settings-save'));
    await popup.fill(id('password-prompt-input'), 'not my password');
    await popup.click(id('password-prompt-submit'));
    expect(await popup.textContent(id('password-prompt-error'))).toMatch(/password is not right/i);
    expect((await backgroundState(popup)).jurisdiction).toBe('DE');
  });

  it('changes the country once the password is entered, and keeps it', async () => {
    await popup.fill(id('password-prompt-input'), TEST_PASSWORD);
    await popup.click(id('password-prompt-submit'));
    expect(await popup.textContent(id('settings-status'))).toContain('France');
    expect((await backgroundState(popup)).jurisdiction).toBe('FR');
    await popup.reload();
    expect(await popup.inputValue(id('settings-jurisdiction'))).toBe('FR');
  });

  it('saves an RPC URL for the selected network without asking for the password', async () => {
    const url = 'http://127.0.0.1:1/not-a-node';
    await popup.fill(id('settings-rpc-url'), url);
    await popup.click(id('settings-save'));
    expect(await popup.textContent(id('settings-status'))).toBe('Saved.');
    expect(await popup.locator(id('password-prompt-input')).count()).toBe(0);
    await popup.reload();
    expect(await popup.inputValue(id('settings-rpc-url'))).toBe(url);
  });
});
