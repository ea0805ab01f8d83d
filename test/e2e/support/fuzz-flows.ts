// The provider under 10,000 random and hostile requests, written once for both browsers: each must
// be answered with a result or an EIP-1193 error, the background must stay up, no approval window
// may open for a malformed request, and nothing may be signed or sent.
import { expect } from 'vitest';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol.ts';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { providerCall, type UiBrowser, type UiPage, until } from './driver.ts';
import { fuzzInPage, rawFramesInPage } from './fuzz.ts';
import { ACCOUNT_0 } from './wallet.ts';

export const FUZZ_TOTAL = 10_000;

export interface FuzzHarness {
  browser: UiBrowser;
  /** A dApp page, not connected yet, of a wallet holding the test phrase. */
  dapp: UiPage;
  rpcUrl: string;
  /** Asks the background something only it answers (not through the page); resolves with whether it did. */
  backgroundAnswers(): Promise<boolean>;
}

export function fuzzFlows(h: FuzzHarness) {
  const approvalWindows = async () => (await h.browser.extensionPages('/approval.html')).length;
  const sentTransactions = async () => {
    const res = await fetch(h.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_getTransactionCount', params: [ACCOUNT_0, 'pending'] }),
    });
    return ((await res.json()) as { result: string }).result;
  };

  return {
    async unconnected() {
      const nonceBefore = await sentTransactions();
      const tally = await h.dapp.evaluate(fuzzInPage, { count: FUZZ_TOTAL / 2, seed: 1, connected: false });
      expect(tally.badErrors).toEqual([]);
      expect(tally.results + tally.errors).toBe(FUZZ_TOTAL / 2);
      expect(tally.signatures).toBe(0);
      expect(Object.keys(tally.codes)).toEqual(expect.arrayContaining(['4200', '-32602', '-32600']));
      expect(await approvalWindows()).toBe(0);
      expect(await sentTransactions()).toBe(nonceBefore);
    },

    async rawFrames() {
      const tally = await h.dapp.evaluate(rawFramesInPage, { count: 2_000, seed: 3, toContent: CHANNEL_TO_CONTENT, toInpage: CHANNEL_TO_INPAGE });
      expect(tally.overAnswered).toEqual([]);
      expect(tally.answered).toBe(tally.posted);
      expect(tally.collisions).toBeGreaterThan(0);
      expect(Object.keys(tally.codes)).toEqual(expect.arrayContaining(['4100', '-32600', 'result']));
      expect(await approvalWindows()).toBe(0);
    },

    async connectedMalformed() {
      const connect = providerCall(h.dapp, 'eth_requestAccounts');
      await decideShown((await approvalShowing(h.browser, 'connect')).page, 'approval-approve');
      expect(await connect).toEqual({ result: [ACCOUNT_0] });
      await until(async () => (await approvalWindows()) === 0, 'the approval window to close');

      const nonceBefore = await sentTransactions();
      const tally = await h.dapp.evaluate(fuzzInPage, { count: FUZZ_TOTAL / 2, seed: 2, connected: true });
      expect(tally.badErrors).toEqual([]);
      expect(tally.results + tally.errors).toBe(FUZZ_TOTAL / 2);
      expect(tally.signatures).toBe(0);
      expect(tally.codes['-32602']).toBeGreaterThan(500);
      expect(await approvalWindows()).toBe(0);
      expect(await sentTransactions()).toBe(nonceBefore);
    },

    async backgroundStaysUp() {
      expect(await providerCall(h.dapp, 'eth_chainId')).toEqual({ result: '0x7a69' });
      expect(await h.backgroundAnswers()).toBe(true);
    },
  };
}
