// Issue 5, done-when, in Chromium (support/devnet-dapp-flows.ts, run in Firefox too): the devnet demo
// dApp trades through Sharekeep on Uniswap V2, signs a Permit2 order, and a trade the user's
// jurisdiction forbids cannot be signed.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { devnetDappFlows } from './support/devnet-dapp-flows.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport } from './support/wallet.ts';

const deployment = inject('deployment');

describe('the devnet dApp with Sharekeep (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let flows: ReturnType<typeof devnetDappFlows>;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    // The onboarding tab stays open: an extension page for UI commands.
    const commands = playwrightPage(await onboardByImport(chromium, { secret: deployment.mnemonic }), chromium);
    flows = devnetDappFlows({ browser: playwrightBrowser(chromium), commands, deployment });
    await flows.connect();
  });
  afterAll(() => chromium?.close());

  it('approves the router for USDC: the window shows who may spend how much, then it mines', () => flows.approveRouter());

  it('swaps USDC for TSLAx on Uniswap V2: decoded swap and simulated balance changes, then mined', () => flows.swapOnV2());

  it('decodes a Permit2 transfer order: token, amount and spender', () => flows.permit2Order());

  it('in the US, refuses to sign a buy of AMZNr: block verdict, approve disabled, nothing mined', () => flows.forbiddenBuyInTheUs());
});
