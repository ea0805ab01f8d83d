// Redeeming by deposit and the quote's price check, written once for both browsers. SPYx (Backed-
// style issuer): the quote names the deposit address and the T+3 window, the plan window lists the
// one transfer with the deposit address named, the SPYx leave the account and the status shows the
// USDC received; no mint is offered, the detail saying Backed issues only to onboarded clients. NVDAon: quoted 5% above its feed, the popup and the plan window warn and the user
// may still go on; quoted 15% above, the popup refuses, the wallet refuses a crafted submit, and
// nothing is sent.
import type { Address } from 'viem';
import { expect } from 'vitest';
import { setQuoteSkew } from '../../../devnet/issuer/knobs.ts';
import { tokenOf } from '../../../devnet/test-kit.ts';
import { approvalShowing, decideShown, shownPlan } from './approval-flow.ts';
import { attributeOf, byTestId, countOf, textOf, waitFor } from './driver.ts';
import { type IssuerHarness, issuerSteps } from './issuer-flows.ts';
import { ACCOUNT_0 } from './wallet.ts';

// An attestation issuer's token: a Dinari-style issuer quotes no price (the wallet prices the order itself).
export const PRICE_SYMBOL = 'NVDAon';

export function issuerDepositPriceFlows(h: IssuerHarness) {
  const { deployment, popup } = h;
  const steps = issuerSteps(h);
  const backed = deployment.issuers.find((i) => i.id === 'backed')!;
  const priceCheck = async () => ({
    level: await attributeOf(popup, byTestId('issuer-price-check'), 'data-level'),
    text: (await textOf(popup, byTestId('issuer-price-check'))) ?? '',
  });
  const submitDisabled = async () => (await countOf(popup, `${byTestId('issuer-submit')}:disabled`)) === 1;

  return {
    async redeemByDeposit() {
      const spy = tokenOf(deployment, 'SPYx').address as Address;
      const [spyBefore, usdcBefore] = [await steps.balanceOf(spy), await steps.balanceOf(steps.usdc)];
      await steps.openIssuerScreen('SPYx', 'redeem');
      await steps.quote('1');
      expect((await textOf(popup, byTestId('issuer-deposit-address')))?.toLowerCase()).toContain(backed.depositAddress!.toLowerCase());
      expect(await textOf(popup, byTestId('issuer-payout-window'))).toMatch(/USDC from .* within T\+3/);

      await popup.click(byTestId('issuer-submit'));
      // One step: the user's own transfer to the deposit address, no allowance; the payout comes later from the payout address.
      const plan = await steps.approvePlan(steps.issuerOrigin('backed'));
      expect(plan.steps.map((s) => [s.kind, s.to.toLowerCase(), s.verdict])).toEqual([['deposit', spy.toLowerCase(), 'allow']]);
      expect(plan.steps[0].labels).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Devnet Backed .*redemption deposit address: tokens sent here are redeemed, paid out in stablecoins within T\+3/),
        ]),
      );
      expect(plan.payout).toMatch(new RegExp(`USDC to ${ACCOUNT_0}, within T\\+3 .*, from ${backed.payoutAddress}`, 'i'));

      await steps.settled();
      const received = (await steps.balanceOf(steps.usdc)) - usdcBefore;
      expect(spyBefore - (await steps.balanceOf(spy))).toBe(10n ** 18n);
      expect(received).toBeGreaterThan(0n);
      expect(await textOf(popup, byTestId('issuer-status'))).toMatch(/Settled: 1 SPYx redeemed; [\d,.]+ USDC received from Devnet Backed/);
    },

    /**
     * Backed issues new tokens off chain, only to clients it has onboarded: the token detail offers no
     * mint and says so with the onboarding link; a crafted mint request is refused; nothing is sent.
     */
    async backedMintIsOffChain() {
      const spy = tokenOf(deployment, 'SPYx').address as Address;
      const nonce = await steps.sent();
      await popup.open(`/popup.html#/token/${deployment.chainId}/${spy}`);
      const notice = `${byTestId('issuer-unavailable')}[data-side="mint"]`;
      await waitFor(popup, notice);
      expect(await textOf(popup, notice)).toBe(
        `${backed.name} issues new SPYx only to clients it has onboarded, off chain; no contract mints it for a wallet, so Sharekeep cannot mint it here. To buy from ${backed.name}, become its client through its onboarding: devnet:deployment/onboarding`,
      );
      expect(await countOf(popup, byTestId('mint-button'))).toBe(0);
      expect(await countOf(popup, byTestId('redeem-button'))).toBe(1);
      await steps.shot('issuer-backed-mint');

      await expect(h.uiCommand('issuer.quote', { chainId: deployment.chainId, token: spy, side: 'mint', amount: '1' })).rejects.toThrow(
        /issuer\.unsupported: .*issues new SPYx only to clients it has onboarded, off chain.*onboarding: devnet:deployment\/onboarding\. Nothing was sent\./,
      );
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
      expect(await steps.sent()).toBe(nonce);
    },

    /** A quote 5% above the feed: shown with a warning in the popup and in the plan window; rejecting it there sends nothing. */
    async warnedQuoteCanStillBeSubmitted() {
      await setQuoteSkew(deployment.issuerServiceUrl, PRICE_SYMBOL, 500);
      await steps.saveIssuerKeys();
      await steps.openIssuerScreen(PRICE_SYMBOL, 'mint');
      await steps.quote('1');
      expect(await priceCheck()).toEqual({ level: 'warn', text: expect.stringMatching(/5% above the price feed for NVDAon/) });
      expect(await submitDisabled()).toBe(false);

      const nonce = await steps.sent();
      await popup.click(byTestId('issuer-submit'));
      const { page } = await approvalShowing(h.browser, 'issuer-request', { origin: steps.issuerOrigin('attest') });
      expect((await shownPlan(page)).priceCheck).toBe('warn');
      await decideShown(page, 'approval-reject');
      const failed = `${byTestId('issuer-status')}[data-status="failed"]`;
      await waitFor(popup, failed);
      expect(await textOf(popup, failed)).toMatch(/You rejected it in the Sharekeep window\. Nothing more was sent/);
      expect(await steps.sent()).toBe(nonce);
    },

    /** A quote 15% above the feed: submit disabled, a crafted submit refused, nothing sent, balances unchanged. */
    async refusedQuoteSendsNothing() {
      await setQuoteSkew(deployment.issuerServiceUrl, PRICE_SYMBOL, 1_500);
      const token = tokenOf(deployment, PRICE_SYMBOL).address as Address;
      const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), token: await steps.balanceOf(token) };
      await steps.saveIssuerKeys();
      await steps.openIssuerScreen(PRICE_SYMBOL, 'mint');
      await steps.quote('1');
      expect(await priceCheck()).toEqual({
        level: 'block',
        text: expect.stringMatching(/15% above the price feed for NVDAon.*refuses quotes more than 10% off; nothing was sent/),
      });
      expect(await submitDisabled()).toBe(true);

      // A page that ignores the disabled button gets the background's own refusal.
      const latest = (await h.uiCommand('issuer.quote', { chainId: deployment.chainId, token, side: 'mint', amount: '1' })) as { id: string };
      await expect(h.uiCommand('issuer.submit', { id: latest.id })).rejects.toThrow(/issuer\.price_deviation: .*15% above the price feed/);
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
      expect({ nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), token: await steps.balanceOf(token) }).toEqual(before);
    },

    clearSkew: () => setQuoteSkew(deployment.issuerServiceUrl, PRICE_SYMBOL, 0, 0),
  };
}
