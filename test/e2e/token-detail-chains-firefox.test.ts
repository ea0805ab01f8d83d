// The token detail's announced distributions and its backing over two chains in the Firefox popup,
// as in Chromium: the devnet and a fork of it added as a network (see support/token-detail-flows.ts).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { type ForkedMarketPopup, openForkedMarketPopup } from './support/forked-market-popup.ts';
import { tokenDetailFlows } from './support/token-detail-flows.ts';

const deployment = inject('deployment');

describe('the token detail on the two-chain devnet, in the Firefox popup', () => {
  let wallet: ForkedMarketPopup;
  let flows: ReturnType<typeof tokenDetailFlows>;

  beforeAll(async () => {
    wallet = await openForkedMarketPopup(deployment, 'firefox');
    flows = tokenDetailFlows({ deployment, forkRpcUrl: wallet.market.forkRpcUrl, popup: wallet.popup, uiCommand: wallet.uiCommand });
  }, 240_000);
  afterAll(async () => {
    await wallet?.close();
  });

  it("shows a dShare's announced distribution: currency, amount, window, state and what is left", () => flows.showsAnnouncedDistribution());

  it('shows the backing against both chains, each named, and "this chain only" with the fork turned off', () => flows.showsBackingOverBothChains());
});
