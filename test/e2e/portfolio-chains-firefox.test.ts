// The portfolio over two chains in the Firefox popup, as in Chromium: the devnet and a fork of it
// added as a network by hand; both chains' holdings listed, the total summing both, chain-filter narrowing,
// and the token detail's price chart drawing the feed's rounds.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { type ForkedMarketPopup, openForkedMarketPopup } from './support/forked-market-popup.ts';
import { portfolioChainsFlows } from './support/portfolio-chains.ts';

const deployment = inject('deployment');

describe('portfolio over every enabled chain in the Firefox popup', () => {
  let wallet: ForkedMarketPopup;
  let flows: ReturnType<typeof portfolioChainsFlows>;

  beforeAll(async () => {
    wallet = await openForkedMarketPopup(deployment, 'firefox');
    flows = portfolioChainsFlows({ deployment, forkRpcUrl: wallet.market.forkRpcUrl, popup: wallet.popup, uiCommand: wallet.uiCommand });
  }, 240_000);
  afterAll(async () => {
    await wallet?.close();
  });

  it('lists the holdings of the devnet and of the added fork, and the total sums both', () => flows.listsBothChainsAndSumsThem());

  it('narrows the rows and the total to one chain with chain-filter', () => flows.filterNarrowsToOneChain());

  it("charts one point per price-feed round read, on each chain through that chain's node; none without a feed", () =>
    flows.chartHasOnePointPerRoundRead());
});
