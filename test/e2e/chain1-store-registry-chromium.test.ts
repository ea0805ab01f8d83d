// The store build on Ethereum in the Chromium popup: the shipped registry, its Ethereum network a
// local anvil with chain id 1 and code at the tokens' real addresses (see support/chain1-flows.ts).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Chain1Wallet, chain1Flows, startChain1Wallet } from './support/chain1-flows.ts';
import { type ChromiumWithExtension, launchChromium } from './support/chromium.ts';
import { playwrightPage } from './support/driver.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

describe('the store registry on a chain-1 anvil, in the Chromium popup', () => {
  let market: Chain1Wallet;
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let flows: ReturnType<typeof chain1Flows>;

  beforeAll(async () => {
    market = await startChain1Wallet('chrome');
    wallet = await launchChromium(market.build.dir);
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 900 });
    flows = chain1Flows({ chain: market.chain, popup: playwrightPage(popup, wallet) });
  }, 240_000);
  afterAll(async () => {
    await wallet?.close();
    await market?.stop();
  });

  it('shows each holding with its price and source, value and share equivalent; the total sums them and leaves the unpriced one out', () =>
    flows.showsPricesSourcesValuesAndShares());

  it("shows the corporate actions from the tokens' own views and events", () => flows.showsCorporateActions());

  it("shows TSLAx's backing against Ethereum's supply only, naming the chains left out", () => flows.showsBackingOnThisChainOnly());

  it('moves the balance and the history once the scheduled multiplier activates, without a reload', () =>
    flows.showsTheScheduledMultiplierOnceActive());
});
