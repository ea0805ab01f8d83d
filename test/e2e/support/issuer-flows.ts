// Minting and redeeming through the popup, written once for both browsers: the issuer's quote, the
// transactions in the approval window named after the issuer, the status settling on chain and the
// balances moving by the amounts quoted; a refused mint sends nothing.
import { type Address, erc20Abi } from 'viem';
import { expect } from 'vitest';
import { devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { attributeOf, byTestId, countOf, textOf, type UiBrowser, type UiPage, until, waitFor } from './driver.ts';
import { ACCOUNT_0 } from './wallet.ts';

export interface IssuerHarness {
  deployment: Deployment;
  browser: UiBrowser;
  /** The wallet's popup, unlocked with the test phrase (account 0). */
  popup: UiPage;
  /** Sends one UI command from an extension page, as the wallet's own pages do. */
  uiCommand(method: string, params: Record<string, unknown>): Promise<unknown>;
  /** A folder for screenshots of the screens passed through, when wanted. */
  shots?: string;
}

/** The steps every issuer flow takes in the popup and the approval window. */
export function issuerSteps(h: IssuerHarness) {
  const { deployment, popup } = h;
  const { publicClient } = devnetClients(deployment);
  const usdc = deployment.contracts.USDC as Address;
  const balanceOf = (token: Address) => publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [ACCOUNT_0] });
  const issuerOrigin = (id: string) => `${deployment.issuers.find((i) => i.id === id)!.name} (${deployment.issuerServiceUrl})`;
  const shot = async (name: string) => {
    if (h.shots) await popup.screenshot(`${h.shots}/${name}.png`);
  };
  const sent = () => publicClient.getTransactionCount({ address: ACCOUNT_0, blockTag: 'pending' });

  /** Waits for the approval window to show a transaction from `origin` to `to`, checks its verdict allows it, approves it; returns its summary. */
  async function approveTransaction(origin: string, to: string): Promise<string> {
    const { page, shown } = await approvalShowing(h.browser, 'transaction', { origin, to });
    expect(shown.verdict).not.toBe('block');
    await decideShown(page, 'approval-approve');
    return shown.summary;
  }

  async function openIssuerScreen(symbol: string, side: 'mint' | 'redeem') {
    await popup.open(`/popup.html#/token/${deployment.chainId}/${tokenOf(deployment, symbol).address}`);
    await waitFor(popup, byTestId(`${side}-button`));
    await shot(`issuer-detail-${symbol}`);
    await popup.click(byTestId(`${side}-button`));
    await waitFor(popup, `${byTestId('issuer-screen')}[data-side="${side}"]`);
  }

  async function quote(amount: string) {
    await popup.fill(byTestId('issuer-amount'), amount);
    await popup.click(byTestId('issuer-quote'));
    const status = `${byTestId('issuer-status')}[data-status="quote"]`;
    await until(async () => !((await textOf(popup, status)) ?? 'Asking').includes('Asking'), 'the quote to show');
  }

  const settled = () => waitFor(popup, `${byTestId('issuer-status')}[data-status="settled"]`, 30_000);
  const raw = async (testId: string) => BigInt((await attributeOf(popup, byTestId(testId), 'data-raw'))!);

  return { usdc, balanceOf, issuerOrigin, shot, sent, approveTransaction, openIssuerScreen, quote, settled, raw };
}

export function issuerFlows(h: IssuerHarness) {
  const { deployment, popup } = h;
  const { usdc, balanceOf, issuerOrigin, shot, sent, approveTransaction, openIssuerScreen, quote, settled, raw } = issuerSteps(h);

  return {
    async mintFromAttestationIssuer() {
      const nvda = tokenOf(deployment, 'NVDAon').address;
      const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(nvda)];
      await openIssuerScreen('NVDAon', 'mint');
      await quote('0.5');
      const total = await raw('issuer-total');
      expect(await textOf(popup, byTestId('issuer-quote-details'))).toMatch(
        /You mint0\.5 NVDAon.*Issuer fee.*You pay.*USDC.*MarketOpen.*Quote valid/,
      );
      await shot('issuer-quote');

      await popup.click(byTestId('issuer-submit'));
      const origin = issuerOrigin('attest');
      expect(await approveTransaction(origin, usdc)).toMatch(/USDC/);
      expect(await approveTransaction(origin, deployment.contracts.AttestationManager)).toMatch(/Mint/);
      await settled();
      await shot('issuer-settled');
      expect(await textOf(popup, byTestId('issuer-status'))).toMatch(/Settled: 0\.5 NVDAon minted for/);
      expect(usdcBefore - (await balanceOf(usdc))).toBe(total);
      expect((await balanceOf(nvda)) - tokensBefore).toBe(10n ** 18n / 2n);
    },

    async redeemWithOrderProcessor() {
      const aapl = tokenOf(deployment, 'AAPL.d').address;
      const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(aapl)];
      await openIssuerScreen('AAPL.d', 'redeem');
      await quote('1');
      const payout = await raw('issuer-payout');
      expect(await textOf(popup, byTestId('issuer-payout'))).toMatch(/USDC$/);
      await popup.click(byTestId('issuer-submit'));
      // The sell burns the shares with burnFrom: the wallet first asks to approve exactly them to the order processor.
      expect(await approveTransaction(issuerOrigin('orders'), aapl)).toMatch(/AAPL\.d/);
      expect(await approveTransaction(issuerOrigin('orders'), deployment.contracts.OrderProcessor)).toMatch(/selling 1 AAPL\.d/);
      await settled();
      expect(await textOf(popup, byTestId('issuer-status'))).toMatch(/paid out to you/);
      expect(tokensBefore - (await balanceOf(aapl))).toBe(10n ** 18n);
      expect((await balanceOf(usdc)) - usdcBefore).toBe(payout);
    },

    /** With jurisdiction US. */
    async usResidentCannotMintAmznr() {
      const nonce = await sent();
      await openIssuerScreen('AMZNr', 'mint');
      expect(await textOf(popup, byTestId('issuer-blocked'))).toMatch(/AMZNr.*residents of US/);
      await popup.fill(byTestId('issuer-amount'), '1');
      expect(await countOf(popup, `${byTestId('issuer-quote')}:disabled`)).toBe(1);
      await shot('issuer-blocked');

      const token = tokenOf(deployment, 'AMZNr').address;
      await expect(h.uiCommand('issuer.quote', { chainId: deployment.chainId, token, side: 'mint', amount: '1' })).rejects.toThrow(
        /issuer\.blocked: AMZNr .* residents of US/,
      );
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
      expect(await sent()).toBe(nonce);
    },
  };
}
