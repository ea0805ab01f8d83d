// Minting and redeeming through the popup: the issuer's quote, the transactions in the approval
// window named after the issuer, the status settling on chain and the balances moving. With
// jurisdiction US, a mint of the US-restricted AMZNr is refused and nothing is sent.
import type { Page } from 'playwright-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients, snapshot, tokenOf } from '../../devnet/test-kit.ts';
import { openApprovalPages, uiCommand } from './support/approval-window.ts';
import {
  approveTransaction,
  balanceOf as balanceAt,
  byTestId,
  issuerOrigin as originOf,
  openIssuerScreen as openScreen,
  quote,
  settled,
} from './support/issuer.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient } = devnetClients(deployment);
const usdc = deployment.contracts.USDC as Address;
const SHOTS = process.env.SHAREKEEP_SHOTS;
const balanceOf = (token: Address) => balanceAt(publicClient, token);
const issuerOrigin = (id: string) => originOf(deployment, id);
const openIssuerScreen = (popup: Page, symbol: string, side: 'mint' | 'redeem') => openScreen(popup, deployment, symbol, side);

describe('mint and redeem in the Chromium popup (jurisdiction DE)', () => {
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

  it('mints NVDAon from the attestation issuer: quote, USDC approval and mint in the approval window, settled on chain', async () => {
    const nvda = tokenOf(deployment, 'NVDAon').address;
    const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(nvda)];
    await openIssuerScreen(popup, 'NVDAon', 'mint');
    await quote(popup, '0.5');
    const total = BigInt((await popup.getAttribute(byTestId('issuer-total'), 'data-raw'))!);
    expect(await popup.textContent(byTestId('issuer-quote-details'))).toMatch(
      /You mint0\.5 NVDAon.*Issuer fee.*You pay.*USDC.*MarketOpen.*Quote valid/,
    );
    if (SHOTS) await popup.screenshot({ path: `${SHOTS}/issuer-quote.png`, fullPage: true });

    await popup.click(byTestId('issuer-submit'));
    const origin = issuerOrigin('attest');
    expect(await approveTransaction(wallet.context, origin, usdc)).toMatch(/USDC/);
    expect(await approveTransaction(wallet.context, origin, deployment.contracts.AttestationManager)).toMatch(/Mint/);
    await settled(popup);
    if (SHOTS) await popup.screenshot({ path: `${SHOTS}/issuer-settled.png`, fullPage: true });
    expect(await popup.textContent(byTestId('issuer-status'))).toMatch(/Settled: 0\.5 NVDAon minted for/);
    expect(usdcBefore - (await balanceOf(usdc))).toBe(total);
    expect((await balanceOf(nvda)) - tokensBefore).toBe(10n ** 18n / 2n);
  });

  it('redeems AAPL.d with the order-processor issuer: the payout is shown, the shares approved, then USDC paid when the issuer fills', async () => {
    const aapl = tokenOf(deployment, 'AAPL.d').address;
    const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(aapl)];
    await openIssuerScreen(popup, 'AAPL.d', 'redeem');
    await quote(popup, '1');
    const payout = BigInt((await popup.getAttribute(byTestId('issuer-payout'), 'data-raw'))!);
    expect(await popup.textContent(byTestId('issuer-payout'))).toMatch(/USDC$/);
    await popup.click(byTestId('issuer-submit'));
    // The sell burns the shares with burnFrom: the wallet first asks to approve exactly them to the order processor.
    expect(await approveTransaction(wallet.context, issuerOrigin('orders'), aapl)).toMatch(/AAPL\.d/);
    expect(await approveTransaction(wallet.context, issuerOrigin('orders'), deployment.contracts.OrderProcessor)).toMatch(/selling 1 AAPL\.d/);
    await settled(popup);
    expect(await popup.textContent(byTestId('issuer-status'))).toMatch(/paid out to you/);
    expect(tokensBefore - (await balanceOf(aapl))).toBe(10n ** 18n);
    expect((await balanceOf(usdc)) - usdcBefore).toBe(payout);
  });
});

describe('a US resident and a US-restricted token', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'US' });
    popup = await openUnlockedPopup(wallet);
  });
  afterAll(() => wallet?.close());

  it('cannot mint AMZNr: the screen says why, the wallet refuses a crafted request, and no transaction is sent', async () => {
    const nonce = await publicClient.getTransactionCount({ address: ACCOUNT_0 });
    await openIssuerScreen(popup, 'AMZNr', 'mint');
    expect(await popup.textContent(byTestId('issuer-blocked'))).toMatch(/AMZNr.*residents of US/);
    await popup.fill(byTestId('issuer-amount'), '1');
    expect(await popup.isDisabled(byTestId('issuer-quote'))).toBe(true);
    if (SHOTS) await popup.screenshot({ path: `${SHOTS}/issuer-blocked.png`, fullPage: true });

    const token = tokenOf(deployment, 'AMZNr').address;
    await expect(uiCommand(popup, 'issuer.quote', { chainId: deployment.chainId, token, side: 'mint', amount: '1' })).rejects.toThrow(
      /issuer\.blocked: AMZNr .* residents of US/,
    );
    expect(openApprovalPages(wallet.context)).toEqual([]);
    expect(await publicClient.getTransactionCount({ address: ACCOUNT_0 })).toBe(nonce);
  });
});
