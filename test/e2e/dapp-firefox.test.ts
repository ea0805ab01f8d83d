// Issue 5, done-when: in Firefox a site connects and gets one signature that recovers.
// Issue 14: the network fee shows before approval and the speed picked is the fee mined.
import type { Page } from 'puppeteer-core';
import { type Address, type Hex, parseGwei, recoverMessageAddress, recoverTypedDataAddress } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approveLooking as approveIn, extensionPage, firefoxUiCommand, startRequest } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const dappUrl = `${inject('fixturesUrl')}/dapp.html`;

describe('a site in Firefox connects and signs through Sharekeep', () => {
  let firefox: FirefoxWithExtension;
  let dapp: Page;
  let onboarding: Page;

  beforeAll(async () => {
    firefox = await launchWalletFirefox();
    onboarding = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(onboarding, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    dapp = await firefox.browser.newPage();
    await dapp.goto(dappUrl);
  });
  afterAll(async () => {
    await devnetClients(deployment).testClient.setAutomine(true);
    await firefox?.close();
  });

  it('connects after the user approves in the approval window, which names the site', async () => {
    const pending = startRequest(dapp, 'eth_requestAccounts');
    expect((await approveIn(firefox.browser, 'connect')).origin).toBe(new URL(dappUrl).origin);
    expect(await pending).toEqual({ result: [user] });
  });

  it('signs a personal_sign message whose signature recovers to the account', async () => {
    const message = 'Sign in to the e2e dApp on Firefox';
    const pending = startRequest(dapp, 'personal_sign', [`0x${Buffer.from(message).toString('hex')}`, user]);
    await approveIn(firefox.browser, 'sign-message');
    const { result } = await pending;
    expect(await recoverMessageAddress({ message, signature: result as Hex })).toBe(user);
  });

  it('names Permit2 in the approval of a Permit2 signature, and the signature recovers to the account', async () => {
    const typedData = {
      domain: { name: 'Permit2', chainId: deployment.chainId, verifyingContract: '0x000000000022D473030F116dDEE9F6B43aC78BA3' as Address },
      types: {
        PermitTransferFrom: [
          { name: 'permitted', type: 'TokenPermissions' },
          { name: 'spender', type: 'address' },
          { name: 'nonce', type: 'uint256' },
          { name: 'deadline', type: 'uint256' },
        ],
        TokenPermissions: [
          { name: 'token', type: 'address' },
          { name: 'amount', type: 'uint256' },
        ],
      },
      primaryType: 'PermitTransferFrom' as const,
      message: {
        permitted: { token: deployment.contracts.USDC as Address, amount: '250000000' },
        spender: deployment.contracts.UniswapV2Router02 as Address,
        nonce: '7',
        deadline: '4102444800',
      },
    };
    const eip712Domain = [
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ];
    const pending = startRequest(dapp, 'eth_signTypedData_v4', [
      user,
      JSON.stringify({ ...typedData, types: { EIP712Domain: eip712Domain, ...typedData.types } }),
    ]);
    const { seen } = await approveIn(firefox.browser, 'sign-typed-data', (page) =>
      page.$eval('[data-testid="approval-verifying-contract"] [data-testid="contract-label"]', (el) => el.textContent),
    );
    expect(seen).toBe('Permit2 (Uniswap)');
    const { result } = await pending;
    const message = { ...typedData.message, permitted: { ...typedData.message.permitted, amount: 250000000n }, nonce: 7n, deadline: 4102444800n };
    expect(await recoverTypedDataAddress({ ...typedData, message, signature: result as Hex })).toBe(user);
  });

  it('shows the network fee before approval, and the mined transaction carries the "fast" caps and gas limit shown', async () => {
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: privateKeyToAccount(generatePrivateKey()).address, value: '0x1' }]);
    const { seen } = await approveIn(firefox.browser, 'transaction', async (page) => {
      expect(await page.$eval('[data-testid="approval-fee"]', (el) => el.textContent)).toMatch(/^At most 0\.\d+ ETH$/);
      await page.select('[data-testid="fee-speed"]', 'fast');
      const fee = await page.$eval('[data-testid="approval-fee"]', (el) => ({ ...(el as HTMLElement).dataset }));
      expect(fee.speed).toBe('fast');
      return fee;
    });
    const { result } = await pending;
    const mined = await devnetClients(deployment).publicClient.waitForTransactionReceipt({ hash: result as Hex });
    const tx = await devnetClients(deployment).publicClient.getTransaction({ hash: mined.transactionHash });
    expect(tx.maxFeePerGas).toBe(parseGwei(seen!.maxFeeGwei!));
    expect(tx.maxPriorityFeePerGas).toBe(parseGwei(seen!.priorityFeeGwei!));
    expect(tx.gas).toBe(BigInt(seen!.gasLimit!));
  });

  it('speeds up a transaction stuck with automine off from Activity, and Activity follows the one mined', async () => {
    const { publicClient, testClient } = devnetClients(deployment);
    await testClient.setAutomine(false);
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: privateKeyToAccount(generatePrivateKey()).address, value: '0x1' }]);
    await approveIn(firefox.browser, 'transaction', (page) => page.select('[data-testid="fee-speed"]', 'slow'));
    const stuck = (await pending).result as Hex;
    // Read before the replacement: the node's pool drops the transaction it replaces.
    const before = await publicClient.getTransaction({ hash: stuck });
    // The onboarding tab becomes the popup, opened on Activity.
    await onboarding.evaluate(() => {
      location.href = '/popup.html#/activity';
    });
    const row = (hash: string) => `[data-testid="activity-row"][data-hash="${hash}"]`;
    await poll(onboarding, `${row(stuck)}[data-status="pending"] [data-testid="activity-speed-up"]`);
    await onboarding.click(`${row(stuck)} [data-testid="activity-speed-up"]`);
    expect((await approveIn(firefox.browser, 'transaction')).origin).toBe('Sharekeep');
    const replaced = await poll(onboarding, '[data-testid="activity-row"][data-status="pending"] [data-testid="activity-replaced"]', (el) =>
      el.closest('[data-testid="activity-row"]')?.getAttribute('data-hash'),
    );
    expect(replaced).not.toBe(stuck);
    const after = await publicClient.getTransaction({ hash: replaced as Hex });
    expect(after.nonce).toBe(before.nonce);
    expect(after.maxFeePerGas! * 10n >= before.maxFeePerGas! * 11n).toBe(true);
    await testClient.mine({ blocks: 1 });
    await poll(onboarding, `${row(replaced!)}[data-status="confirmed"]`);
  });

  it('cancels another stuck transaction from Activity: a 0-value transfer to oneself is mined and the row says cancelled', async () => {
    const { publicClient, testClient } = devnetClients(deployment);
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: privateKeyToAccount(generatePrivateKey()).address, value: '0x1' }]);
    await approveIn(firefox.browser, 'transaction', (page) => page.select('[data-testid="fee-speed"]', 'slow'));
    const stuck = (await pending).result as Hex;
    const row = `[data-testid="activity-row"][data-hash="${stuck}"]`;
    await poll(onboarding, `${row}[data-status="pending"] [data-testid="activity-cancel"]`);
    await onboarding.click(`${row} [data-testid="activity-cancel"]`);
    await approveIn(firefox.browser, 'transaction');
    const cancel = await poll(onboarding, '[data-testid="activity-row"][data-status="pending"] [data-testid="activity-replaced"]', (el) =>
      el.closest('[data-testid="activity-row"]')?.getAttribute('data-hash'),
    );
    const sent = await publicClient.getTransaction({ hash: cancel as Hex });
    expect([sent.to?.toLowerCase(), sent.value]).toEqual([user.toLowerCase(), 0n]);
    await testClient.mine({ blocks: 1 });
    await poll(onboarding, `[data-testid="activity-row"][data-hash="${cancel}"][data-status="cancelled"]`);
  });
});

/** Polls `page` until `selector` matches, then returns `read` of it. Not waitForSelector: see waitForKind. */
async function poll(page: Page, selector: string, read: (el: Element) => unknown = () => true, timeoutMs = 20_000): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await page.$(selector).catch(() => null);
    if (found) return (await found.evaluate(read)) as string | undefined;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`nothing matched ${selector}`);
}
