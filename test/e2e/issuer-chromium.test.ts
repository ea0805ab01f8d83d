// Minting and redeeming through the popup, both directions with the attestation and the order-processor
// issuers: the issuer's quote, its plan approved once in a window named after the issuer, the status
// settling on chain, the balances moving by the amounts quoted and Activity saying what was received. With
// jurisdiction US, a mint of the US-restricted AMZNr is refused and nothing is sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { issuerFlows } from './support/issuer-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

async function walletIn(jurisdiction: string) {
  const wallet = await launchWalletChromium();
  await onboardByImport(wallet, { jurisdiction });
  const popup: Page = await openUnlockedPopup(wallet);
  await popup.setViewportSize({ width: 380, height: 760 });
  const flows = issuerFlows({
    deployment,
    browser: playwrightBrowser(wallet),
    popup: playwrightPage(popup, wallet),
    uiCommand: (method, params) => uiCommand(popup, method, params),
    shots: process.env.SHAREKEEP_SHOTS,
  });
  return { wallet, flows };
}

describe('mint and redeem in the Chromium popup (jurisdiction DE)', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof issuerFlows>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    ({ wallet, flows } = await walletIn('DE'));
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('mints NVDAon from the attestation issuer: quote, one plan window (USDC allowance, then the mint), settled on chain', () =>
    flows.mintFromAttestationIssuer());

  it('redeems AAPL.d with the order-processor issuer: one plan window (share allowance, then the sell), USDC paid when the issuer fills, received in Activity', () =>
    flows.redeemWithOrderProcessor());

  it('redeems NVDAon with the attestation issuer for USDC: one plan window (token allowance, then the redeem), paid in the same transaction, received in Activity', () =>
    flows.redeemWithAttestationIssuer());

  it('mints AAPL.d with the order-processor issuer: one plan window (USDC allowance, then the buy), the shares arrive when the issuer fills, received in Activity', () =>
    flows.mintWithOrderProcessor());
});

describe('a US resident and a US-restricted token', () => {
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof issuerFlows>;

  beforeAll(async () => {
    ({ wallet, flows } = await walletIn('US'));
  });
  afterAll(() => wallet?.close());

  it('cannot mint AMZNr: the screen says why, the wallet refuses a crafted request, and no transaction is sent', () =>
    flows.usResidentCannotMintAmznr());
});
