// Faults (security issue, hardening) in Firefox: the background is suspended by Firefox's idle
// timeout (here 5 s, shorter than the approval window's 20 s keepalive) while a transaction waits
// in the approval window, as a crash would stop it. The dApp must get an answer (4900), nothing
// may be sent behind its back, and its retry must be sent exactly once
// (see support/worker-stop-flows.ts; firefox-idle.ts checks that a new background took over).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { idlePrefs } from './support/firefox-idle.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';
import { workerStopFlows } from './support/worker-stop-flows.ts';
import { firefoxStopHarness } from './support/worker-stop-harness.ts';

const deployment = inject('deployment');

describe('the background suspended mid-approval (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof workerStopFlows>;

  beforeAll(async () => {
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
    await flows.connect();
  });
  afterAll(() => firefox?.close());

  it('answers the waiting dApp with 4900, sends nothing, and sends its retry exactly once', () => flows.deadApprovalIsAnsweredAndRetrySentOnce());
});
