// The price check in the Chromium popup: the devnet issuer quotes NVDAon 5% above its feed (the
// popup and the plan window warn, and the user may still go on), then 15% above (the popup
// refuses, the submit button stays disabled, the wallet refuses a crafted submit, and no balance moves).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { issuerDepositPriceFlows } from './support/issuer-deposit-price-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('issuer quotes checked against the wallet price (Chromium)', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof issuerDepositPriceFlows>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    const popup: Page = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 760 });
    flows = issuerDepositPriceFlows({
      deployment,
      browser: playwrightBrowser(wallet),
      popup: playwrightPage(popup, wallet),
      uiCommand: (method, params) => uiCommand(popup, method, params),
    });
  });
  afterAll(async () => {
    await flows?.clearSkew();
    await wallet?.close();
    await revert?.();
  });

  it('a quote 5% above the feed is shown with a warning, in the popup and in the plan window, and can still be submitted', () =>
    flows.warnedQuoteCanStillBeSubmitted());

  it('a quote 15% above the feed is refused: submit disabled, a crafted submit refused, nothing sent, balances unchanged', () =>
    flows.refusedQuoteSendsNothing());
});
