// Issue 11, done-when, in Chromium: through routers that execute on the devnet (the real Universal
// Router, buying with ETH, and a CoW order for the real GPv2Settlement), a US user cannot acquire
// the xStocks-style TSLAx or the Ondo-style NVDAon: the window blocks, names the rule's source,
// cannot approve, and the dApp gets 4001 naming the token. In Germany each goes through: the router
// buy mines and the balance grows; the signed order settles and delivers the token.
import type { Page } from 'playwright-core';
import { type Address, type Hex, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { approve, providerRequest, type RpcOutcome, reject, uiCommand, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { guardedStocks, routerMarket } from './support/routers.ts';
import { onboardByImport, TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const market = routerMarket(deployment);
const { publicClient } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const usdc = contractOf(deployment, 'USDC');
const ETH_IN = 10n ** 17n;

describe('tokenized stocks bought through the Universal Router and CoW on the devnet (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let commands: Page;
  let site: Page;
  let origin: string;

  /** Sends the request from the site; returns the approval window, what it shows, and the pending answer. */
  async function ask(method: string, params: unknown[], kind: 'transaction' | 'sign-typed-data') {
    const pending: Promise<RpcOutcome> = providerRequest(site, method, params);
    const prompt = await waitForApproval(chromium.context, kind, { origin });
    const verdict = await prompt.getByTestId('approval-verdict').getAttribute('data-verdict');
    const blocking = (await prompt.locator('[data-testid="approval-reason"][data-severity="block"]').allTextContents()).join('\n');
    return { prompt, pending, verdict, blocking };
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
    const { prompt, pending, verdict, blocking } = await ask(method, params, kind);
    expect(verdict).toBe('block');
    expect(blocking).toContain(symbol);
    expect(blocking).toContain(`(source: ${source})`);
    expect(await prompt.getByTestId('approval-approve').isDisabled()).toBe(true);
    await reject(prompt);
    const answer = await pending;
    expect(answer.code).toBe(4001);
    expect(answer.message).toContain(symbol);
    expect(await publicClient.getTransactionCount({ address: user })).toBe(nonce);
    expect(await market.balanceOf(token, user)).toBe(before);
  }

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    commands = await onboardByImport(chromium, { secret: deployment.mnemonic, jurisdiction: 'US' });
    const url = `${inject('fixturesUrl')}/dapp.html`;
    origin = new URL(url).origin;
    site = await chromium.context.newPage();
    await site.goto(url);
    const connected = providerRequest(site, 'eth_requestAccounts');
    await approve(await waitForApproval(chromium.context, 'connect', { origin }));
    expect((await connected).result).toEqual([user]);
    await market.allowVaultRelayer('user', usdc);
  });
  afterAll(() => chromium?.close());

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
    beforeAll(() => uiCommand(commands, 'settings.setJurisdiction', { jurisdiction: 'DE', password: TEST_PASSWORD }));

    it.each(guardedStocks)('buys $symbol with ETH through the Universal Router: not blocked, mined, the balance grows', async ({ symbol }) => {
      const token = tokenOf(deployment, symbol).address;
      const { buy, params } = await routerBuy(token);
      const before = await market.balanceOf(token, user);
      const { prompt, pending, verdict, blocking } = await ask('eth_sendTransaction', params, 'transaction');
      expect(verdict).not.toBe('block');
      expect(blocking).toBe('');
      await approve(prompt);
      const { result } = await pending;
      expect(result).toMatch(/^0x[0-9a-f]{64}$/);
      expect((await publicClient.waitForTransactionReceipt({ hash: result as Hex })).status).toBe('success');
      expect((await market.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(buy.minOut);
    });

    it('buys USDC with ETH routed through the TSLAx pools: not blocked, mined, the USDC arrives', async () => {
      const tslax = tokenOf(deployment, 'TSLAx').address;
      const buy = await market.quoteRouteWithEth([market.weth, tslax, usdc], ETH_IN);
      const tx = await market.buyWithEth(user, usdc, buy);
      const before = await market.balanceOf(usdc, user);
      const { prompt, pending, verdict, blocking } = await ask('eth_sendTransaction', [{ ...tx, value: toHex(tx.value) }], 'transaction');
      expect(verdict).not.toBe('block');
      expect(blocking).toBe('');
      await approve(prompt);
      const { result } = await pending;
      expect((await publicClient.waitForTransactionReceipt({ hash: result as Hex })).status).toBe('success');
      expect((await market.balanceOf(usdc, user)) - before).toBeGreaterThanOrEqual(buy.minOut);
    });

    it.each(guardedStocks)('signs a CoW order buying $symbol, and the devnet settlement settles it to the user', async ({ symbol }) => {
      const token = tokenOf(deployment, symbol).address;
      const { order, params } = await cowOrder(token);
      const { prompt, pending, verdict, blocking } = await ask('eth_signTypedData_v4', params, 'sign-typed-data');
      expect(verdict).not.toBe('block');
      expect(blocking).toBe('');
      await approve(prompt);
      const { result } = await pending;
      expect(result).toMatch(/^0x[0-9a-f]{130}$/);
      const before = await market.balanceOf(token, user);
      expect((await market.settle(order, result as Hex)).status).toBe('success');
      expect((await market.balanceOf(token, user)) - before).toBeGreaterThanOrEqual(order.buyAmount);
    });
  });
});
