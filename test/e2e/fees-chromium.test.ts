import { toHex } from 'viem';
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser, playwrightPage } from './support/driver.ts';
import { feeFlows } from './support/fee-flows.ts';
import { launchWalletChromium } from './support/launch.ts';
import { byTestId, onboardByImport, openPopup, TEST_PHRASE } from './support/wallet.ts';

// Anvil's account 7, imported by its private key: funded with ETH and used by no devnet role or other test.
const SENDER_HD = mnemonicToAccount(TEST_PHRASE, { addressIndex: 7 });
const SENDER_KEY = toHex(SENDER_HD.getHdKey().privateKey!);
const RECIPIENT = privateKeyToAccount(generatePrivateKey()).address;

describe('Chromium: the network fee before approval, speed up and cancel', () => {
  const { publicClient, testClient } = devnetClients(inject('deployment'));
  let wallet: ChromiumWithExtension;
  let flows: ReturnType<typeof feeFlows>;

  beforeAll(async () => {
    wallet = await launchWalletChromium();
    await onboardByImport(wallet, { secret: SENDER_KEY });
    const popup = await openPopup(wallet);
    await popup.waitForSelector(byTestId('account-address'));
    const harness = { browser: playwrightBrowser(wallet), popup: playwrightPage(popup, wallet), publicClient, testClient };
    flows = feeFlows({ ...harness, sender: SENDER_HD.address, recipient: RECIPIENT });
  });
  afterAll(async () => {
    await testClient.setAutomine(true);
    await wallet?.close();
  });

  it('shows the fee before approval, and the mined transaction carries the fast caps and gas limit shown', () => flows.fastFeeIsMinedAsShown());

  it('speeds up a transaction stuck with automine off: same nonce, higher fees, confirmed in Activity', () => flows.speedUpStuck());

  it('cancels a stuck transaction: a 0-value transfer to oneself is mined and Activity says cancelled', () => flows.cancelStuck());
});
