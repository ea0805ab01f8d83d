// Steps most wallet e2e tests start with: set the wallet up through the onboarding tab, and
// open the popup in a tab.
import type { Page } from 'playwright-core';
import { uiCommand } from './approval-window.ts';
import type { ChromiumWithExtension } from './chromium.ts';
import { playwrightPage } from './driver.ts';
import { enterSecretOn, finishOnboardingOn } from './onboarding.ts';

export const TEST_PHRASE = 'test test test test test test test test test test test junk';
export const TEST_PASSWORD = 'correct horse battery';
export const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** Account 0's private key from the test phrase: public knowledge, used to hunt for leaks. */
export const ACCOUNT_0_KEY = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

export interface OnboardOptions {
  /** A BIP-39 phrase or a private key; the test phrase by default. */
  secret?: string;
  password?: string;
  /** ISO 3166-1 alpha-2; 'DE' by default. */
  jurisdiction?: string;
}

/** CSS selector for a data-testid. */
export const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The onboarding tab the extension opened on install, or a new one. */
export async function openOnboarding(wallet: ChromiumWithExtension): Promise<Page> {
  const isOnboarding = (p: Page) => p.url().startsWith(wallet.extensionUrl('onboarding.html'));
  const opened =
    wallet.context.pages().find(isOnboarding) ??
    (await wallet.context.waitForEvent('page', { predicate: isOnboarding, timeout: 5_000 }).catch(() => undefined)) ??
    (await wallet.context.newPage());
  if (!isOnboarding(opened)) await opened.goto(wallet.extensionUrl('onboarding.html'));
  await opened.waitForSelector(byTestId('onboarding-import'));
  return opened;
}

/** Fills the password, confirmation and country, submits, and waits for the done screen. */
export const finishOnboarding = (page: Page, password: string, jurisdiction: string): Promise<void> =>
  finishOnboardingOn(playwrightPage(page), password, jurisdiction);

/** Imports a wallet through the onboarding tab; returns that tab, showing `onboarding-done`. */
export async function onboardByImport(wallet: ChromiumWithExtension, opts: OnboardOptions = {}): Promise<Page> {
  const page = await openOnboarding(wallet);
  const ui = playwrightPage(page, wallet);
  await enterSecretOn(ui, opts.secret ?? TEST_PHRASE);
  await finishOnboardingOn(ui, opts.password ?? TEST_PASSWORD, opts.jurisdiction ?? 'DE');
  return page;
}

/** The popup, opened as a tab (the toolbar popup cannot be driven). */
export async function openPopup(wallet: ChromiumWithExtension): Promise<Page> {
  const page = await wallet.context.newPage();
  await page.goto(wallet.extensionUrl('popup.html'));
  return page;
}

/** Opens the popup and unlocks it if it is locked; resolves once the account shows. */
export async function openUnlockedPopup(wallet: ChromiumWithExtension, password = TEST_PASSWORD): Promise<Page> {
  const page = await openPopup(wallet);
  const first = await page.waitForSelector(`${byTestId('account-address')}, ${byTestId('unlock-password')}`);
  if ((await first.getAttribute('data-testid')) === 'unlock-password') {
    await page.fill(byTestId('unlock-password'), password);
    await page.click(byTestId('unlock-submit'));
    await page.waitForSelector(byTestId('account-address'));
  }
  return page;
}

/** The background's own view (UiState), asked over a fresh port from an extension page. */
export const backgroundState = (page: Page) =>
  uiCommand<{ initialized: boolean; unlocked: boolean; selectedAddress?: string; jurisdiction?: string }>(page, 'state');

/** Stops the extension's service worker the way Chrome does when it idles; resolves when it is gone. */
export async function stopServiceWorker(wallet: ChromiumWithExtension, page: Page): Promise<void> {
  const cdp = await wallet.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(wallet.extensionUrl('')) && v.runningStatus === 'stopped')) resolve();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
