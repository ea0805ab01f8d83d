// Activity in Firefox (issue 14): a token transfer to the user made directly on anvil shows up
// as an incoming row with its amount; the devnet names no block explorer, so no link to one.
import type { Page } from 'puppeteer-core';
import { erc20Abi, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountOf, devnetClients, snapshot, tokenOf } from '../../devnet/test-kit.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const second = accountOf(deployment, 'us-investor');
const smsft = tokenOf(deployment, 'sMSFT');

type Row = { direction: string | null; status: string | null; amount: string | null; links: number };

/** Polls the popup (evaluate only: the page's CSP refuses waitForFunction's Function()) until the row of `hash` shows. */
async function rowOf(page: Page, hash: string): Promise<Row> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const row = await page.evaluate((h) => {
      const li = document.querySelector(`[data-testid="activity-row"][data-hash="${h}"]`);
      return li
        ? {
            direction: li.getAttribute('data-direction'),
            status: li.getAttribute('data-status'),
            amount: li.querySelector('[data-testid="activity-amount"]')?.textContent ?? null,
            links: li.querySelectorAll('a').length,
          }
        : null;
    }, hash);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no activity row for ${hash}`);
}

describe('Firefox: activity', () => {
  let firefox: FirefoxWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    firefox = await launchWalletFirefox();
    popup = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(popup, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
  });
  afterAll(async () => {
    await firefox?.close();
    await revert?.();
  });

  it('a token transfer to the user made on the chain shows as an incoming row with its amount', async () => {
    await write('user', { address: smsft.address, abi: erc20Abi, functionName: 'transfer', args: [second, parseUnits('2', smsft.decimals)] });
    const receipt = await write('us-investor', {
      address: smsft.address,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [user, parseUnits('0.5', smsft.decimals)],
    });
    // WebDriver may not open moz-extension URLs itself: the extension's own page goes there.
    await popup.evaluate(() => {
      location.href = '/popup.html#/activity';
    });
    expect(await rowOf(popup, receipt.transactionHash.toLowerCase())).toEqual({
      direction: 'in',
      status: 'confirmed',
      amount: '0.5 sMSFT',
      links: 0,
    });
  });
});
