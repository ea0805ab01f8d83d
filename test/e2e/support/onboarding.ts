// The onboarding tab's steps through the browser-neutral page interface, as a user takes them.
import { byTestId, clickWhenEnabled, type UiPage, waitFor } from './driver.ts';

/** Fills the password, confirmation and country, submits, and waits for the done screen. */
export async function finishOnboardingOn(page: UiPage, password: string, jurisdiction: string): Promise<void> {
  await page.fill(byTestId('password-input'), password);
  await page.fill(byTestId('password-confirm-input'), password);
  await page.select(byTestId('jurisdiction-select'), jurisdiction);
  await page.click(byTestId('onboarding-submit'));
  await waitFor(page, byTestId('onboarding-done'), 60_000);
}

/** On the onboarding tab's first screen: imports `secret` (a phrase or a private key) up to the password step. */
export async function enterSecretOn(page: UiPage, secret: string): Promise<void> {
  await page.click(byTestId('onboarding-import'));
  await page.fill(byTestId('mnemonic-input'), secret);
  await clickWhenEnabled(page, byTestId('import-continue'));
}
