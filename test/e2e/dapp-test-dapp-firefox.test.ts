// Issue 5, done-when: MetaMask's test-dapp against Sharekeep and the devnet, in Firefox as in
// Chromium (support/test-dapp-flows.ts).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { puppeteerBrowser } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { testDappFlows } from './support/test-dapp-flows.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');

describe('@metamask/test-dapp with Sharekeep on the devnet (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof testDappFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    await onboarding.close();
    flows = testDappFlows({ browser: puppeteerBrowser(firefox.browser), deployment, testDappUrl: inject('testDappUrl') });
    await flows.open();
  });
  afterAll(() => firefox?.close());

  it('refuses to sign for a site that has not connected (4100) without opening a window', () => flows.unconnectedSignRefused());

  it('refuses eth_sign', () => flows.ethSignRefused());

  it('connects through the provider test-dapp found by EIP-6963, after the user approves in the window', () => flows.connectsThroughEip6963());

  it("signs test-dapp's personal_sign with a signature that recovers to the account", () => flows.personalSign());

  it("signs test-dapp's eth_signTypedData_v4 mail; the signature recovers to the account over the data the window showed", () =>
    flows.typedDataMail());

  it('gives the dApp 4001 when the user rejects', () => flows.rejectGives4001());

  it('sends ETH: the transaction is mined and the recipient is paid', () => flows.sendsEth());

  it('sends an ERC-20 transfer decoded in the window and mined on the devnet', () => flows.sendsErc20());

  it('answers 4902 for an unknown chain, then adds it through wallet_addEthereumChain', () => flows.addsAnUnknownChain());
});
