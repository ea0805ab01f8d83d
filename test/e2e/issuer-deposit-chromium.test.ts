// Redeeming SPYx by deposit in the Chromium popup (Backed-style issuer): the quote names the
// deposit address and the T+3 window, the approval window labels the deposit address, the SPYx
// leave the account, and the status shows the USDC received once the issuer pays out.
import type { Page } from 'playwright-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients, snapshot, tokenOf } from '../../devnet/test-kit.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { approveTransaction, balanceOf, byTestId, issuerOrigin, openIssuerScreen, quote, settled } from './support/issuer.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const spy = tokenOf(deployment, 'SPYx').address as Address;
const usdc = deployment.contracts.USDC as Address;
const backed = deployment.issuers.find((i) => i.id === 'backed')!;

describe('redeem by deposit in the Chromium popup (jurisdiction DE)', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 760 });
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('sends SPYx to the deposit address, then shows the USDC received', async () => {
    const [spyBefore, usdcBefore] = [await balanceOf(publicClient, spy), await balanceOf(publicClient, usdc)];
    await openIssuerScreen(popup, deployment, 'SPYx', 'redeem');
    await quote(popup, '1');
    expect((await popup.textContent(byTestId('issuer-deposit-address')))?.toLowerCase()).toContain(backed.depositAddress!.toLowerCase());
    expect(await popup.textContent(byTestId('issuer-payout-window'))).toMatch(/USDC from .* within T\+3/);

    await popup.click(byTestId('issuer-submit'));
    let label = '';
    await approveTransaction(wallet.context, issuerOrigin(deployment, 'backed'), spy, async (page) => {
      label =
        (await page
          .locator(`${byTestId('contract-label')}[data-address="${backed.depositAddress}" i]`)
          .first()
          .textContent()) ?? '';
    });
    expect(label).toMatch(/Devnet Backed .*redemption deposit address: tokens sent here are redeemed, paid out in stablecoins within T\+3/);

    await settled(popup);
    const received = (await balanceOf(publicClient, usdc)) - usdcBefore;
    expect(spyBefore - (await balanceOf(publicClient, spy))).toBe(10n ** 18n);
    expect(received).toBeGreaterThan(0n);
    expect(await popup.textContent(byTestId('issuer-status'))).toMatch(/Settled: 1 SPYx redeemed; [\d,.]+ USDC received from Devnet Backed/);
  });
});
