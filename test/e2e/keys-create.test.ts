// Creating a new wallet in Chromium (support/keys-flows.ts, run in Firefox too): the phrase shown
// once and confirmed word by word, and a 24-word phrase on offer.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { keysFlows } from './support/keys-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { openOnboarding } from './support/wallet.ts';

describe('Chromium: create a new wallet, confirming the phrase', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof keysFlows>;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    flows = keysFlows({ browser: playwrightBrowser(wallet), onboarding: async () => playwrightPage(await openOnboarding(wallet), wallet) });
  });
  afterAll(() => wallet?.close());

  it('shows 12 words once, refuses a wrong confirmation, and creates the wallet those words derive', () => flows.createConfirmingThePhrase());

  it('offers a 24-word phrase', () => flows.offers24Words());
});
