// The token detail's announced distributions and its backing over two chains in the Chromium popup,
// on the devnet and a fork of it added as a network (see support/token-detail-flows.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import { type ChromiumWithExtension, launchChromium } from './support/chromium.ts';
import { playwrightPage } from './support/driver.ts';
import { type ForkedMarket, startForkedMarket } from './support/portfolio-chains.ts';
import { tokenDetailFlows } from './support/token-detail-flows.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('the token detail on the two-chain devnet, in the Chromium popup', () => {
  let market: ForkedMarket;
  let revert: () => Promise<void>;
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let flows: ReturnType<typeof tokenDetailFlows>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    market = await startForkedMarket(deployment, 'chrome');
    wallet = await launchChromium(market.build.dir);
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 900 });
    flows = tokenDetailFlows({
      deployment,
      forkRpcUrl: market.forkRpcUrl,
      popup: playwrightPage(popup, wallet),
      uiCommand: (method, params) => uiCommand(popup, method, params),
    });
  }, 240_000);
  afterAll(async () => {
    await wallet?.close();
    await market?.stop();
    await revert?.();
  });

  it("shows a dShare's announced distribution: currency, amount, window, state and what is left", () => flows.showsAnnouncedDistribution());

  it('shows the backing against both chains, each named, and "this chain only" with the fork turned off', () => flows.showsBackingOverBothChains());
});
