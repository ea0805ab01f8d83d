// A page whose own scripts attack the provider channel (issue 10, items 17 and 18/6), in Chromium:
// forged answers and requests reusing an in-flight id must not answer the real request, and a
// sandboxed frame must get an error, not silence and not "Request from null".
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../lib/provider/protocol.ts';
import { openApprovalPages, approve, reject, uiCommand, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

type Outcome = { result?: unknown; code?: number; message?: string };
type HostileWindow = { __real?: Outcome; __forged: number; __rawAnswers: Outcome[] };

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
    await page.evaluate(
      ({ toContent, toInpage }) => {
        const w = window as unknown as HostileWindow;
        w.__forged = 0;
        const forge = (id: unknown) => {
          // A request reusing the id (the relay used to forward it, and eth_chainId answers at once) and a direct answer.
          window.postMessage({ channel: toContent, id, payload: { method: 'eth_chainId' } }, '*');
          window.postMessage({ channel: toInpage, kind: 'response', id, result: ['0x000000000000000000000000000000000000dEaD'] }, '*');
          w.__forged++;
        };
        window.addEventListener('message', (e) => {
          const m = e.data as { channel?: string; id?: unknown; payload?: { method?: string } } | null;
          if (m?.channel === toContent && m.payload?.method === 'eth_requestAccounts') forge(m.id);
        });
        // A channel of its own, offered as if it were the relay's: whatever reaches it gets a forged answer.
        const own = new MessageChannel();
        own.port1.onmessage = (e) => {
          own.port1.postMessage({ channel: toInpage, kind: 'response', id: e.data.id, result: ['0x000000000000000000000000000000000000dEaD'] });
          w.__forged++;
        };
        window.postMessage({ channel: toInpage, kind: 'ready' }, '*', [own.port2]);
        window.ethereum!.request({ method: 'eth_requestAccounts' }).then(
          (result) => {
            w.__real = { result };
          },
          (e: { code: number; message: string }) => {
            w.__real = { code: e.code, message: e.message };
          },
        );
      },
      { toContent: CHANNEL_TO_CONTENT, toInpage: CHANNEL_TO_INPAGE },
    );
    // The request reached the wallet: the user is asked, while the page has done all it could.
    const approval = await waitForApproval(wallet.context, 'connect');
    expect(await page.evaluate(() => (window as unknown as HostileWindow).__real)).toBeUndefined();
    await reject(approval);
    await expect.poll(() => page.evaluate(() => (window as unknown as HostileWindow).__real)).toEqual({ code: 4001, message: expect.any(String) });
  });

  it('gets -32600 for a raw request reusing an id in flight, and the first request keeps its own answer', async () => {
    await page.reload(); // without the previous test's forger
    await page.evaluate(
      ({ toContent, toInpage }) => {
        const w = window as unknown as HostileWindow;
        w.__rawAnswers = [];
        window.addEventListener('message', (e) => {
          const m = e.data as { channel?: string; kind?: string; id?: unknown; result?: unknown; error?: { code: number } } | null;
          if (m?.channel === toInpage && m.kind === 'response' && m.id === 'raw-1') {
            w.__rawAnswers.push(m.error ? { code: m.error.code } : { result: m.result });
          }
        });
        window.postMessage({ channel: toContent, id: 'raw-1', payload: { method: 'eth_requestAccounts' } }, '*');
      },
      { toContent: CHANNEL_TO_CONTENT, toInpage: CHANNEL_TO_INPAGE },
    );
    const approval = await waitForApproval(wallet.context, 'connect');
    await page.evaluate(
      (toContent) => window.postMessage({ channel: toContent, id: 'raw-1', payload: { method: 'eth_chainId' } }, '*'),
      CHANNEL_TO_CONTENT,
    );
    await expect.poll(() => page.evaluate(() => (window as unknown as HostileWindow).__rawAnswers)).toEqual([{ code: -32600 }]);
    await approve(approval);
    await expect
      .poll(() => page.evaluate(() => (window as unknown as HostileWindow).__rawAnswers))
      .toEqual([{ code: -32600 }, { result: [ACCOUNT_0] }]);
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
