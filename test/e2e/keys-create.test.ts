import { mnemonicToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { byTestId, finishOnboarding, openOnboarding, openPopup } from './support/wallet.ts';

describe('Chromium: create a new wallet, confirming the phrase', () => {
  let wallet: ChromiumWithExtension;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
  });
  afterAll(() => wallet?.close());

  it('shows 12 words once, refuses a wrong confirmation, and creates the wallet those words derive', async () => {
    const page = await openOnboarding(wallet);
    await page.click(byTestId('onboarding-create'));
    const words = ((await page.textContent(byTestId('mnemonic-display'))) ?? '').split(' ');
    expect(words).toHaveLength(12);
    expect(await page.isDisabled(byTestId('mnemonic-continue'))).toBe(true);
    await page.check(byTestId('mnemonic-saved'));
    await page.click(byTestId('mnemonic-continue'));

    const inputs = page.locator(byTestId('mnemonic-confirm-input'));
    expect(await inputs.count()).toBe(3);
    const positions = await inputs.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-word-index'))));
    expect(new Set(positions).size).toBe(3);

    // One wrong word: the error names its position and nothing moves on.
    for (const [i, position] of positions.entries()) await inputs.nth(i).fill(i === 1 ? 'notaword' : words[position - 1]);
    await page.click(byTestId('mnemonic-confirm-submit'));
    expect(await page.textContent(byTestId('mnemonic-confirm-error'))).toContain(`#${positions[1]}`);
    expect(await page.locator(byTestId('password-input')).count()).toBe(0);

    await inputs.nth(1).fill(words[positions[1] - 1]);
    await page.click(byTestId('mnemonic-confirm-submit'));
    await finishOnboarding(page, 'a long enough password', 'FR');

    const expected = mnemonicToAccount(words.join(' ')).address;
    expect(await page.textContent(byTestId('onboarding-done'))).toContain(expected);
    const popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
    expect((await popup.textContent(byTestId('account-address')))?.trim()).toBe(expected);
  });

  it('offers a 24-word phrase', async () => {
    const page = await wallet.context.newPage();
    await page.goto(wallet.extensionUrl('onboarding.html'));
    await page.click(byTestId('onboarding-create'));
    await page.waitForSelector(byTestId('mnemonic-display'));
    await page.check(byTestId('mnemonic-24-words'));
    await page.waitForFunction(() => document.querySelector('[data-testid="mnemonic-display"]')?.textContent?.split(' ').length === 24);
  });
});
