import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { backgroundState, byTestId, onboardByImport, openPopup, TEST_PASSWORD } from './support/wallet.ts';

describe('Chromium: settings that need the password', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openPopup(wallet);
    await popup.goto(wallet.extensionUrl('popup.html#/settings'));
    await popup.waitForSelector(byTestId('settings-save'));
  });
  afterAll(() => wallet?.close());

  it('shows the country chosen at onboarding', async () => {
    expect(await popup.inputValue(byTestId('settings-jurisdiction'))).toBe('DE');
  });

  it('does not change the country without the right password', async () => {
    await popup.selectOption(byTestId('settings-jurisdiction'), 'FR');
    await popup.click(byTestId('settings-save'));
    await popup.fill(byTestId('password-prompt-input'), 'not my password');
    await popup.click(byTestId('password-prompt-submit'));
    expect(await popup.textContent(byTestId('password-prompt-error'))).toMatch(/password is not right/i);
    expect((await backgroundState(popup)).jurisdiction).toBe('DE');
  });

  it('changes the country once the password is entered, and keeps it', async () => {
    await popup.fill(byTestId('password-prompt-input'), TEST_PASSWORD);
    await popup.click(byTestId('password-prompt-submit'));
    expect(await popup.textContent(byTestId('settings-status'))).toContain('France');
    expect((await backgroundState(popup)).jurisdiction).toBe('FR');
    await popup.reload();
    expect(await popup.inputValue(byTestId('settings-jurisdiction'))).toBe('FR');
  });

  it('saves an RPC URL for the selected network without asking for the password', async () => {
    const url = 'http://127.0.0.1:1/not-a-node';
    await popup.fill(byTestId('settings-rpc-url'), url);
    await popup.click(byTestId('settings-save'));
    expect(await popup.textContent(byTestId('settings-status'))).toBe('Saved.');
    expect(await popup.locator(byTestId('password-prompt-input')).count()).toBe(0);
    await popup.reload();
    expect(await popup.inputValue(byTestId('settings-rpc-url'))).toBe(url);
  });
});
