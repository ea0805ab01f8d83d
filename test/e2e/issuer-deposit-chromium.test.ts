// Redeeming SPYx by deposit in the Chromium popup (Backed-style issuer): the quote names the
// deposit address and the T+3 window, the one plan window lists the transfer with the deposit
// address named, the SPYx leave the account, and the status shows the USDC received once the
// issuer pays out.
// Backed mints only off chain for its onboarded clients: the detail offers no mint and says so, with the
// onboarding link; a crafted mint request is refused and nothing is sent.
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

describe('redeem by deposit in the Chromium popup (jurisdiction DE)', () => {
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
      shots: process.env.SHAREKEEP_SHOTS,
    });
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('sends SPYx to the deposit address after one plan approval, then shows the USDC received', () => flows.redeemByDeposit());

  it('offers no SPYx mint and says plainly that Backed issues only to its onboarded clients, off chain, with the onboarding link; a crafted mint sends nothing', () =>
    flows.backedMintIsOffChain());
});
