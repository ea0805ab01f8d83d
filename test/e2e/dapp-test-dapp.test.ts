// Issue 5, done-when: MetaMask's test-dapp against Sharekeep and the devnet, in Chromium
// (support/test-dapp-flows.ts, run in Firefox too).
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { playwrightBrowser } from './support/driver.ts';
import { launchWalletChromium } from './support/launch.ts';
import { testDappFlows } from './support/test-dapp-flows.ts';
import { onboardByImport } from './support/wallet.ts';

const deployment = inject('deployment');

describe('@metamask/test-dapp with Sharekeep on the devnet (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let flows: ReturnType<typeof testDappFlows>;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    await (await onboardByImport(chromium, { secret: deployment.mnemonic })).close();
    flows = testDappFlows({ browser: playwrightBrowser(chromium), deployment, testDappUrl: inject('testDappUrl') });
    await flows.open();
  });
  afterAll(() => chromium?.close());

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
