// Issue 11's guard matrix, written once for both browsers: the xStocks-style TSLAx, the Ondo-style
// NVDAon and the unlisted ERC-3643 KSTR, acquired by every path the devnet executes. A US resident
// is refused in the approval window (block verdict, reasons naming the rule's source, approve
// disabled), the dApp gets 4001 naming the token and nothing moves on chain; a DE resident's
// request goes through and the balance grows. A transfer to the token's pair is a sale, which these
// rules do not forbid: it goes through in both. The issuer's mint is refused in the popup.
import type { Hex } from 'viem';
import { expect } from 'vitest';
import { accountOf, contractOf } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { byTestId, clickWhenEnabled, countOf, textOf, type UiBrowser, type UiPage, waitFor } from './driver.ts';
import { type GuardSymbol, guardPaths } from './guard-paths.ts';
import { issuerSteps } from './issuer-flows.ts';
import { routerMarket } from './routers.ts';

export interface GuardHarness {
  deployment: Deployment;
  browser: UiBrowser;
  /** The dApp page, connected to account 0. */
  site: UiPage;
  /** The site's origin, as the approval window names it. */
  origin: string;
  /** The wallet's popup (an extension page), unlocked with the test phrase. */
  popup: UiPage;
  uiCommand(method: string, params: Record<string, unknown>): Promise<unknown>;
}

export type GuardPath = 'V2 swap' | 'V3 SwapRouter exactInputSingle' | 'Universal Router V3 step' | 'opaque router' | 'CoW order';

/** What the refusal names for each token: the rule's source, or the check its own contracts failed. */
export const refusalOf: Record<GuardSymbol, RegExp> = {
  TSLAx: /TSLAx[^\n]*\(source: devnet:terms\/xstocks-style\)/,
  NVDAon: /NVDAon[^\n]*\(source: devnet:terms\/ondo-style\)/,
  KSTR: /KSTR [^\n]*refuses you on chain: its ERC-3643 check CountryAllowModule\.isCountryAllowed says US \(840\)/,
};

const ALL: GuardSymbol[] = ['TSLAx', 'NVDAon', 'KSTR'];

/** The name the window gives the contract each path calls (or, for an order, the settlement it is signed for); the opaque router is nobody the wallet knows. */
const CONTRACT_LABEL: Record<GuardPath, string | null> = {
  'V2 swap': 'Uniswap V2 router (devnet)',
  'V3 SwapRouter exactInputSingle': 'Uniswap V3 SwapRouter (devnet)',
  'Universal Router V3 step': 'Uniswap Universal Router (devnet)',
  'opaque router': null,
  'CoW order': 'CoW Protocol settlement (devnet)',
};

/** The contract-label the window shows beside `address`, or null. */
const labelOf = (page: UiPage, address: string) =>
  page.evaluate(
    (wanted) =>
      [...document.querySelectorAll('[data-testid="contract-label"]')].find((el) => el.getAttribute('data-address')?.toLowerCase() === wanted)
        ?.textContent ?? null,
    address.toLowerCase(),
  );

/**
 * The acquisitions of the matrix. Left out because a test runs them in both browsers already:
 * KSTR on V2 (unlisted-standards-*), TSLAx and NVDAon through the Universal Router's V2 step and
 * a CoW order (routers-*).
 */
export const acquisitions: { path: GuardPath; symbol: GuardSymbol }[] = [
  ...(['TSLAx', 'NVDAon'] as const).map((symbol) => ({ path: 'V2 swap' as const, symbol })),
  ...ALL.map((symbol) => ({ path: 'V3 SwapRouter exactInputSingle' as const, symbol })),
  ...ALL.map((symbol) => ({ path: 'Universal Router V3 step' as const, symbol })),
  ...ALL.map((symbol) => ({ path: 'opaque router' as const, symbol })),
  { path: 'CoW order', symbol: 'KSTR' },
];

export const guardSymbols = ALL;
/** KSTR has no issuer (it is unlisted): the issuer path is the two registry stocks only. */
export const issuerSymbols: GuardSymbol[] = ['TSLAx', 'NVDAon'];

const ETH_IN = 10n ** 17n;
const USDC_IN = 250_000_000n;

type Outcome = { result?: unknown; code?: number; message?: string };

/** What the approval window shows of the verdict once its buttons are armed. */
const shownVerdict = (page: UiPage) =>
  page.evaluate(
    () => ({
      verdict: document.querySelector('[data-testid="approval-verdict"]')?.getAttribute('data-verdict') ?? null,
      blocking: [...document.querySelectorAll('[data-testid="approval-reason"][data-severity="block"]')].map((el) => el.textContent ?? '').join('\n'),
      approveDisabled: document.querySelector<HTMLButtonElement>('[data-testid="approval-approve"]')?.disabled ?? null,
    }),
    undefined,
  );

export function guardMatrix(h: GuardHarness) {
  const { deployment, site, popup } = h;
  const paths = guardPaths(deployment);
  const market = routerMarket(deployment);
  const user = accountOf(deployment, 'user');
  const issuer = issuerSteps({ deployment, browser: h.browser, popup, uiCommand: h.uiCommand });

  const request = (method: string, params: unknown[]): Promise<Outcome> =>
    site.evaluate(
      ({ method, params }) =>
        (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({ method, params }).then(
          (result) => ({ result }),
          (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
        ),
      { method, params },
    );

  /** The dApp's request for `path`, and what a DE user gets once it goes through. */
  async function requestFor(path: GuardPath, symbol: GuardSymbol) {
    if (path === 'CoW order') {
      const order = await market.cowSellOrder(paths.usdc, paths.tokenOf(symbol), 200_000_000n);
      return {
        method: 'eth_signTypedData_v4',
        params: [user, JSON.stringify(market.cowTypedData(order))],
        kind: 'sign-typed-data',
        target: market.settlement as string,
        minOut: order.buyAmount,
        /** The solver settles the signed order on the devnet's GPv2Settlement. */
        complete: async (signature: Hex) => expect((await market.settle(order, signature)).status).toBe('success'),
      };
    }
    const built =
      path === 'V2 swap'
        ? await paths.v2Buy(user, symbol, USDC_IN)
        : path === 'V3 SwapRouter exactInputSingle'
          ? await paths.v3Buy(user, symbol, ETH_IN)
          : path === 'Universal Router V3 step'
            ? await paths.universalV3Buy(user, symbol, ETH_IN)
            : await paths.opaqueBuy(user, symbol, USDC_IN);
    return {
      method: 'eth_sendTransaction',
      params: [built.tx],
      kind: 'transaction',
      target: built.tx.to as string,
      minOut: built.minOut,
      complete: async (hash: Hex) => expect((await paths.waitForReceipt(hash)).status).toBe('success'),
    };
  }

  return {
    /** Lets the V2 and opaque routers and CoW's vault relayer spend account 0's USDC (from anvil, not the wallet). */
    async allowUsdc() {
      await paths.allowUsdc('user');
      await market.allowVaultRelayer('user', paths.usdc);
    },

    /** In the US: refused in the window, naming the source; approve never arms; 4001 naming the token; nothing moves. */
    async refusesAcquisition(path: GuardPath, symbol: GuardSymbol) {
      const token = paths.tokenOf(symbol);
      const [nonce, before] = [await paths.nonceOf(user), await paths.balanceOf(token, user)];
      const asked = await requestFor(path, symbol);
      const pending = request(asked.method, asked.params);
      const { page } = await approvalShowing(h.browser, asked.kind, { origin: h.origin });
      // Reject arms as approve would, were the request allowed.
      await waitFor(page, `${byTestId('approval-reject')}:enabled`);
      const shown = await shownVerdict(page);
      expect(shown.verdict).toBe('block');
      expect(shown.blocking).toMatch(refusalOf[symbol]);
      expect(shown.approveDisabled).toBe(true);
      expect(await labelOf(page, asked.target)).toBe(CONTRACT_LABEL[path]);
      await decideShown(page, 'approval-reject');
      const answer = await pending;
      expect(answer.code).toBe(4001);
      expect(answer.message).toContain(symbol);
      expect(await paths.nonceOf(user)).toBe(nonce);
      expect(await paths.balanceOf(token, user)).toBe(before);
    },

    /** In Germany: not blocked, approved, then mined (or signed and settled), and the balance grows by at least the minimum. */
    async allowsAcquisition(path: GuardPath, symbol: GuardSymbol) {
      const token = paths.tokenOf(symbol);
      const before = await paths.balanceOf(token, user);
      const asked = await requestFor(path, symbol);
      const pending = request(asked.method, asked.params);
      const { page } = await approvalShowing(h.browser, asked.kind, { origin: h.origin });
      await waitFor(page, `${byTestId('approval-approve')}:enabled`);
      const shown = await shownVerdict(page);
      expect(shown.verdict).not.toBe('block');
      expect(shown.blocking).toBe('');
      await decideShown(page, 'approval-approve');
      const { result } = await pending;
      expect(result).toMatch(asked.kind === 'transaction' ? /^0x[0-9a-f]{64}$/ : /^0x[0-9a-f]{130}$/);
      await asked.complete(result as Hex);
      expect((await paths.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(asked.minOut);
    },

    /**
     * A transfer of the held token to its V2 pair. The guard counts it a sale (a transfer of a
     * security to a contract), and these rules forbid only acquiring (xStocks-style), acquiring and
     * redeeming (Ondo-style), or, for KSTR, only receiving (its country module): not blocked, it mines.
     */
    async sendsToPair(symbol: GuardSymbol) {
      const token = paths.tokenOf(symbol);
      const pair = paths.pairOf(symbol);
      const amount = 10n ** 16n;
      const before = await paths.balanceOf(token, pair);
      const pending = request('eth_sendTransaction', [paths.sendToPair(user, symbol, amount).tx]);
      const { page, shown: asked } = await approvalShowing(h.browser, 'transaction', { origin: h.origin });
      expect(asked.summary).toContain(symbol);
      await waitFor(page, `${byTestId('approval-approve')}:enabled`);
      const shown = await shownVerdict(page);
      expect(shown.verdict).not.toBe('block');
      expect(shown.blocking).toBe('');
      await decideShown(page, 'approval-approve');
      const { result } = await pending;
      expect((await paths.waitForReceipt(result as Hex)).status).toBe('success');
      expect((await paths.balanceOf(token, pair)) - before).toBe(amount);
    },

    /** In the US: the issuer screen says why, quoting is disabled, a crafted quote is refused, nothing is sent. */
    async issuerRefusesMint(symbol: GuardSymbol) {
      const nonce = await issuer.sent();
      await issuer.openIssuerScreen(symbol, 'mint');
      expect(await textOf(popup, byTestId('issuer-blocked'))).toMatch(new RegExp(`${symbol}.*residents of US`));
      await popup.fill(byTestId('issuer-amount'), '1');
      expect(await countOf(popup, `${byTestId('issuer-quote')}:disabled`)).toBe(1);
      const token = paths.tokenOf(symbol);
      await expect(h.uiCommand('issuer.quote', { chainId: deployment.chainId, token, side: 'mint', amount: '1' })).rejects.toThrow(
        new RegExp(`issuer\\.blocked: ${symbol} .* residents of US`),
      );
      expect(await h.browser.extensionPages('/approval.html')).toEqual([]);
      expect(await issuer.sent()).toBe(nonce);
    },

    /** In Germany: TSLAx minted through its order-processor issuer (NVDAon's attestation mint runs in issuer-*). */
    async mintsTslaxFromOrderProcessor() {
      // The Dinari-style issuer answers only with its API keys: saved as the user would in Settings.
      const orders = deployment.issuers.find((i) => i.kind === 'order-processor')!;
      await h.uiCommand('issuer.setCredentials', { issuerId: orders.id, values: orders.apiKeys });
      const tslax = paths.tokenOf('TSLAx');
      const [usdcBefore, before] = [await issuer.balanceOf(paths.usdc), await issuer.balanceOf(tslax)];
      await issuer.openIssuerScreen('TSLAx', 'mint');
      await issuer.quote('0.5');
      const total = await issuer.raw('issuer-total');
      await clickWhenEnabled(popup, byTestId('issuer-submit'));
      // One window for the whole mint: the USDC allowance to the order processor, then the order; neither is blocked.
      const plan = await issuer.approvePlan(issuer.issuerOrigin('orders'));
      const processor = contractOf(deployment, 'OrderProcessor').toLowerCase();
      expect(plan.steps.map((s) => [s.to.toLowerCase(), s.verdict])).toEqual([
        [paths.usdc.toLowerCase(), 'allow'],
        [processor, 'allow'],
      ]);
      await issuer.settled();
      expect(usdcBefore - (await issuer.balanceOf(paths.usdc))).toBe(total);
      expect((await issuer.balanceOf(tslax)) - before).toBeGreaterThanOrEqual(10n ** 18n / 2n - 1n);
    },
  };
}
