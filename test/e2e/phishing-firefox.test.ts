// Connecting from a phishing site and a punycode look-alike of uniswap.org, in Firefox, with the
// production build and its bundled list unchanged: Firefox resolves the sites' real names to this
// machine (network.dns.localDomains), so the wallet sees exactly the hosts a user would.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FirefoxWithExtension, launchFirefox } from './support/firefox.ts';
import { approvalShowing, extensionPage, firefoxUiCommand, startRequest, waitForEnabled } from './support/firefox-pages.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const fixtures = new URL(inject('fixturesUrl'));
const PHISHING_HOST = 'claim.nfts-mints.com';
const LOOKALIKE_HOST = 'xn--uniswp-7nf.org';

const shown = (page: Page) =>
  page.evaluate(() => ({
    codes: document.querySelector('[data-testid="approval-phishing"]')?.getAttribute('data-codes') ?? null,
    unicode: document.querySelector('[data-testid="approval-site-unicode"]')?.textContent ?? null,
    approveDisabled: document.querySelector<HTMLButtonElement>('[data-testid="approval-approve"]')?.disabled ?? null,
  }));

describe('phishing and look-alike sites (Firefox)', () => {
  let firefox: FirefoxWithExtension;

  const pages = new Map<string, Page>();
  const site = (host: string) => pages.get(host)!;

  beforeAll(async () => {
    firefox = await launchFirefox(inject('firefoxExtensionDir'), { 'network.dns.localDomains': `${PHISHING_HOST},${LOOKALIKE_HOST}` });
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    // Tabs are opened before any approval window: a window closing itself can take a tab being opened with it.
    for (const host of [PHISHING_HOST, LOOKALIKE_HOST]) {
      const page = await firefox.browser.newPage();
      await page.goto(`http://${host}:${fixtures.port}/dapp.html`);
      pages.set(host, page);
    }
  });
  afterAll(() => firefox?.close());

  it('warns before a listed site connects, and connects only after the user accepts the risk', async () => {
    const page = site(PHISHING_HOST);
    const pending = startRequest(page, 'eth_requestAccounts');
    const prompt = await approvalShowing(firefox.browser, 'connect');
    await waitForEnabled(prompt, 'approval-reject');
    expect(await shown(prompt)).toMatchObject({ codes: 'phishing-list', approveDisabled: true });
    await prompt.click('[data-testid="approval-phishing-accept"]');
    await waitForEnabled(prompt);
    await prompt.click('[data-testid="approval-approve"]');
    expect((await pending).result).toHaveLength(1);
  });

  it('shows a punycode look-alike of uniswap.org in both forms, as a danger, and a rejection connects nothing', async () => {
    const page = site(LOOKALIKE_HOST);
    const pending = startRequest(page, 'eth_requestAccounts');
    const prompt = await approvalShowing(firefox.browser, 'connect');
    await waitForEnabled(prompt, 'approval-reject');
    expect(await shown(prompt)).toMatchObject({ codes: 'imitates-dapp', unicode: 'unisw\u0430p.org', approveDisabled: true });
    await prompt.click('[data-testid="approval-reject"]');
    expect((await pending).code).toBe(4001);
    expect((await startRequest(page, 'eth_accounts')).result).toEqual([]);
  });
});
