// Issue 10, item 15: the extension pages' connect-src in Firefox, as in Chromium
// (support/csp-flows.ts). Firefox, too, fires securitypolicyviolation in the page for a connection
// its CSP refuses, so the same refusals are asserted, not only failed connections.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { cspFlows, REFUSED } from './support/csp-flows.ts';
import { byTestId, puppeteerPage, waitFor } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';

describe("the extension pages' connect-src (Firefox)", () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof cspFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const page = puppeteerPage(await extensionPage(firefox.browser, '/onboarding.html'));
    await waitFor(page, byTestId('onboarding-import'));
    await page.open('/popup.html');
    flows = cspFlows(page, inject('deployment').rpcUrl);
  });
  afterAll(() => firefox?.close());

  it('reaches the configured node on this machine over plain http', () => flows.reachesTheNode());

  it('lets https through to any host (an RPC the user adds may be anywhere)', () => flows.letsHttpsThrough());

  it.each(REFUSED)('refuses %s', (_name, url, kind) => flows.refuses(url, kind));
});
