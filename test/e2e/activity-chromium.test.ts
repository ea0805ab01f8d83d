// Activity in Chromium (issue 14): a transfer to the user made directly on anvil shows up as an
// incoming row with its amount, linked to no explorer because the devnet names none; and a
// recipient the user named in the address book is shown by that name in the approval window.
import type { Page } from 'playwright-core';
import { erc20Abi, parseUnits } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accountOf, devnetClients, snapshot, tokenOf } from '../../devnet/test-kit.ts';
import { reject, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, byTestId, onboardByImport, openPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient, write } = devnetClients(deployment);
const smsft = tokenOf(deployment, 'sMSFT');
const second = accountOf(deployment, 'us-investor');
const FRIEND = privateKeyToAccount(generatePrivateKey()).address;

describe('Chromium: activity', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    wallet = await launchWalletChromium();
    await onboardByImport(wallet);
    popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  it('a token transfer to the user made on the chain shows as an incoming row with its amount', async () => {
    await write('user', { address: smsft.address, abi: erc20Abi, functionName: 'transfer', args: [second, parseUnits('2', smsft.decimals)] });
    const receipt = await write('us-investor', {
      address: smsft.address,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [ACCOUNT_0, parseUnits('1.25', smsft.decimals)],
    });
    await popup.click(byTestId('activity-button'));
    const row = popup.locator(`${byTestId('activity-row')}[data-hash="${receipt.transactionHash.toLowerCase()}"]`);
    await row.waitFor({ timeout: 30_000 });
    expect(await row.getAttribute('data-direction')).toBe('in');
    expect(await row.getAttribute('data-status')).toBe('confirmed');
    expect(await row.getByTestId('activity-amount').textContent()).toBe('1.25 sMSFT');
    // The devnet network configures no block explorer: no link to one.
    expect(await row.locator('a').count()).toBe(0);
  });

  it("refuses a name that reads like one of the user's accounts, and keeps what was typed", async () => {
    await popup.evaluate(() => {
      location.hash = '#/send';
    });
    await popup.fill(byTestId('send-to'), FRIEND);
    await popup.click(byTestId('contact-name-edit'));
    await popup.fill(byTestId('contact-name-input'), 'Acc\u043Eunt 1');
    await popup.click(byTestId('contact-name-save'));
    await expect.poll(() => popup.textContent(byTestId('contact-name-error'))).toContain('reads like your account');
    expect(await popup.inputValue(byTestId('contact-name-input'))).toBe('Acc\u043Eunt 1');
  });

  it('a recipient named from the send form is shown by that name in the approval', async () => {
    await popup.fill(byTestId('contact-name-input'), 'Alice');
    await popup.click(byTestId('contact-name-save'));
    await expect.poll(() => popup.textContent(byTestId('send-recipient-name'))).toBe('"Alice" (your address book)');
    await popup.fill(byTestId('send-amount'), '0.01');
    await popup.click(`${byTestId('send-submit')}:enabled`);
    const approval = await waitForApproval(wallet.context, 'transaction');
    await expect.poll(() => approval.getByTestId('contract-label').allTextContents()).toContain('"Alice" (your address book)');
    await reject(approval);
  });
});
