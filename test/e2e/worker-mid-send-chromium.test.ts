// Faults (security issue, hardening): the service worker is stopped while an approved
// transaction is being sent. Whether the node got it or not, the dApp gets an answer (4900),
// Activity tells the user what happened to it, and nothing is sent twice
// (see support/worker-stop-flows.ts).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { onboardByImport } from './support/wallet.ts';
import { workerStopFlows } from './support/worker-stop-flows.ts';
import { chromiumStopHarness } from './support/worker-stop-harness.ts';

const deployment = inject('deployment');

describe('the service worker stopped mid-send (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let proxy: RpcProxy;
  let flows: ReturnType<typeof workerStopFlows>;

  beforeAll(async () => {
    proxy = await startRpcProxy(deployment.rpcUrl);
    chromium = await launchWalletChromium();
    const commands = await onboardByImport(chromium, { secret: deployment.mnemonic });
    const dapp = await chromium.context.newPage();
    await dapp.goto(deployment.dappUrl);
    flows = workerStopFlows(chromiumStopHarness(deployment, chromium, commands, dapp));
    // Every call of the devnet network goes through the proxy from now on.
    await flows.pointRpcAt(proxy.url);
    await flows.connect();
  });
  afterAll(async () => {
    await chromium?.close();
    await proxy?.close();
  });

  it('after the node took it: the dApp gets 4900, Activity follows the transaction to its receipt, and it was sent once', () =>
    flows.takenByTheNodeIsFollowedToItsReceipt(proxy));

  it('before the node got it: the dApp gets 4900, Activity says it was dropped, nothing is sent, and a retry is sent once', () =>
    flows.neverReceivedIsDroppedAndRetrySentOnce(proxy));
});
