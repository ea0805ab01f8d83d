// Issue 11, done-when: tokens outside the registry are judged by what their own contracts say.
// Through the real Uniswap V2 router in Chromium: a US user cannot buy KSTR (ERC-3643, found on
// chain) and nothing is mined; a DE user can, and the swap mines; an address the ERC-1404 token's
// transfer agent restricts is refused with the token's own message; and a DE user buying OSPR
// (Ondo-GM-style, compliant on chain but with no rule on record) is refused, failing closed.
import type { Page } from 'playwright-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountOf } from '../../devnet/test-kit.ts';
import { approve, providerRequest, type RpcOutcome, reject, uiCommand, until, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { type UnlistedSymbol, unlistedMarket } from './support/unlisted.ts';
import { onboardByImport, TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const market = unlistedMarket(deployment);
const user = accountOf(deployment, 'user');
const usInvestor = accountOf(deployment, 'us-investor');

describe('permissioned tokens outside the registry, bought on Uniswap V2 (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let commands: Page;

  /** Opens `url` and connects it with the wallet's selected account. */
  async function connectedSite(url: string): Promise<Page> {
    const page = await chromium.context.newPage();
    await page.goto(url);
    const pending = providerRequest(page, 'eth_requestAccounts');
    await approve(await waitForApproval(chromium.context, 'connect', { origin: new URL(url).origin }));
    expect((await pending).result).toHaveLength(1);
    return page;
  }

  /** Asks the site's wallet to buy `symbol` for `account`; returns the approval window and the pending answer. */
  async function requestBuy(site: Page, symbol: UnlistedSymbol, account: Address) {
    const pending: Promise<RpcOutcome> = providerRequest(site, 'eth_sendTransaction', [await market.buy(symbol, account)]);
    const prompt = await waitForApproval(chromium.context, 'transaction', { origin: new URL(site.url()).origin });
    const verdict = await prompt.getByTestId('approval-verdict').getAttribute('data-verdict');
    const blocking = await prompt.locator('[data-testid="approval-reason"][data-severity="block"]').allTextContents();
    return { prompt, pending, verdict, blocking: blocking.join('\n') };
  }

  /** A refused buy: block verdict, approve disabled, the dApp gets 4001, and nothing is mined. */
  async function expectRefused(site: Page, symbol: UnlistedSymbol, account: Address, reason: RegExp) {
    const nonce = await market.nonceOf(account);
    const before = await market.balanceOf(market.tokenOf(symbol), account);
    const { prompt, pending, verdict, blocking } = await requestBuy(site, symbol, account);
    expect(verdict).toBe('block');
    expect(blocking).toMatch(reason);
    expect(await prompt.getByTestId('approval-approve').isDisabled()).toBe(true);
    await reject(prompt);
    expect((await pending).code).toBe(4001);
    expect(await market.nonceOf(account)).toBe(nonce);
    expect(await market.balanceOf(market.tokenOf(symbol), account)).toBe(before);
  }

  let site: Page;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    commands = await onboardByImport(chromium, { secret: deployment.mnemonic, jurisdiction: 'US' });
    await market.allowRouter('user');
    await market.allowRouter('us-investor');
    site = await connectedSite(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => chromium?.close());

  it('in the US, refuses a buy of KSTR: its ERC-3643 country module, read on chain, does not allow the US', async () => {
    await expectRefused(site, 'KSTR', user, /KSTR .*refuses you on chain: its ERC-3643 check CountryAllowModule\.isCountryAllowed says US \(840\)/);
  });

  it('in Germany, the same buy of KSTR is not blocked, and it mines', async () => {
    await uiCommand(commands, 'settings.setJurisdiction', { jurisdiction: 'DE', password: TEST_PASSWORD });
    const kstr = market.tokenOf('KSTR');
    const before = await market.balanceOf(kstr, user);
    const { prompt, pending, verdict, blocking } = await requestBuy(site, 'KSTR', user);
    expect(verdict).not.toBe('block');
    expect(blocking).toBe('');
    await approve(prompt);
    const { result } = await pending;
    expect(result).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await market.waitForReceipt(result as `0x${string}`)).status).toBe('success');
    expect(await market.balanceOf(kstr, user)).toBeGreaterThan(before);
  });

  it('in Germany, refuses OSPR: compliant on chain, but no rule on record says residents of DE may hold it', async () => {
    await expectRefused(site, 'OSPR', user, /Sharekeep cannot confirm that residents of DE may hold this token, OSPR .*Ondo-GM-style compliance/);
  });

  it('refuses HRON for an address its ERC-1404 transfer agent lists in the US, with the token’s own message', async () => {
    const added = await uiCommand<{ address: string }>(commands, 'accounts.add', {});
    expect(added.address).toBe(usInvestor);
    await uiCommand(commands, 'accounts.select', { address: usInvestor });
    const second = await connectedSite(deployment.dappUrl);
    await until(async () => ((await providerRequest(second, 'eth_accounts')).result as string[])[0] === usInvestor, 'the site to see account 1');
    await expectRefused(
      second,
      'HRON',
      usInvestor,
      /HRON .*refuses you on chain: its ERC-1404 check detectTransferRestriction says restriction code 3: "Receiver resides in a country whose residents may not hold this security"/,
    );
  });
});
