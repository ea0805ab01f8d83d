// A page can send anything. 10,000 random and hostile requests: each must be answered with a
// result or an EIP-1193 error, the background must stay up, no approval window may open for a
// malformed request, and nothing may be signed or sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { uiCommand } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../lib/provider/protocol.ts';
import { fuzzInPage, rawFramesInPage } from './support/fuzz.ts';
import { launchWalletChromium } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const TOTAL = 10_000;

describe('the provider under 10,000 random and hostile requests', () => {
  let wallet: ChromiumWithExtension;
  let page: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    // Onboard through the wallet's own UI port, then connect the fuzzing site for the second half.
    const ext = await wallet.context.newPage();
    await ext.goto(wallet.extensionUrl('popup.html'));
    await uiCommand(ext, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE' });
    await ext.close();
    page = await wallet.context.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => wallet?.close());

  const approvalWindows = () => wallet.context.pages().filter((p) => p.url().includes('/approval.html')).length;
  const sentTransactions = async () => {
    const rpc = inject('deployment').rpcUrl;
    const res = await fetch(rpc, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'eth_getTransactionCount',
        params: ['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266', 'pending'],
      }),
    });
    return ((await res.json()) as { result: string }).result;
  };

  it('answers every one of them from a site that is not connected, opening no window', async () => {
    const nonceBefore = await sentTransactions();
    const tally = await page.evaluate(fuzzInPage, { count: TOTAL / 2, seed: 1, connected: false });
    expect(tally.badErrors).toEqual([]);
    expect(tally.results + tally.errors).toBe(TOTAL / 2);
    expect(tally.signatures).toBe(0);
    expect(Object.keys(tally.codes)).toEqual(expect.arrayContaining(['4200', '-32602', '-32600']));
    expect(approvalWindows()).toBe(0);
    expect(await sentTransactions()).toBe(nonceBefore);
  });

  it('answers every well-formed raw frame at the relay exactly once, refusing ids in flight, opening no window', async () => {
    const tally = await page.evaluate(rawFramesInPage, { count: 2_000, seed: 3, toContent: CHANNEL_TO_CONTENT, toInpage: CHANNEL_TO_INPAGE });
    expect(tally.overAnswered).toEqual([]);
    expect(tally.answered).toBe(tally.posted);
    expect(tally.collisions).toBeGreaterThan(0);
    expect(Object.keys(tally.codes)).toEqual(expect.arrayContaining(['4100', '-32600', 'result']));
    expect(approvalWindows()).toBe(0);
  });

  it('answers malformed signing requests from a connected site with errors, signing nothing', async () => {
    const connect = page.evaluate(() =>
      (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({ method: 'eth_requestAccounts' }),
    );
    const approval = await wallet.context.waitForEvent('page', { predicate: (p) => p.url().includes('/approval.html'), timeout: 20_000 });
    await approval.getByTestId('approval-approve').click();
    expect(await connect).toEqual(['0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266']);
    await approval.waitForEvent('close', { timeout: 10_000 }).catch(() => undefined);

    const nonceBefore = await sentTransactions();
    const tally = await page.evaluate(fuzzInPage, { count: TOTAL / 2, seed: 2, connected: true });
    expect(tally.badErrors).toEqual([]);
    expect(tally.results + tally.errors).toBe(TOTAL / 2);
    expect(tally.signatures).toBe(0);
    expect(tally.codes['-32602']).toBeGreaterThan(500);
    expect(approvalWindows()).toBe(0);
    expect(await sentTransactions()).toBe(nonceBefore);
  });

  it('keeps the background alive and answering afterwards', async () => {
    expect(
      await page.evaluate(() =>
        (window as unknown as { ethereum: { request(a: unknown): Promise<unknown> } }).ethereum.request({ method: 'eth_chainId' }),
      ),
    ).toBe('0x7a69');
    expect(await wallet.serviceWorker.evaluate(() => 1 + 1)).toBe(2);
  });
});
