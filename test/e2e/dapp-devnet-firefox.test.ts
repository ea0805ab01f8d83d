// Issue 5, done-when, in Firefox as in Chromium (support/devnet-dapp-flows.ts): the devnet demo dApp
// trades through Sharekeep on Uniswap V2, signs a Permit2 order, and a trade the user's jurisdiction
// forbids cannot be signed.
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { devnetDappFlows } from './support/devnet-dapp-flows.ts';
import { puppeteerBrowser, puppeteerPage } from './support/driver.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { extensionPage, firefoxUiCommand } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');

describe('the devnet dApp with Sharekeep (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let flows: ReturnType<typeof devnetDappFlows>;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    flows = devnetDappFlows({ browser: puppeteerBrowser(firefox.browser), commands: puppeteerPage(onboarding), deployment });
    await flows.connect();
  });
  afterAll(() => firefox?.close());

  it('approves the router for USDC: the window shows who may spend how much, then it mines', () => flows.approveRouter());

  it('swaps USDC for TSLAx on Uniswap V2: decoded swap and simulated balance changes, then mined', () => flows.swapOnV2());

  it('decodes a Permit2 transfer order: token, amount and spender', () => flows.permit2Order());

  it('in the US, refuses to sign a buy of AMZNr: block verdict, approve disabled, nothing mined', () => flows.forbiddenBuyInTheUs());
});
