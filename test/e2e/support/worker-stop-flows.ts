// Faults (security issue, hardening), written once for both browsers: the wallet's background is
// stopped while a dApp's transaction waits in the approval window, or while an approved one is
// being sent. Each browser stops it its own way (Chromium: DevTools stops the service worker;
// Firefox: its idle timeout suspends the event page). Whatever happened, the dApp gets an answer
// (4900), Activity tells the user what became of a signed transaction, and nothing is sent twice.
import { type Address, type Hex, keccak256, type PublicClient } from 'viem';
import { expect } from 'vitest';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { byTestId, countOf, textOf, type UiBrowser, type UiPage, until, waitFor } from './driver.ts';
import type { RpcProxy, SendFault } from './rpc-proxy.ts';

export type Outcome = { result?: unknown; code?: number; message?: string };

export interface WorkerStopHarness {
  browser: UiBrowser;
  /** window.ethereum.request on the dApp's page: its result or its EIP-1193 error. */
  request(method: string, params?: unknown): Promise<Outcome>;
  dappOrigin: string;
  user: Address;
  publicClient: PublicClient;
  /** Stops the wallet's background the way the browser does, and resolves once it is gone. */
  stopBackground(): Promise<void>;
  /** An extension page at `path` in a tab of its own, as the user opens the popup. */
  openPage(path: string): Promise<{ page: UiPage; close(): Promise<void> }>;
}

const HASH = /^0x[0-9a-f]{64}$/;

export function workerStopFlows(h: WorkerStopHarness) {
  const transfer = [{ from: h.user, to: '0x000000000000000000000000000000000000dEaD', value: '0x1' }];
  const sentCount = () => h.publicClient.getTransactionCount({ address: h.user, blockTag: 'pending' });
  const approveShown = async (kind: string) =>
    decideShown((await approvalShowing(h.browser, kind, { origin: h.dappOrigin })).page, 'approval-approve');

  async function connect(): Promise<void> {
    const connected = h.request('eth_requestAccounts');
    await approveShown('connect');
    expect(await connected).toEqual({ result: [h.user] });
  }

  /** Points the selected network at `rpcUrl` from the popup's settings. */
  async function pointRpcAt(rpcUrl: string): Promise<void> {
    const { page, close } = await h.openPage('/popup.html#/settings');
    await page.fill(byTestId('settings-rpc-url'), rpcUrl);
    await page.click(byTestId('settings-save'));
    await until(async () => (await textOf(page, byTestId('settings-status'))) === 'Saved.', 'the settings to say Saved.');
    await close();
  }

  /** The dApp's retry of the transfer is approved and sent exactly once. */
  async function retrySentOnce(before: number): Promise<void> {
    const retry = h.request('eth_sendTransaction', transfer);
    await approveShown('transaction');
    expect((await retry).result).toMatch(HASH);
    expect(await sentCount()).toBe(before + 1);
  }

  async function activityRowSettles(hash: Hex, status: 'confirmed' | 'dropped'): Promise<void> {
    const { page, close } = await h.openPage('/popup.html#/activity');
    await waitFor(page, `${byTestId('activity-row')}[data-hash="${hash}"][data-status="${status}"]`);
    await close();
  }

  /** Approves the dApp's transfer, then stops the background once the raw transaction reached the proxy. */
  async function sendAndStop(proxy: RpcProxy, fault: SendFault): Promise<{ hash: Hex; answer: Outcome }> {
    proxy.sendFault = fault;
    const already = proxy.rawTransactions.length;
    const pending = h.request('eth_sendTransaction', transfer);
    pending.catch(() => undefined); // awaited below; a failed step before must not leave it unhandled
    await approveShown('transaction');
    await until(async () => proxy.rawTransactions.length > already, 'the signed transaction to leave the background');
    await h.stopBackground();
    proxy.sendFault = 'none';
    return { hash: keccak256(proxy.rawTransactions.at(-1) as Hex), answer: await pending };
  }

  return {
    connect,
    pointRpcAt,

    async deadApprovalIsAnsweredAndRetrySentOnce() {
      const before = await sentCount();
      const pending = h.request('eth_sendTransaction', transfer);
      pending.catch(() => undefined); // awaited below; a failed step before must not leave it unhandled
      await approvalShowing(h.browser, 'transaction', { origin: h.dappOrigin });

      await h.stopBackground();
      expect(await pending).toMatchObject({ code: 4900 });
      // The restarted background holds no request the dApp no longer waits for: nothing to approve.
      await until(async () => {
        for (const page of await h.browser.extensionPages('/approval.html'))
          if ((await countOf(page, byTestId('approval-request'))) > 0) return false;
        return true;
      }, 'the approval window to drop the dead request');
      expect(await sentCount()).toBe(before);

      await retrySentOnce(before);
    },

    /**
     * A request left open past the browser's idle limit: the approval window keeps the background
     * (`staysUp` watches it across the limit), and the transaction approved after is sent once.
     */
    async slowApprovalKeepsItsBackground(staysUp: () => Promise<boolean>) {
      const before = await sentCount();
      const pending = h.request('eth_sendTransaction', transfer);
      pending.catch(() => undefined); // awaited below; a failed step before must not leave it unhandled
      await approvalShowing(h.browser, 'transaction', { origin: h.dappOrigin });
      expect(await staysUp(), 'the background to outlive the idle limit while the request waits').toBe(true);
      await approveShown('transaction');
      expect((await pending).result).toMatch(HASH);
      expect(await sentCount()).toBe(before + 1);
    },

    async takenByTheNodeIsFollowedToItsReceipt(proxy: RpcProxy) {
      const before = await sentCount();
      const { hash, answer } = await sendAndStop(proxy, 'forward-then-hold');
      expect(answer).toMatchObject({ code: 4900 });
      await activityRowSettles(hash, 'confirmed');
      expect(await sentCount()).toBe(before + 1);
      expect((await h.publicClient.getTransactionReceipt({ hash })).status).toBe('success');
    },

    async neverReceivedIsDroppedAndRetrySentOnce(proxy: RpcProxy) {
      const before = await sentCount();
      const { hash, answer } = await sendAndStop(proxy, 'hold');
      expect(answer).toMatchObject({ code: 4900 });
      await activityRowSettles(hash, 'dropped');
      expect(await sentCount()).toBe(before);

      await retrySentOnce(before);
    },
  };
}
