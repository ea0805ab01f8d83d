// Faults (security issue, hardening) in Firefox: the background is suspended by Firefox's idle
// timeout while an approved transaction is being sent: a proxy holds the node's answer to
// eth_sendRawTransaction, and Firefox suspends the event page though its fetch is still open.
// Whether the node got it or not, the dApp gets an answer (4900), Activity tells the user what
// happened to it, and nothing is sent twice (see support/worker-stop-flows.ts).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { idlePrefs } from './support/firefox-idle.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { TEST_PASSWORD } from './support/wallet.ts';
import { workerStopFlows } from './support/worker-stop-flows.ts';
import { firefoxStopHarness } from './support/worker-stop-harness.ts';

const deployment = inject('deployment');

describe('the background suspended mid-send (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let proxy: RpcProxy;
  let flows: ReturnType<typeof workerStopFlows>;

  beforeAll(async () => {
    proxy = await startRpcProxy(deployment.rpcUrl);
    firefox = await launchWalletFirefox(idlePrefs);
    const commands = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(commands, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    const dapp = await firefox.browser.newPage();
    await dapp.goto(deployment.dappUrl);
    flows = workerStopFlows(firefoxStopHarness(deployment, firefox, commands, dapp));
    // Every call of the devnet network goes through the proxy from now on.
    await flows.pointRpcAt(proxy.url);
    await flows.connect();
  });
  afterAll(async () => {
    await firefox?.close();
    await proxy?.close();
  });

  it('after the node took it: the dApp gets 4900, Activity follows the transaction to its receipt, and it was sent once', () =>
    flows.takenByTheNodeIsFollowedToItsReceipt(proxy));

  it('before the node got it: the dApp gets 4900, Activity says it was dropped, nothing is sent, and a retry is sent once', () =>
    flows.neverReceivedIsDroppedAndRetrySentOnce(proxy));
});
