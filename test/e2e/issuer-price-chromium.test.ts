// The price check in the Chromium popup: the devnet issuer quotes TSLAx 5% above its feed (the
// popup warns and still lets the user go on), then 15% above (the popup refuses, the submit
// button stays disabled, the wallet refuses a crafted submit, and no balance moves).
import type { Page } from 'playwright-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { setQuoteSkew } from '../../devnet/issuer/knobs.ts';
import { devnetClients, snapshot, tokenOf } from '../../devnet/test-kit.ts';
import { openApprovalPages, uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { balanceOf, byTestId, openIssuerScreen, quote } from './support/issuer.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const SYMBOL = 'TSLAx';
const token = tokenOf(deployment, SYMBOL).address as Address;
const usdc = deployment.contracts.USDC as Address;

describe('issuer quotes checked against the wallet price (Chromium)', () => {
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
    await setQuoteSkew(deployment.issuerServiceUrl, SYMBOL, 0, 0);
    await wallet?.close();
    await revert?.();
  });

  const check = (page: Page) =>
    page.evaluate(() => {
      const line = document.querySelector('[data-testid="issuer-price-check"]');
      return { level: line?.getAttribute('data-level'), text: line?.textContent ?? '' };
    });

  it('a quote 5% above the feed is shown with a warning and can still be submitted', async () => {
    await setQuoteSkew(deployment.issuerServiceUrl, SYMBOL, 500);
    await openIssuerScreen(popup, deployment, SYMBOL, 'mint');
    await quote(popup, '1');
    expect(await check(popup)).toEqual({ level: 'warn', text: expect.stringMatching(/5% above the price feed for TSLAx/) });
    expect(await popup.isDisabled(byTestId('issuer-submit'))).toBe(false);
  });

  it('a quote 15% above the feed is refused: submit disabled, a crafted submit refused, nothing sent, balances unchanged', async () => {
    await setQuoteSkew(deployment.issuerServiceUrl, SYMBOL, 1_500);
    const before = {
      nonce: await publicClient.getTransactionCount({ address: ACCOUNT_0 }),
      usdc: await balanceOf(publicClient, usdc),
      token: await balanceOf(publicClient, token),
    };
    await popup.click(byTestId('issuer-quote'));
    await popup.waitForSelector(`${byTestId('issuer-price-check')}[data-level="block"]`);
    expect((await check(popup)).text).toMatch(/15% above the price feed for TSLAx.*refuses quotes more than 10% off; nothing was sent/);
    expect(await popup.isDisabled(byTestId('issuer-submit'))).toBe(true);

    // A page that ignores the disabled button gets the background's own refusal.
    const latest = await uiCommand<{ id: string }>(popup, 'issuer.quote', { chainId: deployment.chainId, token, side: 'mint', amount: '1' });
    await expect(uiCommand(popup, 'issuer.submit', { id: latest.id })).rejects.toThrow(/issuer\.price_deviation: .*15% above the price feed/);
    expect(openApprovalPages(wallet.context)).toEqual([]);
    expect(await publicClient.getTransactionCount({ address: ACCOUNT_0 })).toBe(before.nonce);
    expect(await balanceOf(publicClient, usdc)).toBe(before.usdc);
    expect(await balanceOf(publicClient, token)).toBe(before.token);
  });
});
