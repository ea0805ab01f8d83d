// Setting the wallet up and locking it, written once for both browsers: a new phrase shown once and
// confirmed, an imported phrase, a misspelt word named, a wrong password refused.
import { mnemonicToAccount } from 'viem/accounts';
import { expect } from 'vitest';
import { byTestId, countOf, textOf, type UiBrowser, type UiPage, until, waitFor, waitForText } from './driver.ts';
import { enterSecretOn, finishOnboardingOn } from './onboarding.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './wallet.ts';

export interface KeysHarness {
  browser: UiBrowser;
  /** The onboarding tab the extension opened on install, on its first screen. */
  onboarding(): Promise<UiPage>;
}

const isDisabled = (page: UiPage, selector: string) => page.evaluate((s) => document.querySelector<HTMLButtonElement>(s)?.disabled ?? null, selector);
const addressIn = async (page: UiPage) => (await waitForText(page, byTestId('account-address'))).trim();

export function keysFlows(h: KeysHarness) {
  /** A fresh onboarding tab, on its first screen. */
  async function newOnboardingTab() {
    const page = await h.browser.openExtensionTab('/onboarding.html');
    await waitFor(page, byTestId('onboarding-import'));
    return page;
  }

  return {
    async createConfirmingThePhrase() {
      const page = await h.onboarding();
      await page.click(byTestId('onboarding-create'));
      const words = (await waitForText(page, byTestId('mnemonic-display'))).split(' ');
      expect(words).toHaveLength(12);
      expect(await isDisabled(page, byTestId('mnemonic-continue'))).toBe(true);
      await page.click(byTestId('mnemonic-saved'));
      await page.click(byTestId('mnemonic-continue'));

      await waitFor(page, byTestId('mnemonic-confirm-input'));
      const positions = await page.evaluate(
        (s) => [...document.querySelectorAll(s)].map((el) => Number(el.getAttribute('data-word-index'))),
        byTestId('mnemonic-confirm-input'),
      );
      expect(positions).toHaveLength(3);
      expect(new Set(positions).size).toBe(3);
      const input = (position: number) => `${byTestId('mnemonic-confirm-input')}[data-word-index="${position}"]`;

      // One wrong word: the error names its position and nothing moves on.
      for (const [i, position] of positions.entries()) await page.fill(input(position), i === 1 ? 'notaword' : words[position - 1]);
      await page.click(byTestId('mnemonic-confirm-submit'));
      expect(await waitForText(page, byTestId('mnemonic-confirm-error'))).toContain(`#${positions[1]}`);
      expect(await countOf(page, byTestId('password-input'))).toBe(0);

      await page.fill(input(positions[1]), words[positions[1] - 1]);
      await page.click(byTestId('mnemonic-confirm-submit'));
      await finishOnboardingOn(page, 'a long enough password', 'FR');

      const expected = mnemonicToAccount(words.join(' ')).address;
      expect(await textOf(page, byTestId('onboarding-done'))).toContain(expected);
      const popup = await h.browser.openExtensionTab('/popup.html');
      expect(await addressIn(popup)).toBe(expected);
    },

    async offers24Words() {
      const page = await newOnboardingTab();
      await page.click(byTestId('onboarding-create'));
      expect((await waitForText(page, byTestId('mnemonic-display'))).split(' ')).toHaveLength(12);
      await page.click(byTestId('mnemonic-24-words'));
      await until(async () => (await textOf(page, byTestId('mnemonic-display')))?.split(' ').length === 24, 'a 24-word phrase');
    },

    /** Imports the test phrase through the onboarding tab; resolves with the popup, open in a tab, showing account 0. */
    async importShowsAccount0(): Promise<UiPage> {
      const page = await h.onboarding();
      await enterSecretOn(page, TEST_PHRASE);
      await finishOnboardingOn(page, TEST_PASSWORD, 'DE');
      expect(await textOf(page, byTestId('onboarding-done'))).toContain(ACCOUNT_0);
      const popup = await h.browser.openExtensionTab('/popup.html');
      expect(await addressIn(popup)).toBe(ACCOUNT_0);
      return popup;
    },

    async lockAndUnlock(popup: UiPage) {
      await popup.click(byTestId('lock-button'));
      await waitFor(popup, byTestId('unlock-password'));
      expect(await countOf(popup, byTestId('account-address'))).toBe(0);

      await popup.fill(byTestId('unlock-password'), 'not the password');
      await popup.click(byTestId('unlock-submit'));
      expect(await waitForText(popup, byTestId('unlock-error'))).toMatch(/wrong password/i);
      expect(await countOf(popup, byTestId('account-address'))).toBe(0);

      await popup.fill(byTestId('unlock-password'), TEST_PASSWORD);
      await popup.click(byTestId('unlock-submit'));
      expect(await addressIn(popup)).toBe(ACCOUNT_0);
    },

    async namesTheMisspeltWord() {
      const page = await newOnboardingTab();
      await page.click(byTestId('onboarding-import'));
      await page.fill(byTestId('mnemonic-input'), 'test test test test test test test test test test tets junk');
      expect(await waitForText(page, byTestId('mnemonic-error'))).toContain('"tets"');
      expect(await isDisabled(page, byTestId('import-continue'))).toBe(true);
    },
  };
}
