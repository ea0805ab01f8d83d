// Firefox suspends an idle event page after its idle timeout (30 s by default) even while the
// wallet's pages are open; a user who reads a request for longer lost it. The approval window now
// asks the background something every 20 s while a request waits. Here the timeout is 25 s, longer
// than that interval, and the request waits 45 s: the same background must still hold it, and the
// transaction approved after must be sent once.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { backgroundStart, backgroundSuspended } from './support/firefox-idle.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';
import { workerStopFlows } from './support/worker-stop-flows.ts';
import { firefoxStopHarness } from './support/worker-stop-harness.ts';

const deployment = inject('deployment');
const IDLE_TIMEOUT_MS = 25_000;
const WAIT_MS = 45_000;

describe('an approval left open past Firefox’s idle timeout', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof workerStopFlows>;
  let staysUp: () => Promise<boolean>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox({ 'extensions.background.idle.timeout': IDLE_TIMEOUT_MS });
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
    staysUp = async () => {
      const start = await backgroundStart(commands);
      const suspended = await backgroundSuspended(commands, WAIT_MS);
      return !suspended && (await backgroundStart(commands)) === start;
    };
  });
  afterAll(() => firefox?.close());

  it('keeps the background that holds the request, and sends the transaction approved after once', () =>
    flows.slowApprovalKeepsItsBackground(staysUp));
});
