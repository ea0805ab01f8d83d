// Firefox ESR with the built extension installed over WebDriver BiDi, driven by puppeteer-core.
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX_BUILD } from './paths.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface FirefoxWithExtension {
  browser: Browser;
  extensionId: string;
  close(): Promise<void>;
}

/** `prefs`: more Firefox preferences for this profile (e.g. names resolved to this machine). */
export async function launchFirefox(
  extensionDir = FIREFOX_BUILD,
  prefs: Record<string, string | number | boolean> = {},
): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    extraPrefsFirefox: {
      // Content scripts of an MV3 add-on run only where the user granted the host permission.
      'extensions.originControls.grantByDefault': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...prefs,
    },
  });
  const extensionId = await browser.installExtension(extensionDir);
  return { browser, extensionId, close: () => browser.close() };
}
