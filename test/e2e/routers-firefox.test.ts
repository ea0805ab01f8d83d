// Issue 11, done-when, in Firefox: through routers that execute on the devnet (the real Universal
// Router, buying with ETH, and a CoW order for the real GPv2Settlement), a US user cannot acquire
// the xStocks-style TSLAx or the Ondo-style NVDAon: the window blocks, names the rule's source,
// cannot approve, and the dApp gets 4001 naming the token. In Germany each goes through: the router
// buy mines and the balance grows; the signed order settles and delivers the token.
import type { Browser, Page } from 'puppeteer-core';
import { type Address, type Hex, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approvalShowing, approveIn, extensionPage, firefoxUiCommand, type Outcome, startRequest, waitForEnabled } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { guardedStocks, routerMarket } from './support/routers.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const market = routerMarket(deployment);
const { publicClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const ETH_IN = 10n ** 17n;

/** What the approval window shows for the request: origin, verdict, blocking reasons, whether approve takes a press. */
function shownVerdict(page: Page) {
  return page.evaluate(() => ({
    origin: document.querySelector('[data-testid="approval-origin"]')?.textContent ?? null,
    verdict: document.querySelector('[data-testid="approval-verdict"]')?.getAttribute('data-verdict') ?? null,
    blocking: [...document.querySelectorAll('[data-testid="approval-reason"][data-severity="block"]')].map((el) => el.textContent ?? '').join('\n'),
    approveDisabled: document.querySelector<HTMLButtonElement>('[data-testid="approval-approve"]')?.disabled ?? null,
  }));
}

describe('tokenized stocks bought through the Universal Router and CoW on the devnet (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let browser: Browser;
  let commands: Page;
  let site: Page;
  let origin: string;

  /** Sends the request from the site; returns the approval window once its buttons arm, what it shows, and the pending answer. */
  async function ask(method: string, params: unknown[], kind: 'transaction' | 'sign-typed-data') {
    const pending: Promise<Outcome> = startRequest(site, method, params);
    const prompt = await approvalShowing(browser, kind);
    // Reject arms like approve does; once it takes a press, approve would have armed too, were the request allowed.
    await waitForEnabled(prompt, 'approval-reject');
    const shown = await shownVerdict(prompt);
    expect(shown.origin).toBe(origin);
    return { prompt, pending, shown };
  }

  const routerBuy = async (token: Address) => {
    const buy = await market.quoteBuyWithEth(token, ETH_IN);
    const tx = await market.buyWithEth(user, token, buy);
    return { buy, params: [{ ...tx, value: toHex(tx.value) }] };
  };
  const cowOrder = async (token: Address) => {
    const order = await market.cowSellOrder(usdc, token, 200_000_000n);
    return { order, params: [user, JSON.stringify(market.cowTypedData(order))] };
  };

  /** A refused request: block verdict naming the rule's source, approve disabled, 4001 naming the token, nothing moved. */
  async function expectRefused(symbol: string, source: string, method: string, params: unknown[], kind: 'transaction' | 'sign-typed-data') {
    const token = tokenOf(deployment, symbol).address;
    const [nonce, before] = [await publicClient.getTransactionCount({ address: user }), await market.balanceOf(token, user)];
    const { prompt, pending, shown } = await ask(method, params, kind);
    expect(shown.verdict).toBe('block');
    expect(shown.blocking).toContain(symbol);
    expect(shown.blocking).toContain(`(source: ${source})`);
    expect(shown.approveDisabled).toBe(true);
    await prompt.click('[data-testid="approval-reject"]');
    const answer = await pending;
    expect(answer.code).toBe(4001);
    expect(answer.message).toContain(symbol);
    expect(await publicClient.getTransactionCount({ address: user })).toBe(nonce);
    expect(await market.balanceOf(token, user)).toBe(before);
  }

  /** An allowed request: not blocked, no blocking reason, approved; resolves with the dApp's answer. */
  async function approveAllowed(method: string, params: unknown[], kind: 'transaction' | 'sign-typed-data') {
    const { prompt, pending, shown } = await ask(method, params, kind);
    expect(shown.verdict).not.toBe('block');
    expect(shown.blocking).toBe('');
    await waitForEnabled(prompt);
    await prompt.click('[data-testid="approval-approve"]');
    return pending;
  }

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    browser = firefox.browser;
    commands = await extensionPage(browser, '/onboarding.html');
    await firefoxUiCommand(commands, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'US',
      replaceExisting: true,
    });
    const url = `${inject('fixturesUrl')}/dapp.html`;
    origin = new URL(url).origin;
    site = await browser.newPage();
    await site.goto(url);
    const connected = startRequest(site, 'eth_requestAccounts');
    expect(await approveIn(browser, 'connect')).toBe(origin);
    expect((await connected).result).toEqual([user]);
    await market.allowVaultRelayer('user', usdc);
  });
  afterAll(() => firefox?.close());

  describe('in the US', () => {
    it.each(guardedStocks)('refuses a buy of $symbol ($style) with ETH through the Universal Router', async ({ symbol, source }) => {
      const { params } = await routerBuy(tokenOf(deployment, symbol).address);
      await expectRefused(symbol, source, 'eth_sendTransaction', params, 'transaction');
    });

    it('refuses a buy of USDC with ETH routed through the TSLAx pools: TSLAx is traded on the way', async () => {
      const tslax = tokenOf(deployment, 'TSLAx').address;
      const buy = await market.quoteRouteWithEth([market.weth, tslax, usdc], ETH_IN);
      const tx = await market.buyWithEth(user, usdc, buy);
      await expectRefused('TSLAx', guardedStocks[0].source, 'eth_sendTransaction', [{ ...tx, value: toHex(tx.value) }], 'transaction');
    });

    it.each(guardedStocks)('refuses to sign a CoW order that buys $symbol ($style)', async ({ symbol, source }) => {
      const { params } = await cowOrder(tokenOf(deployment, symbol).address);
      await expectRefused(symbol, source, 'eth_signTypedData_v4', params, 'sign-typed-data');
    });
  });

  describe('in Germany', () => {
    beforeAll(() => firefoxUiCommand(commands, 'settings.setJurisdiction', { jurisdiction: 'DE', password: TEST_PASSWORD }));

    it.each(guardedStocks)('buys $symbol with ETH through the Universal Router: not blocked, mined, the balance grows', async ({ symbol }) => {
      const token = tokenOf(deployment, symbol).address;
      const { buy, params } = await routerBuy(token);
      const before = await market.balanceOf(token, user);
      const { result } = await approveAllowed('eth_sendTransaction', params, 'transaction');
      expect(result).toMatch(/^0x[0-9a-f]{64}$/);
      expect((await publicClient.waitForTransactionReceipt({ hash: result as Hex })).status).toBe('success');
      expect((await market.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(buy.minOut);
    });

    it('buys USDC with ETH routed through the TSLAx pools: not blocked, mined, the USDC arrives', async () => {
      const tslax = tokenOf(deployment, 'TSLAx').address;
      const buy = await market.quoteRouteWithEth([market.weth, tslax, usdc], ETH_IN);
      const tx = await market.buyWithEth(user, usdc, buy);
      const before = await market.balanceOf(usdc, user);
      const { result } = await approveAllowed('eth_sendTransaction', [{ ...tx, value: toHex(tx.value) }], 'transaction');
      expect((await publicClient.waitForTransactionReceipt({ hash: result as Hex })).status).toBe('success');
      expect((await market.balanceOf(usdc, user)) - before).toBeGreaterThanOrEqual(buy.minOut);
    });

    it.each(guardedStocks)('signs a CoW order buying $symbol, and the devnet settlement settles it to the user', async ({ symbol }) => {
      const token = tokenOf(deployment, symbol).address;
      const { order, params } = await cowOrder(token);
      const { result } = await approveAllowed('eth_signTypedData_v4', params, 'sign-typed-data');
      expect(result).toMatch(/^0x[0-9a-f]{130}$/);
      const before = await market.balanceOf(token, user);
      expect((await market.settle(order, result as Hex)).status).toBe('success');
      expect((await market.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(order.buyAmount);
    });
  });
});
