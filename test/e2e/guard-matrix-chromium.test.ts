// Issue 11, done-when, in Chromium: the guard matrix of support/guard-matrix.ts (TSLAx, NVDAon and
// the unlisted ERC-3643 KSTR by V2, V3, the Universal Router's V3 step, an opaque router, a CoW
// order, a send to the pair and the issuer), refused for a US resident, going through in Germany.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { approve, providerRequest, uiCommand, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { acquisitions, guardMatrix, guardSymbols, issuerSymbols } from './support/guard-matrix.ts';
import { launchWalletChromium } from './support/launch.ts';
import { ACCOUNT_0, onboardByImport, openUnlockedPopup, TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const { testClient } = devnetClients(deployment);

describe('the guard on every path (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let popup: Page;
  let matrix: ReturnType<typeof guardMatrix>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    chromium = await launchWalletChromium();
    await onboardByImport(chromium, { jurisdiction: 'US' });
    popup = await openUnlockedPopup(chromium);
    await popup.setViewportSize({ width: 380, height: 760 });
    const url = `${inject('fixturesUrl')}/dapp.html`;
    const origin = new URL(url).origin;
    const site = await chromium.context.newPage();
    await site.goto(url);
    const connected = providerRequest(site, 'eth_requestAccounts');
    await approve(await waitForApproval(chromium.context, 'connect', { origin }));
    expect((await connected).result).toEqual([ACCOUNT_0]);
    matrix = guardMatrix({
      deployment,
      browser: playwrightBrowser(chromium),
      site: playwrightPage(site, chromium),
      origin,
      popup: playwrightPage(popup, chromium),
      uiCommand: (method, params) => uiCommand(popup, method, params),
    });
    await matrix.allowUsdc();
  });
  afterAll(async () => {
    await chromium?.close();
    await revert?.();
  });

  describe('a US resident', () => {
    it.each(acquisitions)('cannot acquire $symbol by $path', ({ path, symbol }) => matrix.refusesAcquisition(path, symbol));
    it.each(guardSymbols)('may send %s to its pair: a sale, which its rule does not forbid', (symbol) => matrix.sendsToPair(symbol));
    it.each(issuerSymbols)('cannot mint %s from its issuer in the popup', (symbol) => matrix.issuerRefusesMint(symbol));
  });

  describe('a DE resident', () => {
    beforeAll(() => uiCommand(popup, 'settings.setJurisdiction', { jurisdiction: 'DE', password: TEST_PASSWORD }));

    it.each(acquisitions)('acquires $symbol by $path: not blocked, and the balance grows', ({ path, symbol }) =>
      matrix.allowsAcquisition(path, symbol),
    );
    it.each(guardSymbols)('sends %s to its pair', (symbol) => matrix.sendsToPair(symbol));
    it('mints TSLAx from its order-processor issuer in the popup', () => matrix.mintsTslaxFromOrderProcessor());
  });
});
