// Faults (security issue, hardening): the service worker is stopped while a transaction waits
// in the approval window. The dApp must get an answer (4900), nothing may be sent behind its
// back, and its retry must be sent exactly once.
import type { Page } from 'playwright-core';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approve, openApprovalPages, providerRequest, until, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport, stopServiceWorker } from './support/wallet.ts';

const deployment = inject('deployment');
const dappOrigin = new URL(deployment.dappUrl).origin;
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const { publicClient } = devnetClients(deployment);
const sentCount = () => publicClient.getTransactionCount({ address: user, blockTag: 'pending' });
const transfer = [{ from: user, to: '0x000000000000000000000000000000000000dEaD', value: '0x1' }];

describe('the service worker stopped mid-approval (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let dapp: Page;
  let commands: Page;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    commands = await onboardByImport(chromium, { secret: deployment.mnemonic });
    dapp = await chromium.context.newPage();
    await dapp.goto(deployment.dappUrl);
    const connected = providerRequest(dapp, 'eth_requestAccounts');
    await approve(await waitForApproval(chromium.context, 'connect', { origin: dappOrigin }));
    expect(await connected).toEqual({ result: [user] });
  });
  afterAll(() => chromium?.close());

  it('answers the waiting dApp with 4900, sends nothing, and sends its retry exactly once', async () => {
    const before = await sentCount();
    const pending = providerRequest(dapp, 'eth_sendTransaction', transfer);
    await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin });

    await stopServiceWorker(chromium, commands);
    expect(await pending).toMatchObject({ code: 4900 });
    // The restarted worker holds no request the dApp no longer waits for: nothing to approve.
    await until(async () => {
      for (const page of openApprovalPages(chromium.context)) if ((await page.getByTestId('approval-request').count()) > 0) return false;
      return true;
    }, 'the approval window to drop the dead request');
    expect(await sentCount()).toBe(before);

    const retry = providerRequest(dapp, 'eth_sendTransaction', transfer);
    await approve(await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin }));
    expect((await retry).result).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await sentCount()).toBe(before + 1);
  });
});
