// What the wallet refuses on the way to an issuer, written once for both browsers: an attestation
// changed on the way (its signature no longer the issuer's), a quote naming a contract outside the
// allowlist, an answer redirecting to an origin outside it, and a quote that expired before the user confirmed.
// Each is said in the popup, and nothing is signed or sent.
import { type Address, getAddress, type TestClient } from 'viem';
import { expect } from 'vitest';
import { advanceTime, tokenOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { attributeOf, byTestId, clickWhenEnabled, textOf, until } from './driver.ts';
import type { IssuerProxy, QuoteAnswer, RecordingServer } from './issuer-proxy.ts';
import { type IssuerHarness, issuerSteps } from './issuer-flows.ts';

/** The devnet as a wallet built for `proxy` sees it: every issuer's API at the proxy's origin. */
export const behindProxy = (deployment: Deployment, proxy: IssuerProxy): Deployment => ({
  ...deployment,
  issuerServiceUrl: proxy.url,
  issuers: deployment.issuers.map((issuer) => ({ ...issuer, origin: proxy.url })),
});

export interface RefusalHarness extends IssuerHarness {
  proxy: IssuerProxy;
  /** An origin outside the allowlist, noting every request that reaches it. */
  elsewhere: RecordingServer;
  testClient: TestClient;
}

export function issuerRefusalFlows(h: RefusalHarness) {
  const { popup } = h;
  const steps = issuerSteps(h);
  const failed = `${byTestId('issuer-status')}[data-status="failed"]`;

  /** Runs `act` and checks that afterwards no approval window is open and the account sent nothing and holds what it held. */
  async function nothingSent(symbol: string, act: () => Promise<void>) {
    const token = tokenOf(h.deployment, symbol).address;
    const before = { nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), token: await steps.balanceOf(token) };
    await act();
    expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
    expect({ nonce: await steps.sent(), usdc: await steps.balanceOf(steps.usdc), token: await steps.balanceOf(token) }).toEqual(before);
  }

  /** What the popup says once the request failed: its error code and sentence. */
  async function failure() {
    await until(() => textOf(popup, failed), 'the popup to say the request failed');
    return { code: await attributeOf(popup, failed, 'data-code'), text: await textOf(popup, failed) };
  }

  /** Asks for a quote of `amount` while the proxy changes or redirects the answer; resolves with what the popup says. */
  async function refusedQuote(symbol: string, side: 'mint' | 'redeem', amount: string, meddle: () => void) {
    await steps.saveIssuerKeys();
    meddle();
    try {
      await steps.openIssuerScreen(symbol, side);
      await popup.fill(byTestId('issuer-amount'), amount);
      await popup.click(byTestId('issuer-quote'));
      return await failure();
    } finally {
      h.proxy.tamperQuotes(undefined);
      h.proxy.redirectQuotes(undefined);
    }
  }

  return {
    async tamperedAttestation() {
      await nothingSent('NVDAon', async () => {
        // One percent off the signed price: the signature no longer recovers the issuer's signer on record.
        const cheaper = (answer: QuoteAnswer) => ({ ...answer, price: ((BigInt(answer.price as string) * 99n) / 100n).toString() });
        const said = await refusedQuote('NVDAon', 'mint', '0.5', () => h.proxy.tamperQuotes(cheaper));
        expect(said.code).toBe('issuer.bad_answer');
        expect(said.text).toMatch(/attestation is not signed by .*'s signer on record, so Sharekeep will not use it\. No transaction was sent/);
      });
    },

    async quoteNamingAContractOutsideTheAllowlist() {
      const router = getAddress(h.deployment.contracts.UniswapV2Router02 as Address);
      // The deposit issuer's quote names where the tokens go (Ondo's attestation names no contract: the registry's manager is called).
      await nothingSent('SPYx', async () => {
        const elsewhere = (answer: QuoteAnswer) => ({ ...answer, contract: router, depositAddress: router });
        const said = await refusedQuote('SPYx', 'redeem', '0.5', () => h.proxy.tamperQuotes(elsewhere));
        expect(said.code).toBe('issuer.not_allowlisted');
        expect(said.text).toContain(`asks you to call ${router}, which is not one of its allowlisted contracts. Nothing was signed.`);
      });
    },

    async redirectToAnOriginOutsideTheAllowlist() {
      await nothingSent('NVDAon', async () => {
        const said = await refusedQuote('NVDAon', 'mint', '0.5', () => h.proxy.redirectQuotes(h.elsewhere.url));
        expect(said.code).toBe('issuer.unavailable');
        expect(said.text).toMatch(/could not be reached\. Nothing was sent/);
      });
      expect(h.elsewhere.asked).toEqual([]);
    },

    async quoteExpiredBeforeConfirming() {
      await steps.saveIssuerKeys();
      await nothingSent('NVDAon', async () => {
        await steps.openIssuerScreen('NVDAon', 'mint');
        await steps.quote('0.5');
        // The user waits past the quote's two minutes of chain time before confirming.
        await advanceTime(h.testClient, 180);
        await clickWhenEnabled(popup, byTestId('issuer-submit'));
        const said = await failure();
        expect(said.code).toBe('issuer.quote_expired');
        expect(said.text).toMatch(/has expired\. Ask for a new quote/);
      });
    },
  };
}
