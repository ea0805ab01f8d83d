// The popup's portfolio against the devnet: after importing the test phrase, every devnet
// stock account 0 holds is listed with the balance and value the chain gives, and each
// token's detail shows its backing and corporate actions.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dividendDistributionAbi } from '../../devnet/abis.ts';
import { contractOf, devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { expectedHoldings } from '../integration/portfolio-expected.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const row = (symbol: string) => `[data-testid="portfolio-row"][data-symbol="${symbol}"]`;
const SHOTS = process.env.SHAREKEEP_SHOTS;

describe('portfolio in the Chromium popup', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    // A dividend paid before the wallet reads anything, so the AAPL.d detail has one to show.
    await write('deployer', {
      address: contractOf(deployment, 'DividendDistribution'),
      abi: dividendDistributionAbi,
      functionName: 'distribute',
      args: [0n, ACCOUNT_0, 24_500_000n],
    });
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    popup = await openUnlockedPopup(wallet);
    await popup.setViewportSize({ width: 380, height: 900 });
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('lists every devnet stock account 0 holds, with the balance and USD value the chain gives', async () => {
    const expected = await expectedHoldings(publicClient, deployment, ACCOUNT_0);
    expect(expected.map((h) => h.symbol).sort()).toEqual(deployment.tokens.map((t) => t.symbol).sort());
    await popup.waitForSelector(row(expected[0].symbol));
    if (SHOTS) await popup.screenshot({ path: `${SHOTS}/portfolio.png`, fullPage: true });
    const shown = await popup.$$eval('[data-testid="portfolio-row"]', (rows) =>
      rows.map((r) => ({
        symbol: r.getAttribute('data-symbol'),
        address: r.getAttribute('data-address'),
        chainId: r.getAttribute('data-chain-id'),
        amount: r.querySelector('[data-testid="holding-balance"]')?.getAttribute('data-amount'),
        balanceText: r.querySelector('[data-testid="holding-balance"]')?.textContent,
        value: r.querySelector('[data-testid="holding-value"]')?.getAttribute('data-value'),
        valueText: r.querySelector('[data-testid="holding-value"]')?.textContent,
      })),
    );
    expect(shown.map((s) => s.symbol).sort()).toEqual(expected.map((h) => h.symbol).sort());
    for (const h of expected) {
      const s = shown.find((x) => x.symbol === h.symbol)!;
      expect(s).toMatchObject({
        address: h.address,
        chainId: String(deployment.chainId),
        amount: h.amount.toString(),
        value: h.value?.toString() ?? '',
      });
      expect(s.balanceText).toContain(h.symbol);
      expect(s.valueText).toMatch(h.value === null ? /^No price$/ : /^\$[\d,]+\.\d{2}$/);
    }
    const total = await popup.getAttribute('[data-testid="portfolio-total"]', 'data-value');
    expect(BigInt(total ?? '0')).toBe(expected.reduce((sum, h) => sum + (h.value ?? 0n), 0n));
  });

  it('prices a stock without a feed from its deepest pool, names that pool, and says what the total leaves out', async () => {
    const expected = await expectedHoldings(publicClient, deployment, ACCOUNT_0);
    await popup.goto(wallet.extensionUrl('popup.html#/'));
    await popup.waitForSelector(row('bCOIN'));
    const prices = await popup.$$eval('[data-testid="portfolio-row"]', (rows) =>
      rows.map((r) => {
        const price = r.querySelector('[data-testid="holding-price"]');
        return {
          symbol: r.getAttribute('data-symbol'),
          source: price?.getAttribute('data-source'),
          pool: price?.getAttribute('data-pool'),
          text: price?.textContent,
        };
      }),
    );
    for (const h of expected) expect(prices.find((p) => p.symbol === h.symbol)?.source).toBe(h.source);
    const bcoin = prices.find((p) => p.symbol === 'bCOIN')!;
    expect(bcoin.pool).toBe(expected.find((h) => h.symbol === 'bCOIN')!.pool);
    expect(bcoin.text).toMatch(
      /^DEX price \$(249\.99|250\.00) per token · Uniswap V3 bCOIN\/USDC 0\.3% pool 0x[0-9a-f]{4}…[0-9a-f]{4} · depth \$250,000\.00$/,
    );
    expect(prices.find((p) => p.symbol === 'TSLAx')?.source).toBe('feed');
    expect(prices.find((p) => p.symbol === 'bIB01')?.source).toBe('none');

    const unpriced = expected.filter((h) => h.value === null).length;
    expect(unpriced).toBeGreaterThan(0);
    const total = popup.locator('[data-testid="portfolio-total"]');
    expect(await total.getAttribute('data-excluded')).toBe(String(unpriced));
    expect(await total.textContent()).toContain(`excludes ${unpriced === 1 ? '1 holding' : `${unpriced} holdings`} without a price`);
  });

  it.each([
    { symbol: 'TSLAx', backing: 'backed', model: 'multiplier', actions: /Multiplier set to × 2/ },
    { symbol: 'AAPL.d', backing: 'under-backed', model: 'balance-per-share', actions: /24\.5 USDC/ },
    { symbol: 'NVDAon', backing: 'not-verifiable', model: 'oracle-multiplier', actions: /Shares per token now/ },
    { symbol: 'sMSFT', backing: 'not-verifiable', model: 'none', actions: /One token stands for one share/ },
    { symbol: 'AMZNr', backing: 'not-verifiable', model: 'none', actions: /One token stands for one share/ },
  ])('the detail of $symbol shows its backing ($backing) and corporate actions', async ({ symbol, backing, model, actions }) => {
    await popup.goto(wallet.extensionUrl('popup.html#/'));
    await popup.click(`${row(symbol)} button`);
    await popup.waitForSelector(`[data-testid="token-detail"][data-symbol="${symbol}"]`);
    const backingEl = popup.locator('[data-testid="token-backing-ratio"]');
    expect(await backingEl.getAttribute('data-status')).toBe(backing);
    if (backing === 'under-backed') expect(await backingEl.textContent()).toContain('92.0%');
    if (backing === 'not-verifiable') expect(await backingEl.textContent()).toContain('Not verifiable');
    const actionsEl = popup.locator('[data-testid="token-corporate-actions"]');
    expect(await actionsEl.getAttribute('data-model')).toBe(model);
    expect(await actionsEl.textContent()).toMatch(actions);
    for (const id of ['token-underlying', 'token-issuer', 'token-structure', 'token-custodian', 'token-restriction']) {
      expect(await popup.locator(`[data-testid="${id}"]`).count()).toBe(1);
    }
    // The devnet registry does not know the custodian: said, and labelled unverified.
    expect(await popup.locator('[data-testid="token-custodian"]').textContent()).toMatch(/Not on record.*unverified/);
    if (SHOTS) await popup.screenshot({ path: `${SHOTS}/detail-${symbol}.png`, fullPage: true });
  });

  it('tells a DE holder they may hold the ERC-3643 token, naming the rule that excludes US holders', async () => {
    await popup.goto(wallet.extensionUrl('popup.html#/'));
    await popup.click(`${row('AMZNr')} button`);
    const restriction = popup.locator('[data-testid="token-restriction"]');
    await restriction.waitFor();
    expect(await restriction.getAttribute('data-allowed')).toBe('true');
    expect(await restriction.getAttribute('data-rule')).toBe('excluded');
    expect(await restriction.textContent()).toMatch(/You may hold it in DE \(holders in US are excluded\)/);
  });
});
