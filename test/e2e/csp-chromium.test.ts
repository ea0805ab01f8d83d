// Issue 10, item 15: the extension pages' connect-src in Chromium (support/csp-flows.ts, run in
// Firefox too).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { cspFlows, REFUSED } from './support/csp-flows.ts';
import { playwrightPage } from './support/driver.ts';
import { launchWalletChromium } from './support/launch.ts';

describe("the extension pages' connect-src (Chromium)", () => {
  let chromium: ChromiumWithExtension;
  let flows: ReturnType<typeof cspFlows>;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    const page = await chromium.context.newPage();
    await page.goto(chromium.extensionUrl('popup.html'));
    flows = cspFlows(playwrightPage(page, chromium), inject('deployment').rpcUrl);
  });
  afterAll(() => chromium?.close());

  it('reaches the configured node on this machine over plain http', () => flows.reachesTheNode());

  it('lets https through to any host (an RPC the user adds may be anywhere)', () => flows.letsHttpsThrough());

  it.each(REFUSED)('refuses %s', (_name, url, kind) => flows.refuses(url, kind));
});
