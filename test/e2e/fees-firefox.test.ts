// Issue 14 in Firefox, from the popup as in Chromium: the fee shows before approval and the speed
// picked is the fee mined; a stuck transaction is sped up and another cancelled from Activity.
import { toHex } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import { feeFlows } from './support/fee-flows.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD, TEST_PHRASE } from './support/wallet.ts';

// Anvil's account 5, imported by its private key: funded with ETH and used by no devnet role or other test.
const SENDER_HD = mnemonicToAccount(TEST_PHRASE, { addressIndex: 5 });
const SENDER_KEY = toHex(SENDER_HD.getHdKey().privateKey!);
const RECIPIENT = privateKeyToAccount(generatePrivateKey()).address;

describe('Firefox: the network fee before approval, speed up and cancel', () => {
  const { publicClient, testClient } = devnetClients(inject('deployment'));
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof feeFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const page = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(page, 'onboarding.create', { secret: SENDER_KEY, password: TEST_PASSWORD, jurisdiction: 'DE', replaceExisting: true });
    const harness = { browser: puppeteerBrowser(firefox.browser), popup: puppeteerPage(page), publicClient, testClient };
    flows = feeFlows({ ...harness, sender: SENDER_HD.address, recipient: RECIPIENT });
  });
  afterAll(async () => {
    await testClient.setAutomine(true);
    await firefox?.close();
  });

  it('shows the fee before approval, and the mined transaction carries the fast caps and gas limit shown', () => flows.fastFeeIsMinedAsShown());

  it('speeds up a transaction stuck with automine off: same nonce, higher fees, confirmed in Activity', () => flows.speedUpStuck());

  it('cancels a stuck transaction: a 0-value transfer to oneself is mined and Activity says cancelled', () => flows.cancelStuck());
});
