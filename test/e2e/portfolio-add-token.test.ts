// Tokens outside the registry in the Chromium popup (support/add-token-flows.ts, run in Firefox too):
// added by hand, shown as unverified, and an imitation of a registry token called out.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { addTokenFlows, deployImitation } from './support/add-token-flows.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightPage } from './support/driver.ts';
import { launchWalletChromium } from './support/launch.ts';
import { byTestId, onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');

describe('adding a token by address in the Chromium popup', () => {
  let wallet: ChromiumWithExtension;
  let revert: () => Promise<void>;
  let flows: ReturnType<typeof addTokenFlows>;

  beforeAll(async () => {
    revert = await snapshot(devnetClients(deployment).testClient);
    const imitation = await deployImitation(deployment);
    wallet = await launchWalletChromium();
    await onboardByImport(wallet);
    const popup = await openUnlockedPopup(wallet);
    await popup.click(byTestId('token-add-open'));
    flows = addTokenFlows(playwrightPage(popup, wallet), deployment, imitation);
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('adds a token the registry does not know, marked unverified', () => flows.unknownTokenIsUnverified());

  it("flags a token that copies a registry token's symbol at another address", () => flows.imitationIsFlagged());

  it('refuses an address that is not a token', () => flows.notATokenIsRefused());
});
