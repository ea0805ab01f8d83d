// Issue 11, done-when, in Firefox: through the real Uniswap V2 router, a US user cannot buy KSTR
// (ERC-3643, found on chain, not in the registry) and nothing is mined; a DE user can, and the swap
// mines; an address the Ondo-style OSPR's compliance denies is refused, naming that check.
import type { Browser, Page } from 'puppeteer-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountOf } from '../../devnet/test-kit.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approvalShowing, approveIn, extensionPage, firefoxUiCommand, type Outcome, startRequest, waitForEnabled } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { type UnlistedSymbol, unlistedMarket } from './support/unlisted.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const market = unlistedMarket(deployment);
const user = accountOf(deployment, 'user');
const usInvestor = accountOf(deployment, 'us-investor');

/** What the approval window shows for the request: verdict, blocking reasons, whether approve takes a press. */
function shownVerdict(page: Page) {
  return page.evaluate(() => ({
    verdict: document.querySelector('[data-testid="approval-verdict"]')?.getAttribute('data-verdict') ?? null,
    blocking: [...document.querySelectorAll('[data-testid="approval-reason"][data-severity="block"]')].map((el) => el.textContent ?? '').join('\n'),
    approveDisabled: document.querySelector<HTMLButtonElement>('[data-testid="approval-approve"]')?.disabled ?? null,
  }));
}

describe('permissioned tokens outside the registry, bought on Uniswap V2 (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let browser: Browser;
  let commands: Page;
  let site: Page;

  async function connectedSite(url: string): Promise<Page> {
    const page = await browser.newPage();
    await page.goto(url);
    const pending = startRequest(page, 'eth_requestAccounts');
    expect(await approveIn(browser, 'connect')).toBe(new URL(url).origin);
    expect((await pending).result).toHaveLength(1);
    return page;
  }

  async function requestBuy(page: Page, symbol: UnlistedSymbol, account: Address) {
    const pending: Promise<Outcome> = startRequest(page, 'eth_sendTransaction', [await market.buy(symbol, account)]);
    const prompt = await approvalShowing(browser, 'transaction');
    return { prompt, pending };
  }

  async function expectRefused(page: Page, symbol: UnlistedSymbol, account: Address, reason: RegExp) {
    const nonce = await market.nonceOf(account);
    const before = await market.balanceOf(market.tokenOf(symbol), account);
    const { prompt, pending } = await requestBuy(page, symbol, account);
    // Reject arms like approve does; once it takes a press, approve would have armed too, were the request allowed.
    await waitForEnabled(prompt, 'approval-reject');
    const shown = await shownVerdict(prompt);
    expect(shown.verdict).toBe('block');
    expect(shown.blocking).toMatch(reason);
    expect(shown.approveDisabled).toBe(true);
    await prompt.click('[data-testid="approval-reject"]');
    expect((await pending).code).toBe(4001);
    expect(await market.nonceOf(account)).toBe(nonce);
    expect(await market.balanceOf(market.tokenOf(symbol), account)).toBe(before);
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
    await market.allowRouter('user');
    await market.allowRouter('us-investor');
    site = await connectedSite(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => firefox?.close());

  it('in the US, refuses a buy of KSTR: its ERC-3643 country module, read on chain, does not allow the US', async () => {
    await expectRefused(site, 'KSTR', user, /KSTR .*refuses you on chain: its ERC-3643 check CountryAllowModule\.isCountryAllowed says US \(840\)/);
  });

  it('in Germany, the same buy of KSTR is not blocked, and it mines', async () => {
    await firefoxUiCommand(commands, 'settings.setJurisdiction', { jurisdiction: 'DE', password: TEST_PASSWORD });
    const kstr = market.tokenOf('KSTR');
    const before = await market.balanceOf(kstr, user);
    const { prompt, pending } = await requestBuy(site, 'KSTR', user);
    await waitForEnabled(prompt);
    const shown = await shownVerdict(prompt);
    expect(shown.verdict).not.toBe('block');
    expect(shown.blocking).toBe('');
    await prompt.click('[data-testid="approval-approve"]');
    const { result } = await pending;
    expect(result).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await market.waitForReceipt(result as `0x${string}`)).status).toBe('success');
    expect(await market.balanceOf(kstr, user)).toBeGreaterThan(before);
  });

  it('refuses OSPR for an address its Ondo-style compliance denies, naming checkIsCompliant', async () => {
    const added = await firefoxUiCommand<{ address: string }>(commands, 'accounts.add', {});
    expect(added.address).toBe(usInvestor);
    await firefoxUiCommand(commands, 'accounts.select', { address: usInvestor });
    const second = await connectedSite(deployment.dappUrl);
    expect((await startRequest(second, 'eth_accounts')).result).toEqual([usInvestor]);
    await expectRefused(
      second,
      'OSPR',
      usInvestor,
      /OSPR .*refuses you on chain: its Ondo-GM-style compliance check compliance\.checkIsCompliant says your address is not compliant/,
    );
  });
});
