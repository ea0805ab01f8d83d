// Faults (security issue, hardening): the service worker is stopped while an approved
// transaction is being sent. Whether the node got it or not, the dApp gets an answer (4900),
// Activity tells the user what happened to it, and nothing is sent twice.
import type { Page } from 'playwright-core';
import { type Address, type Hex, keccak256 } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approve, providerRequest, until, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { byTestId, onboardByImport, openPopup, stopServiceWorker } from './support/wallet.ts';

const deployment = inject('deployment');
const dappOrigin = new URL(deployment.dappUrl).origin;
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const { publicClient } = devnetClients(deployment);
const sentCount = () => publicClient.getTransactionCount({ address: user, blockTag: 'pending' });
const transfer = [{ from: user, to: '0x000000000000000000000000000000000000dEaD', value: '0x1' }];

describe('the service worker stopped mid-send (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let proxy: RpcProxy;
  let dapp: Page;
  let commands: Page;

  beforeAll(async () => {
    proxy = await startRpcProxy(deployment.rpcUrl);
    chromium = await launchWalletChromium();
    commands = await onboardByImport(chromium, { secret: deployment.mnemonic });
    // Every call of the devnet network goes through the proxy from now on.
    const settings = await openPopup(chromium);
    await settings.goto(chromium.extensionUrl('popup.html#/settings'));
    await settings.fill(byTestId('settings-rpc-url'), proxy.url);
    await settings.click(byTestId('settings-save'));
    expect(await settings.textContent(byTestId('settings-status'))).toBe('Saved.');
    await settings.close();
    dapp = await chromium.context.newPage();
    await dapp.goto(deployment.dappUrl);
    const connected = providerRequest(dapp, 'eth_requestAccounts');
    await approve(await waitForApproval(chromium.context, 'connect', { origin: dappOrigin }));
    expect(await connected).toEqual({ result: [user] });
  });
  afterAll(async () => {
    await chromium?.close();
    await proxy?.close();
  });

  /** Approves the dApp's transfer, then stops the worker once the raw transaction reached the proxy. */
  async function sendAndStop(): Promise<{ hash: Hex; answer: Awaited<ReturnType<typeof providerRequest>> }> {
    const already = proxy.rawTransactions.length;
    const pending = providerRequest(dapp, 'eth_sendTransaction', transfer);
    await approve(await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin }));
    await until(async () => proxy.rawTransactions.length > already, 'the signed transaction to leave the worker');
    await stopServiceWorker(chromium, commands);
    proxy.sendFault = 'none';
    return { hash: keccak256(proxy.rawTransactions.at(-1) as Hex), answer: await pending };
  }

  async function activityRow(hash: Hex, status: string): Promise<void> {
    const popup = await openPopup(chromium);
    await popup.goto(chromium.extensionUrl('popup.html#/activity'));
    await popup.locator(`${byTestId('activity-row')}[data-hash="${hash}"][data-status="${status}"]`).waitFor({ timeout: 20_000 });
    await popup.close();
  }

  it('after the node took it: the dApp gets 4900, Activity follows the transaction to its receipt, and it was sent once', async () => {
    const before = await sentCount();
    proxy.sendFault = 'forward-then-hold';
    const { hash, answer } = await sendAndStop();
    expect(answer).toMatchObject({ code: 4900 });
    await activityRow(hash, 'confirmed');
    expect(await sentCount()).toBe(before + 1);
    expect((await publicClient.getTransactionReceipt({ hash })).status).toBe('success');
  });

  it('before the node got it: the dApp gets 4900, Activity says it was dropped, nothing is sent, and a retry is sent once', async () => {
    const before = await sentCount();
    proxy.sendFault = 'hold';
    const { hash, answer } = await sendAndStop();
    expect(answer).toMatchObject({ code: 4900 });
    await activityRow(hash, 'dropped');
    expect(await sentCount()).toBe(before);

    const retry = providerRequest(dapp, 'eth_sendTransaction', transfer);
    await approve(await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin }));
    expect((await retry).result).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await sentCount()).toBe(before + 1);
  });
});
