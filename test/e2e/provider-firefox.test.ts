import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { launchWalletFirefox } from './support/launch.ts';

describe('a dApp page in Firefox with Sharekeep installed', () => {
  let firefox: FirefoxWithExtension;
  let page: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    page = await firefox.browser.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => firefox?.close());

  it('has the extension installed', () => {
    expect(firefox.extensionId).toBe('wallet@sharekeep.app');
  });

  it('sees window.ethereum before its first script and the EIP-6963 announcement', async () => {
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __sawEthereumAtFirstScript: boolean; __announcements: { info: { name: string; rdns: string } }[] };
      return { early: w.__sawEthereumAtFirstScript, names: w.__announcements.map((a) => `${a.info.name}/${a.info.rdns}`) };
    });
    expect(seen).toEqual({ early: true, names: expect.arrayContaining(['Sharekeep/app.sharekeep']) });
  });

  it('answers eth_chainId through the background and 4200 for an unknown method', async () => {
    const answers = await page.evaluate(async () => {
      const chainId = await window.ethereum!.request({ method: 'eth_chainId' });
      const error = await window.ethereum!.request({ method: 'sharekeep_doesNotExist' }).catch((e: { code: number }) => e.code);
      return { chainId, error };
    });
    expect(answers).toEqual({ chainId: expect.stringMatching(/^0x[0-9a-f]+$/), error: 4200 });
  });

  it('answers a sandboxed frame with 4100 and serves a same-origin frame as usual', async () => {
    const framed = await firefox.browser.newPage();
    await framed.goto(`${inject('fixturesUrl')}/sandboxed.html`);
    const frame = (name: string) => framed.frames().find((f) => f.url().endsWith(`frame=${name}`));
    for (let i = 0; i < 100 && !(frame('sandboxed') && frame('same-origin')); i++) await new Promise((r) => setTimeout(r, 50));
    const ask = (method: string) =>
      window.ethereum!.request({ method }).then(
        (result) => ({ result }),
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      );
    expect(await frame('sandboxed')!.evaluate(() => self.origin)).toBe('null');
    expect(await frame('sandboxed')!.evaluate(ask, 'eth_requestAccounts')).toEqual({
      code: 4100,
      message: 'Sharekeep does not serve sandboxed frames.',
    });
    expect(await frame('same-origin')!.evaluate(ask, 'eth_chainId')).toEqual({ result: expect.stringMatching(/^0x[0-9a-f]+$/) });
    await framed.close();
  });
});
