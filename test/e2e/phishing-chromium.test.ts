// Connecting from a phishing site and from a punycode look-alike of a dApp, in Chromium, with the
// production build and its bundled list unchanged: Chromium resolves the sites' real names to the
// fixture server on 127.0.0.1 (--host-resolver-rules), so the wallet sees exactly the hosts a user would.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { approve, providerRequest, reject, waitForApproval } from './support/approval-window.ts';
import { type ChromiumWithExtension, launchChromium } from './support/chromium.ts';
import { ACCOUNT_0, onboardByImport } from './support/wallet.ts';

const fixtures = new URL(inject('fixturesUrl'));
/** Under nfts-mints.com, a domain on eth-phishing-detect 1.2.0's blocklist. */
const PHISHING_HOST = 'claim.nfts-mints.com';
/** unisw\u0430p.org with a Cyrillic а: a look-alike of uniswap.org. */
const LOOKALIKE_HOST = 'xn--uniswp-7nf.org';

describe('phishing and look-alike sites (Chromium)', () => {
  let chromium: ChromiumWithExtension;

  async function site(host: string): Promise<Page> {
    const page = await chromium.context.newPage();
    await page.goto(`http://${host}:${fixtures.port}/dapp.html`);
    return page;
  }

  beforeAll(async () => {
    const hosts = [PHISHING_HOST, LOOKALIKE_HOST];
    const rules = hosts.map((host) => `MAP ${host} 127.0.0.1`).join(',');
    // The fixtures are plain http; the real sites are https, a secure context (the inpage
    // provider needs one: it draws its EIP-6963 uuid with crypto.randomUUID).
    const secure = hosts.map((host) => `http://${host}:${fixtures.port}`).join(',');
    chromium = await launchChromium(inject('chromeExtensionDir'), [
      `--host-resolver-rules=${rules}`,
      `--unsafely-treat-insecure-origin-as-secure=${secure}`,
    ]);
    await onboardByImport(chromium);
  });
  afterAll(() => chromium?.close());

  it('warns before a listed site connects, and connects only after the user accepts the risk', async () => {
    const origin = `http://${PHISHING_HOST}:${fixtures.port}`;
    const page = await site(PHISHING_HOST);
    const pending = providerRequest(page, 'eth_requestAccounts');
    const prompt = await waitForApproval(chromium.context, 'connect', { origin });
    const notice = prompt.getByTestId('approval-phishing');
    await notice.waitFor();
    expect(await notice.getAttribute('data-codes')).toBe('phishing-list');
    expect(await notice.textContent()).toContain('eth-phishing-detect 1.2.0');
    expect(await prompt.getByTestId('approval-verdict').getAttribute('data-verdict')).toBe('warn');
    // Once the buttons have armed (Reject takes presses), Connect still waits for the acceptance.
    await expect.poll(() => prompt.getByTestId('approval-reject').isEnabled()).toBe(true);
    expect(await prompt.getByTestId('approval-approve').isDisabled()).toBe(true);

    await prompt.getByTestId('approval-phishing-accept').check();
    await expect.poll(() => prompt.getByTestId('approval-approve').isEnabled()).toBe(true);
    await approve(prompt);
    expect(await pending).toEqual({ result: [ACCOUNT_0] });
  });

  it('shows a punycode look-alike of uniswap.org in both forms, as a danger, and a rejection connects nothing', async () => {
    const origin = `http://${LOOKALIKE_HOST}:${fixtures.port}`;
    const page = await site(LOOKALIKE_HOST);
    const pending = providerRequest(page, 'eth_requestAccounts');
    const prompt = await waitForApproval(chromium.context, 'connect', { origin });
    await prompt.getByTestId('approval-phishing').waitFor();
    expect(await prompt.getByTestId('approval-phishing').getAttribute('data-codes')).toBe('imitates-dapp');
    expect(await prompt.getByTestId('approval-site-unicode').textContent()).toBe('unisw\u0430p.org');
    expect(await prompt.getByTestId('approval-site-punycode').textContent()).toBe(LOOKALIKE_HOST);
    await expect.poll(() => prompt.getByTestId('approval-reject').isEnabled()).toBe(true);
    expect(await prompt.getByTestId('approval-approve').isDisabled()).toBe(true);
    await reject(prompt);
    expect(await pending).toMatchObject({ code: 4001 });
    expect(await providerRequest(page, 'eth_accounts')).toEqual({ result: [] });
  });

  it('asks nothing extra of an ordinary site', async () => {
    const page = await site('127.0.0.1');
    const pending = providerRequest(page, 'eth_requestAccounts');
    const prompt = await waitForApproval(chromium.context, 'connect', { origin: `http://127.0.0.1:${fixtures.port}` });
    expect(await prompt.getByTestId('approval-phishing').count()).toBe(0);
    expect(await prompt.getByTestId('approval-verdict').getAttribute('data-verdict')).toBe('allow');
    await approve(prompt);
    expect(await pending).toEqual({ result: [ACCOUNT_0] });
  });
});
