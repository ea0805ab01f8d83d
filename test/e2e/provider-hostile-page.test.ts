// A page whose own scripts attack the provider channel (issue 10, items 17 and 18/6), in Chromium:
// forged answers and requests reusing an in-flight id must not answer the real request, and a
// sandboxed frame must get an error, not silence and not "Request from null".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApprovalPages, approve, reject, uiCommand, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { CHANNELS, forgeAnswers, rawAnswers, rawRequest, realOutcome, reuseRawId } from './support/hostile-page.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

describe('a hostile page in Chromium', () => {
  let wallet: ChromiumWithExtension;
  let page: Page;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    const ext = await wallet.context.newPage();
    await ext.goto(wallet.extensionUrl('popup.html'));
    await uiCommand(ext, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE' });
    await ext.close();
    page = await wallet.context.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => wallet?.close());

  it('cannot answer a request in flight with forged messages, whatever id it uses', async () => {
    await page.evaluate(forgeAnswers, CHANNELS);
    // The request reached the wallet: the user is asked, while the page has done all it could.
    const approval = await waitForApproval(wallet.context, 'connect');
    expect(await page.evaluate(realOutcome)).toBeUndefined();
    await reject(approval);
    await expect.poll(() => page.evaluate(realOutcome)).toEqual({ code: 4001, message: expect.any(String) });
  });

  it('gets -32600 for a raw request reusing an id in flight, and the first request keeps its own answer', async () => {
    await page.reload(); // without the previous test's forger
    await page.evaluate(rawRequest, CHANNELS);
    const approval = await waitForApproval(wallet.context, 'connect');
    await page.evaluate(reuseRawId, CHANNELS);
    await expect.poll(() => page.evaluate(rawAnswers)).toEqual([{ code: -32600 }]);
    await approve(approval);
    await expect.poll(() => page.evaluate(rawAnswers)).toEqual([{ code: -32600 }, { result: [ACCOUNT_0] }]);
  });

  it('answers a sandboxed frame with 4100, opening no window, and serves a same-origin frame as usual', async () => {
    const framed = await wallet.context.newPage();
    await framed.goto(`${inject('fixturesUrl')}/sandboxed.html`);
    const frame = (name: string) => {
      const found = framed.frames().find((f) => f.url().endsWith(`frame=${name}`));
      if (!found) throw new Error(`no ${name} frame`);
      return found;
    };
    await expect.poll(() => framed.frames().length).toBe(3);
    const sandboxed = frame('sandboxed');
    expect(await sandboxed.evaluate(() => self.origin)).toBe('null');
    const ask = (method: string) =>
      window.ethereum!.request({ method }).then(
        (result) => ({ result }),
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      );
    const windowsBefore = openApprovalPages(wallet.context).length;
    expect(await sandboxed.evaluate(ask, 'eth_chainId')).toEqual({ code: 4100, message: 'Sharekeep does not serve sandboxed frames.' });
    expect(await sandboxed.evaluate(ask, 'eth_requestAccounts')).toEqual({ code: 4100, message: 'Sharekeep does not serve sandboxed frames.' });
    // The request its first script made, before the relay started, is answered too.
    expect(await sandboxed.evaluate(() => (window as unknown as { __earlyChainId: Promise<unknown> }).__earlyChainId.catch((e) => e.code))).toBe(
      4100,
    );
    expect(openApprovalPages(wallet.context)).toHaveLength(windowsBefore);
    expect(await frame('same-origin').evaluate(ask, 'eth_chainId')).toEqual({ result: '0x7a69' });
    await framed.close();
  });
});
