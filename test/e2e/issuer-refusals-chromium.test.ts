// Issue 13 in Chromium, the same flows as in Firefox (support/issuer-refusal-flows.ts): with the
// issuer's API behind a proxy that can change its answers, the wallet refuses a quote whose
// attestation was changed on the way (not signed by the issuer's key on record), a deposit quote naming a contract outside the allowlist, a redirect to
// an origin outside it, and a quote expired before confirming; nothing is sent.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { uiCommand } from './support/approval-window.ts';
import { type ChromiumWithExtension, launchChromium } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { type IssuerProxy, type RecordingServer, startIssuerProxy, startRecordingServer } from './support/issuer-proxy.ts';
import { behindProxy, issuerRefusalFlows } from './support/issuer-refusal-flows.ts';
import { buildWalletFor, type WalletBuild } from './support/wallet-build.ts';
import { onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const { testClient } = devnetClients(inject('deployment'));

describe('issuer answers the Chromium wallet refuses', () => {
  let proxy: IssuerProxy;
  let elsewhere: RecordingServer;
  let build: WalletBuild;
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof issuerRefusalFlows>;
  let revert: () => Promise<void>;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    proxy = await startIssuerProxy(inject('deployment').issuerServiceUrl);
    elsewhere = await startRecordingServer();
    const deployment = behindProxy(inject('deployment'), proxy);
    build = buildWalletFor(deployment, 'chrome');
    wallet = await launchChromium(build.dir);
    await onboardByImport(wallet, { jurisdiction: 'DE' });
    const page: Page = await openUnlockedPopup(wallet);
    const harness = { deployment, browser: playwrightBrowser(wallet), popup: playwrightPage(page, wallet), testClient };
    flows = issuerRefusalFlows({ ...harness, proxy, elsewhere, uiCommand: (method, params) => uiCommand(page, method, params) });
  }, 240_000);
  afterAll(async () => {
    await wallet?.close();
    build?.remove();
    await Promise.all([proxy?.close(), elsewhere?.close()]);
    await revert?.();
  });

  it('refuses an attestation changed on the way (its price 1% lower, so not signed by the issuer), and signs nothing', () =>
    flows.tamperedAttestation());

  it('refuses a quote that asks to call a contract outside the allowlist, and signs nothing', () => flows.quoteNamingAContractOutsideTheAllowlist());

  it('does not follow an answer redirecting to an origin outside the allowlist: nothing reaches it, nothing is signed', () =>
    flows.redirectToAnOriginOutsideTheAllowlist());

  it('refuses to send a quote that expired while the user waited, and sends nothing', () => flows.quoteExpiredBeforeConfirming());
});
