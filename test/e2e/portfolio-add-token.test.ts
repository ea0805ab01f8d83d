// Tokens outside the registry: added by hand from the popup, shown as unverified, and an
// imitation of a registry token (same symbol, another contract) is called out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileContracts } from '../../devnet/compile.ts';
import { contractOf, devnetClients, snapshot } from '../../devnet/test-kit.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { byTestId, onboardByImport, openUnlockedPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const { publicClient, testClient, wallet: walletOf } = devnetClients(deployment);

describe('adding a token by address in the Chromium popup', () => {
  let wallet: ChromiumWithExtension;
  let popup: Page;
  let revert: () => Promise<void>;
  let imitation: `0x${string}`;

  beforeAll(async () => {
    revert = await snapshot(testClient);
    // An impostor: a plain token calling itself TSLAx, which the registry knows at another address.
    const { OracleStock } = compileContracts();
    const deployer = walletOf('de-investor');
    const hash = await deployer.deployContract({
      abi: OracleStock.abi,
      bytecode: OracleStock.bytecode,
      args: ['Tesla xStock', 'TSLAx', deployer.account.address, '0x0000000000000000000000000000000000000000'],
    });
    imitation = (await publicClient.waitForTransactionReceipt({ hash })).contractAddress!;
    wallet = await launchWalletChromium();
    await onboardByImport(wallet);
    popup = await openUnlockedPopup(wallet);
    await popup.click(byTestId('token-add-open'));
  });
  afterAll(async () => {
    await wallet?.close();
    await revert?.();
  });

  const add = async (address: string) => {
    await popup.fill(byTestId('token-add-address'), address);
    await popup.click(byTestId('token-add-submit'));
    return popup.waitForSelector(`${byTestId('token-add-result')}:has-text("${address === imitation ? 'TSLAx' : 'WETH'}")`);
  };

  it('adds a token the registry does not know, marked unverified', async () => {
    const result = await add(contractOf(deployment, 'WETH9'));
    expect(await result.getAttribute('data-verified')).toBe('false');
    expect(await result.textContent()).toContain('unverified');
    expect(await popup.locator(byTestId('token-add-lookalike')).count()).toBe(0);
  });

  it("flags a token that copies a registry token's symbol at another address", async () => {
    await add(imitation);
    const warning = popup.locator(byTestId('token-add-lookalike'));
    await expect.poll(() => warning.count()).toBe(1);
    const real = deployment.tokens.find((t) => t.symbol === 'TSLAx')!.address;
    expect(await warning.textContent()).toContain(real);
  });

  it('refuses an address that is not a token', async () => {
    await popup.fill(byTestId('token-add-address'), '0x000000000000000000000000000000000000dEaD');
    await popup.click(byTestId('token-add-submit'));
    await popup.waitForSelector('.add-token .error');
    expect(await popup.textContent('.add-token .error')).toMatch(/not an ERC-20/);
  });
});
