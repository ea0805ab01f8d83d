// Tokens outside the registry in the Firefox popup, as in Chromium (support/add-token-flows.ts):
// added by hand, shown as unverified, and an imitation of a registry token called out.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients, snapshot } from '../../devnet/test-kit.ts';
import { addTokenFlows, deployImitation } from './support/add-token-flows.ts';
import { byTestId, puppeteerPage, waitFor } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

const deployment = inject('deployment');

describe('adding a token by address in the Firefox popup', () => {
  let firefox: FirefoxWithExtension;
  let revert: () => Promise<void>;
  let flows: ReturnType<typeof addTokenFlows>;

  beforeAll(async () => {
    revert = await snapshot(devnetClients(deployment).testClient);
    const imitation = await deployImitation(deployment);
    firefox = await launchWalletFirefox();
    const page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: TEST_PHRASE, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    const popup = puppeteerPage(page);
    await popup.open('/popup.html');
    await waitFor(popup, byTestId('account-address'));
    await popup.click(byTestId('token-add-open'));
    flows = addTokenFlows(popup, deployment, imitation);
  });
  afterAll(async () => {
    await firefox?.close();
    await revert?.();
  });

  it('adds a token the registry does not know, marked unverified', () => flows.unknownTokenIsUnverified());

  it("flags a token that copies a registry token's symbol at another address", () => flows.imitationIsFlagged());

  it('refuses an address that is not a token', () => flows.notATokenIsRefused());
});
