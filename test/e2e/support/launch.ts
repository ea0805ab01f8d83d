// The wallet as e2e tests get it: the devnet build made by global-setup, in a fresh profile.
import { inject } from 'vitest';
import { type ChromiumWithExtension, launchChromium } from './chromium.ts';
import { type FirefoxWithExtension, launchFirefox } from './firefox.ts';

export const launchWalletChromium = (): Promise<ChromiumWithExtension> => launchChromium(inject('chromeExtensionDir'));
export const launchWalletFirefox = (prefs: Record<string, string | number | boolean> = {}): Promise<FirefoxWithExtension> =>
  launchFirefox(inject('firefoxExtensionDir'), prefs);
