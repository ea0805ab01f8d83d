// The popup's portfolio against the devnet in Firefox, as in Chromium: every devnet stock account 0
// holds is listed with the balance and value the chain gives, and each token's detail shows its
// backing and corporate actions.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dividendDistributionAbi } from '../../devnet/abis.ts';
import { contractOf, devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { expectedHoldings } from '../integration/portfolio-expected.ts';
import { attributeOf, byTestId, countOf, puppeteerPage, textOf, type UiPage, waitFor } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const row = (symbol: string) => `${byTestId('portfolio-row')}[data-symbol="${symbol}"]`;

describe('portfolio in the Firefox popup', () => {
  let firefox: FirefoxWithExtension;
  let popup: UiPage;
  let revert: () => Promise<void>;

  /** Opens the detail of `symbol` from the portfolio list. */
  async function openDetail(symbol: string) {
    await popup.open('/popup.html#/');
    await popup.click(`${row(symbol)} button`);
    await waitFor(popup, `${byTestId('token-detail')}[data-symbol="${symbol}"]`);
  }

  beforeAll(async () => {
    revert = await snapshot(testClient);
    // A dividend paid before the wallet reads anything, so the AAPL.d detail has one to show.
    await write('deployer', {
      address: contractOf(deployment, 'DividendDistribution'),
      abi: dividendDistributionAbi,
      functionName: 'distribute',
      args: [0n, ACCOUNT_0, 24_500_000n],
    });
    firefox = await launchWalletFirefox();
    const page: Page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    await page.setViewport({ width: 380, height: 900 });
    popup = puppeteerPage(page);
    await popup.open('/popup.html#/');
  });
  afterAll(async () => {
    await firefox?.close();
    await revert?.();
  });

  it('lists every devnet stock account 0 holds, with the balance and USD value the chain gives', async () => {
    const expected = await expectedHoldings(publicClient, deployment, ACCOUNT_0);
    expect(expected.map((h) => h.symbol).sort()).toEqual(deployment.tokens.map((t) => t.symbol).sort());
    for (const h of expected) await waitFor(popup, row(h.symbol));
    const shown = await popup.evaluate(
      () =>
        [...document.querySelectorAll('[data-testid="portfolio-row"]')].map((r) => ({
          symbol: r.getAttribute('data-symbol'),
          address: r.getAttribute('data-address'),
          chainId: r.getAttribute('data-chain-id'),
          amount: r.querySelector('[data-testid="holding-balance"]')?.getAttribute('data-amount'),
          balanceText: r.querySelector('[data-testid="holding-balance"]')?.textContent,
          value: r.querySelector('[data-testid="holding-value"]')?.getAttribute('data-value'),
          valueText: r.querySelector('[data-testid="holding-value"]')?.textContent,
        })),
      undefined,
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
    const total = await attributeOf(popup, byTestId('portfolio-total'), 'data-value');
    expect(BigInt(total ?? '0')).toBe(expected.reduce((sum, h) => sum + (h.value ?? 0n), 0n));
  });

  it.each([
    { symbol: 'TSLAx', backing: 'backed', model: 'multiplier', actions: /Multiplier set to × 2/ },
    { symbol: 'AAPL.d', backing: 'under-backed', model: 'balance-per-share', actions: /24\.5 USDC/ },
    { symbol: 'NVDAon', backing: 'not-verifiable', model: 'oracle-multiplier', actions: /Shares per token now/ },
    { symbol: 'sMSFT', backing: 'not-verifiable', model: 'none', actions: /One token stands for one share/ },
    { symbol: 'AMZNr', backing: 'not-verifiable', model: 'none', actions: /One token stands for one share/ },
  ])('the detail of $symbol shows its backing ($backing) and corporate actions', async ({ symbol, backing, model, actions }) => {
    await openDetail(symbol);
    const backingEl = byTestId('token-backing-ratio');
    await waitFor(popup, backingEl);
    expect(await attributeOf(popup, backingEl, 'data-status')).toBe(backing);
    if (backing === 'under-backed') expect(await textOf(popup, backingEl)).toContain('92.0%');
    if (backing === 'not-verifiable') expect(await textOf(popup, backingEl)).toContain('Not verifiable');
    const actionsEl = byTestId('token-corporate-actions');
    expect(await attributeOf(popup, actionsEl, 'data-model')).toBe(model);
    expect(await textOf(popup, actionsEl)).toMatch(actions);
    for (const id of ['token-underlying', 'token-issuer', 'token-structure', 'token-custodian', 'token-restriction']) {
      expect(await countOf(popup, byTestId(id))).toBe(1);
    }
    // The devnet registry does not know the custodian: said, and labelled unverified.
    expect(await textOf(popup, byTestId('token-custodian'))).toMatch(/Not on record.*unverified/);
  });

  it('tells a DE holder they may hold the ERC-3643 token, naming the rule that excludes US holders', async () => {
    await openDetail('AMZNr');
    const restriction = byTestId('token-restriction');
    await waitFor(popup, restriction);
    expect(await attributeOf(popup, restriction, 'data-allowed')).toBe('true');
    expect(await attributeOf(popup, restriction, 'data-rule')).toBe('excluded');
    expect(await textOf(popup, restriction)).toMatch(/You may hold it in DE \(holders in US are excluded\)/);
  });
});
