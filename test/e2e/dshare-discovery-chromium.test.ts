// Chromium: a dShare created by the devnet's DShareFactory while the popup is open appears in the
// portfolio, labelled as found on chain, with the issuer's facts; no rebuild, no reload.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { dShareDiscoveryFlows } from './support/dshare-discovery-flows.ts';
import { playwrightPage } from './support/driver.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('Chromium: dShares found through the issuer factory', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openUnlockedPopup(wallet);
  }, 240_000);
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('a dShare the factory creates shows, labelled and with the issuer facts, in the open popup', () =>
    dShareDiscoveryFlows({ deployment, popup: playwrightPage(popup, wallet) }).createdDShareAppearsWithLabelAndIssuerFacts());
});
