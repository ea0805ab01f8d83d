// Minting and redeeming through the popup, written once for both browsers: the issuer's quote, its
// plan (every transaction, the payout, fees, deadline and price check) approved once in a window
// named after the issuer, the steps then sent without another window, the status settling on chain
// and the balances moving by the amounts quoted; a refused mint sends nothing.
import { type Address, erc20Abi, formatUnits, parseUnits } from 'viem';
import { expect } from 'vitest';
import { devnetClients, tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { approvalShowing, decideShown, type ShownPlan, shownPlan } from './approval-flow.ts';
import { attributeOf, byTestId, countOf, textOf, type UiBrowser, type UiPage, until, waitFor } from './driver.ts';
import { enterIssuerCredentials } from './issuer-credentials.ts';
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

  /**
   * Waits for the one approval window of an issuer request (kind `issuer-request`, named after the
   * issuer), reads the plan it shows, checks its verdict allows it, approves it; returns what it showed.
   */
  async function approvePlan(origin: string): Promise<ShownPlan> {
    const { page, shown } = await approvalShowing(h.browser, 'issuer-request', { origin });
    expect(shown.verdict).not.toBe('block');
    const plan = await shownPlan(page);
    if (h.shots) await page.screenshot(`${h.shots}/issuer-plan.png`);
    await decideShown(page, 'approval-approve');
    return plan;
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

  /** The devnet issuers that answer only with API keys (Ondo-style, Dinari-style): their keys, saved as Settings saves them. */
  async function saveIssuerKeys() {
    for (const issuer of deployment.issuers) {
      if (issuer.apiKeys) await h.uiCommand('issuer.setCredentials', { issuerId: issuer.id, values: issuer.apiKeys });
    }
  }

  return { usdc, balanceOf, issuerOrigin, shot, sent, approvePlan, openIssuerScreen, quote, settled, raw, saveIssuerKeys };
}

export function issuerFlows(h: IssuerHarness) {
  const { deployment, popup } = h;
  const { usdc, balanceOf, issuerOrigin, shot, sent, approvePlan, openIssuerScreen, quote, settled, raw, saveIssuerKeys } = issuerSteps(h);

  /** The Activity row of the request's issuer call (the hash its status names) says what was received. */
  async function receivedInActivity(expected: string) {
    const hash = (await textOf(popup, `${byTestId('issuer-status')} .mono`))!;
    await popup.open('/popup.html#/activity');
    const line = `${byTestId('activity-row')}[data-hash="${hash}"] ${byTestId('activity-payout')}[data-state="received"]`;
    await waitFor(popup, line);
    expect(await textOf(popup, line)).toBe(expected);
  }

  return {
    async mintFromAttestationIssuer() {
      const nvda = tokenOf(deployment, 'NVDAon').address;
      const attest = deployment.issuers.find((i) => i.id === 'attest')!;
      const [usdcBefore, tokensBefore, nonce] = [await balanceOf(usdc), await balanceOf(nvda), await sent()];
      // Without the user's Ondo GM API key nothing is asked of the issuer: the popup says where the key goes.
      await openIssuerScreen('NVDAon', 'mint');
      await popup.fill(byTestId('issuer-amount'), '0.5');
      await popup.click(byTestId('issuer-quote'));
      const failed = `${byTestId('issuer-status')}[data-status="failed"]`;
      await until(() => textOf(popup, failed), 'the popup to say the mint needs an API key');
      expect(await attributeOf(popup, failed, 'data-code')).toBe('issuer.no_account');
      expect(await textOf(popup, failed)).toMatch(/answers only with your Ondo GM API key\. Add it in Settings → Issuer access.*nothing was sent/);
      expect(await sent()).toBe(nonce);
      // The user enters the key in Settings → Issuer access, then asks again.
      await enterIssuerCredentials(popup, attest.id, attest.apiKeys!);
      await openIssuerScreen('NVDAon', 'mint');
      await quote('0.5');
      const total = await raw('issuer-total');
      expect(await textOf(popup, byTestId('issuer-quote-details'))).toMatch(
        /You mint0\.5 NVDAon.*Issuer fee.*You pay.*USDC.*MarketOpen.*Quote valid/,
      );
      await shot('issuer-quote');

      await popup.click(byTestId('issuer-submit'));
      // One window for the whole mint: the USDC allowance to the manager for exactly the total, then the mint.
      const plan = await approvePlan(issuerOrigin('attest'));
      const manager = deployment.contracts.AttestationManager;
      expect(plan.steps.map((s) => [s.kind, s.to.toLowerCase(), s.verdict, s.simulation])).toEqual([
        ['allowance', usdc.toLowerCase(), 'allow', 'ok'],
        ['attestation', manager.toLowerCase(), 'allow', 'ok'],
      ]);
      expect(plan.steps[0].allowances).toEqual([expect.stringMatching(new RegExp(`^${formatUnits(total, 6)} USDC may be spent by ${manager}`, 'i'))]);
      expect(plan.steps[0].labels).toEqual(expect.arrayContaining([expect.stringMatching(/Devnet Attest/)]));
      expect(plan.payout).toMatch(new RegExp(`^0\\.5 NVDAon to ${ACCOUNT_0}, in the same transaction`, 'i'));
      expect(plan.priceCheck).toBe('ok');
      expect(plan.fee).toMatch(/ETH/);
      expect(plan.deadline).toMatch(/chain time \d+/);
      await settled();
      await shot('issuer-settled');
      expect(await textOf(popup, byTestId('issuer-status'))).toMatch(/Settled: 0\.5 NVDAon minted for/);
      expect(usdcBefore - (await balanceOf(usdc))).toBe(total);
      expect((await balanceOf(nvda)) - tokensBefore).toBe(10n ** 18n / 2n);
    },

    async redeemWithOrderProcessor() {
      await saveIssuerKeys();
      const aapl = tokenOf(deployment, 'AAPL.d').address;
      const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(aapl)];
      await openIssuerScreen('AAPL.d', 'redeem');
      await quote('1');
      const payout = await raw('issuer-payout');
      expect(await textOf(popup, byTestId('issuer-payout'))).toMatch(/USDC$/);
      await popup.click(byTestId('issuer-submit'));
      // The sell burns the shares with burnFrom: the plan first approves exactly them to the order processor, then sells.
      const plan = await approvePlan(issuerOrigin('orders'));
      const processor = deployment.contracts.OrderProcessor;
      expect(plan.steps.map((s) => [s.kind, s.to.toLowerCase(), s.verdict, s.simulation])).toEqual([
        ['allowance', aapl.toLowerCase(), 'allow', 'ok'],
        ['order', processor.toLowerCase(), 'allow', 'ok'],
      ]);
      expect(plan.steps[0].allowances).toEqual([expect.stringMatching(new RegExp(`^1 AAPL\\.d may be spent by ${processor}`, 'i'))]);
      expect(plan.steps[1].summary).toMatch(/selling 1 AAPL\.d/);
      expect(plan.steps[1].funds).toMatch(/burnt by Devnet Orders.*'s order processor; .* USDC are paid to you when Devnet Orders.* fills the order/);
      expect(plan.payout).toMatch(new RegExp(`^${formatUnits(payout, 6)} USDC to ${ACCOUNT_0}, when Devnet Orders.* fills the order`, 'i'));
      await settled();
      expect(await textOf(popup, byTestId('issuer-status'))).toMatch(/paid out to you/);
      expect(tokensBefore - (await balanceOf(aapl))).toBe(10n ** 18n);
      expect((await balanceOf(usdc)) - usdcBefore).toBe(payout);
      // Activity: the sell order's row says what was received, not only that the order was mined.
      await receivedInActivity(`Received ${formatUnits(payout, 6)} USDC`);
    },

    async redeemWithAttestationIssuer() {
      await saveIssuerKeys();
      const nvda = tokenOf(deployment, 'NVDAon').address;
      const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(nvda)];
      await openIssuerScreen('NVDAon', 'redeem');
      await quote('1');
      const payout = await raw('issuer-payout');
      expect(await textOf(popup, byTestId('issuer-payout'))).toMatch(/USDC$/);
      await popup.click(byTestId('issuer-submit'));
      // The manager pulls the GM tokens: the plan first approves exactly them to it, then redeems with the signed quote.
      const plan = await approvePlan(issuerOrigin('attest'));
      const manager = deployment.contracts.AttestationManager;
      expect(plan.steps.map((s) => [s.kind, s.to.toLowerCase(), s.verdict, s.simulation])).toEqual([
        ['allowance', nvda.toLowerCase(), 'allow', 'ok'],
        ['attestation', manager.toLowerCase(), 'allow', 'ok'],
      ]);
      expect(plan.steps[0].allowances).toEqual([expect.stringMatching(new RegExp(`^1 NVDAon may be spent by ${manager}`, 'i'))]);
      expect(plan.steps[1].funds).toMatch(/Your 1 NVDAon go to Devnet Attest.*'s contract and [\d.]+ USDC come to you, in this one transaction/);
      expect(plan.payout).toMatch(new RegExp(`^${formatUnits(payout, 6)} USDC to ${ACCOUNT_0}, in the same transaction`, 'i'));
      expect(plan.priceCheck).toBe('ok');
      await settled();
      expect(await textOf(popup, byTestId('issuer-status'))).toContain(`Settled: 1 NVDAon redeemed; ${formatUnits(payout, 6)} USDC paid out to you.`);
      expect(tokensBefore - (await balanceOf(nvda))).toBe(10n ** 18n);
      expect((await balanceOf(usdc)) - usdcBefore).toBe(payout);
      await receivedInActivity(`Received ${formatUnits(payout, 6)} USDC`);
    },

    async mintWithOrderProcessor() {
      await saveIssuerKeys();
      const aapl = tokenOf(deployment, 'AAPL.d').address;
      const [usdcBefore, tokensBefore] = [await balanceOf(usdc), await balanceOf(aapl)];
      await openIssuerScreen('AAPL.d', 'mint');
      await quote('1');
      const total = await raw('issuer-total');
      await popup.click(byTestId('issuer-submit'));
      // The buy escrows USDC: the plan first approves exactly the total (fees included) to the order processor, then buys.
      const plan = await approvePlan(issuerOrigin('orders'));
      const processor = deployment.contracts.OrderProcessor;
      expect(plan.steps.map((s) => [s.kind, s.to.toLowerCase(), s.verdict, s.simulation])).toEqual([
        ['allowance', usdc.toLowerCase(), 'allow', 'ok'],
        ['order', processor.toLowerCase(), 'allow', 'ok'],
      ]);
      expect(plan.steps[0].allowances).toEqual([
        expect.stringMatching(new RegExp(`^${formatUnits(total, 6)} USDC may be spent by ${processor}`, 'i')),
      ]);
      expect(plan.steps[1].summary).toMatch(new RegExp(`buying .*AAPL\\.d.* for ${formatUnits(total, 6)} USDC`));
      expect(plan.steps[1].funds).toMatch(
        /USDC are held in escrow by Devnet Orders.*'s order processor until the order is filled; then 1 AAPL\.d come to you/,
      );
      expect(plan.payout).toMatch(new RegExp(`^1 AAPL\\.d to ${ACCOUNT_0}, when Devnet Orders.* fills the order`, 'i'));
      await settled();
      const status = (await textOf(popup, byTestId('issuer-status'))) ?? '';
      const filled = status.match(new RegExp(`Settled: ([\\d.]+) AAPL\\.d minted for ${formatUnits(total, 6)} USDC\\.`))?.[1];
      expect(filled, status).toBeDefined();
      expect(usdcBefore - (await balanceOf(usdc))).toBe(total);
      // The fill converts the escrowed USDC at the quoted price into the quoted shares; AAPL.d balances are
      // shares of a rebasing supply, so they may round by one unit.
      for (const amount of [parseUnits(filled!, 18), (await balanceOf(aapl)) - tokensBefore]) {
        expect(amount >= 10n ** 18n - 1n && amount <= 10n ** 18n + 1n, `${amount}`).toBe(true);
      }
      await receivedInActivity(`Received ${filled} AAPL.d`);
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
