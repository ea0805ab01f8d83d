// Issue 5, done-when: in Firefox a site connects and gets one signature that recovers.
import type { Page } from 'puppeteer-core';
import { type Address, type Hex, recoverMessageAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approveIn, extensionPage, firefoxUiCommand, startRequest } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const dappUrl = `${inject('fixturesUrl')}/dapp.html`;

describe('a site in Firefox connects and signs through Sharekeep', () => {
  let firefox: FirefoxWithExtension;
  let dapp: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    const onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    dapp = await firefox.browser.newPage();
    await dapp.goto(dappUrl);
  });
  afterAll(() => firefox?.close());

  it('connects after the user approves in the approval window, which names the site', async () => {
    const pending = startRequest(dapp, 'eth_requestAccounts');
    expect(await approveIn(firefox.browser, 'connect')).toBe(new URL(dappUrl).origin);
    expect(await pending).toEqual({ result: [user] });
  });

  it('signs a personal_sign message whose signature recovers to the account', async () => {
    const message = 'Sign in to the e2e dApp on Firefox';
    const pending = startRequest(dapp, 'personal_sign', [`0x${Buffer.from(message).toString('hex')}`, user]);
    await approveIn(firefox.browser, 'sign-message');
    const { result } = await pending;
    expect(await recoverMessageAddress({ message, signature: result as Hex })).toBe(user);
  });
});
