// The portfolio over two chains in the Chromium popup: the devnet and a fork of it added as a
// network by hand; both chains' holdings listed, the total summing both, chain-filter narrowing,
// and the token detail's price chart drawing the feed's rounds.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import { type ChromiumWithExtension, launchChromium } from './support/chromium.ts';
import { playwrightPage } from './support/driver.ts';
import { type ForkedMarket, portfolioChainsFlows, startForkedMarket } from './support/portfolio-chains.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('portfolio over every enabled chain in the Chromium popup', () => {
  let market: ForkedMarket;
  let revert: () => Promise<void>;
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let flows: ReturnType<typeof portfolioChainsFlows>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    market = await startForkedMarket(deployment, 'chrome');
    wallet = await launchChromium(market.build.dir);
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 900 });
    flows = portfolioChainsFlows({
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

  it('lists the holdings of the devnet and of the added fork, and the total sums both', () => flows.listsBothChainsAndSumsThem());

  it('narrows the rows and the total to one chain with chain-filter', () => flows.filterNarrowsToOneChain());

  it("charts one point per price-feed round read, on each chain through that chain's node; none without a feed", () =>
    flows.chartHasOnePointPerRoundRead());
});
