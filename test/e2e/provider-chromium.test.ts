import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';

describe('a dApp page in Chromium with Sharekeep installed', () => {
  let chromium: ChromiumWithExtension;
  let page: Page;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    page = await chromium.context.newPage();
    await page.goto(`${inject('fixturesUrl')}/dapp.html`);
  });
  afterAll(() => chromium?.close());

  it('has the extension loaded, with its service worker running', async () => {
    expect(chromium.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await chromium.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getManifest(): { name: string } } } }).chrome.runtime.getManifest(),
    );
    expect(manifest.name).toBe('Sharekeep');
  });

  it('sees window.ethereum before its first script runs', async () => {
    expect(await page.evaluate(() => (window as unknown as { __sawEthereumAtFirstScript: boolean }).__sawEthereumAtFirstScript)).toBe(true);
    expect(await page.evaluate(() => typeof window.ethereum?.request)).toBe('function');
  });

  it('receives the EIP-6963 announcement on load and again on request', async () => {
    const first = await page.evaluate(() => {
      const seen = (window as unknown as { __announcements: { info: Record<string, string>; provider: unknown }[] }).__announcements;
      return seen.map((d) => ({
        uuid: d.info.uuid,
        name: d.info.name,
        rdns: d.info.rdns,
        icon: d.info.icon,
        isWindowEthereum: d.provider === window.ethereum,
        frozen: Object.isFrozen(d) && Object.isFrozen(d.info),
      }));
    });
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(first[0]).toMatchObject({ name: 'Sharekeep', rdns: 'app.sharekeep', isWindowEthereum: true, frozen: true });
    expect(first[0].uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[0].icon).toMatch(/^data:image\//);

    const again = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          window.addEventListener('eip6963:announceProvider', (e) => resolve((e as CustomEvent).detail.info.uuid), { once: true });
          window.dispatchEvent(new Event('eip6963:requestProvider'));
        }),
    );
    expect(again).toBe(first[0].uuid);
  });

  it('answers eth_chainId through the background', async () => {
    const chainId = await page.evaluate(() => window.ethereum!.request({ method: 'eth_chainId' }));
    expect(chainId).toMatch(/^0x[0-9a-f]+$/);
  });

  it('answers a request the page made in its first script, before the relay started', async () => {
    const early = await page.evaluate(() => (window as unknown as { __earlyChainId: Promise<string> }).__earlyChainId);
    expect(early).toMatch(/^0x[0-9a-f]+$/);
  });

  it('answers an unknown method with EIP-1193 error 4200', async () => {
    const error = await page.evaluate(() =>
      window.ethereum!.request({ method: 'sharekeep_doesNotExist' }).then(
        () => null,
        (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
      ),
    );
    expect(error).toEqual({ code: 4200, message: expect.stringContaining('sharekeep_doesNotExist') });
  });
});
