// Faults (security issue, hardening): the service worker is stopped while a transaction waits
// in the approval window. The dApp must get an answer (4900), nothing may be sent behind its
// back, and its retry must be sent exactly once (see support/worker-stop-flows.ts).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { onboardByImport } from './support/wallet.ts';
import { workerStopFlows } from './support/worker-stop-flows.ts';
import { chromiumStopHarness } from './support/worker-stop-harness.ts';

const deployment = inject('deployment');

describe('the service worker stopped mid-approval (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let flows: ReturnType<typeof workerStopFlows>;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    const commands = await onboardByImport(chromium, { secret: deployment.mnemonic });
    const dapp = await chromium.context.newPage();
    await dapp.goto(deployment.dappUrl);
    flows = workerStopFlows(chromiumStopHarness(deployment, chromium, commands, dapp));
    await flows.connect();
  });
  afterAll(() => chromium?.close());

  it('answers the waiting dApp with 4900, sends nothing, and sends its retry exactly once', () => flows.deadApprovalIsAnsweredAndRetrySentOnce());
});
