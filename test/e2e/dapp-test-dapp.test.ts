// Issue 5, done-when: MetaMask's test-dapp against Sharekeep and the devnet, in Chromium.
import type { Page } from 'playwright-core';
import { type Address, erc20Abi, type Hex, parseEther, parseUnits, recoverMessageAddress, recoverTypedDataAddress } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approve, providerRequest, openApprovalPages, reject, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { startOtherChain } from './support/other-chain.ts';
import { onboardByImport } from './support/wallet.ts';

const deployment = inject('deployment');
const dappUrl = inject('testDappUrl');
const dappOrigin = new URL(dappUrl).origin;
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const recipient = deployment.accounts.find((a) => a.role === 'de-investor')!.address as Address;
const { publicClient } = devnetClients(deployment);

/** test-dapp's "Ether Mail" typed data (the EIP-712 example), for the active chain. */
const etherMail = (chainId: number) => ({
  domain: { chainId: String(chainId), name: 'Ether Mail', verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC', version: '1' },
  message: {
    contents: 'Hello, Bob!',
    from: { name: 'Cow', wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826', '0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF'] },
    to: [
      {
        name: 'Bob',
        wallets: [
          '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB',
          '0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57',
          '0xB0B0b0b0b0b0B000000000000000000000000000',
        ],
      },
    ],
    attachment: '0x',
  },
  primaryType: 'Mail',
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Group: [
      { name: 'name', type: 'string' },
      { name: 'members', type: 'Person[]' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
      { name: 'contents', type: 'string' },
      { name: 'attachment', type: 'bytes' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallets', type: 'address[]' },
    ],
  },
});

describe('@metamask/test-dapp with Sharekeep on the devnet (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let dapp: Page;

  beforeAll(async () => {
    chromium = await launchWalletChromium();
    await (await onboardByImport(chromium, { secret: deployment.mnemonic })).close();
    dapp = await chromium.context.newPage();
    await dapp.goto(dappUrl);
  });
  afterAll(() => chromium?.close());

  it('refuses to sign for a site that has not connected (4100) without opening a window', async () => {
    const message = `0x${Buffer.from('hello').toString('hex')}`;
    const outcome = await providerRequest(dapp, 'personal_sign', [message, user]);
    expect(outcome.code).toBe(4100);
    expect(openApprovalPages(chromium.context)).toHaveLength(0);
  });

  it('refuses eth_sign', async () => {
    const outcome = await providerRequest(dapp, 'eth_sign', [user, `0x${'ab'.repeat(32)}`]);
    expect(outcome.code).toBe(4200);
    expect(outcome.message).toMatch(/eth_sign is refused/);
    expect(openApprovalPages(chromium.context)).toHaveLength(0);
  });

  it('connects through the provider test-dapp found by EIP-6963, after the user approves in the window', async () => {
    await dapp.getByRole('button', { name: 'Use Sharekeep' }).click();
    await expect.poll(() => dapp.locator('#activeProviderName').textContent()).toBe('Sharekeep');
    await dapp.locator('#connectButton').click();
    const prompt = await waitForApproval(chromium.context, 'connect');
    expect(await prompt.getByTestId('approval-origin').textContent()).toBe(dappOrigin);
    expect(await prompt.getByTestId('approval-verdict').getAttribute('data-verdict')).toBe('allow');
    const choice = prompt.locator(`[data-testid="approval-account"][data-address="${user}"]`);
    expect(await choice.isChecked()).toBe(true);
    await approve(prompt);
    await expect.poll(() => dapp.locator('#accounts').textContent()).toMatch(new RegExp(user, 'i'));
  });

  // test-dapp enables its signing buttons only for a provider with isMetaMask set, which Sharekeep
  // does not claim: these requests are test-dapp's own, made from its page.
  it("signs test-dapp's personal_sign with a signature that recovers to the account", async () => {
    const text = 'Example `personal_sign` message';
    const pending = providerRequest(dapp, 'personal_sign', [`0x${Buffer.from(text).toString('hex')}`, user, 'Example password']);
    const prompt = await waitForApproval(chromium.context, 'sign-message', { origin: dappOrigin });
    expect(await prompt.getByTestId('approval-message').textContent()).toBe(text);
    await approve(prompt);
    const signature = (await pending).result as Hex;
    expect(await recoverMessageAddress({ message: text, signature })).toBe(user);
  });

  it("signs test-dapp's eth_signTypedData_v4 mail; the signature recovers to the account over the data the window showed", async () => {
    const pending = providerRequest(dapp, 'eth_signTypedData_v4', [user, JSON.stringify(etherMail(deployment.chainId))]);
    const prompt = await waitForApproval(chromium.context, 'sign-typed-data', { origin: dappOrigin });
    const shown = JSON.parse((await prompt.locator('[data-testid="approval-typed-data"] pre').textContent()) ?? '');
    expect(shown.message.contents).toBe('Hello, Bob!');
    expect(await prompt.getByTestId('approval-verdict').getAttribute('data-verdict')).toBe('warn'); // typed data Sharekeep cannot decode
    await approve(prompt);
    const signature = (await pending).result as Hex;
    const { EIP712Domain: _, ...types } = shown.types;
    const domain = { ...shown.domain, chainId: BigInt(shown.domain.chainId) };
    expect(await recoverTypedDataAddress({ domain, types, primaryType: shown.primaryType, message: shown.message, signature })).toBe(user);
  });

  it('gives the dApp 4001 when the user rejects', async () => {
    const pending = providerRequest(dapp, 'personal_sign', [`0x${Buffer.from('reject me').toString('hex')}`, user]);
    await reject(await waitForApproval(chromium.context, 'sign-message'));
    expect((await pending).code).toBe(4001);
  });

  it('sends ETH: the transaction is mined and the recipient is paid', async () => {
    const before = await publicClient.getBalance({ address: recipient });
    const value = parseEther('0.25');
    const pending = providerRequest(dapp, 'eth_sendTransaction', [{ from: user, to: recipient, value: `0x${value.toString(16)}` }]);
    const prompt = await waitForApproval(chromium.context, 'transaction');
    expect(await prompt.getByTestId('approval-tx-to').textContent()).toBe(recipient);
    expect(await prompt.getByTestId('approval-tx-value').textContent()).toBe('0.25 ETH');
    await approve(prompt);
    const { result: hash } = await pending;
    const receipt = await publicClient.waitForTransactionReceipt({ hash: hash as Hex });
    expect(receipt.status).toBe('success');
    expect(await publicClient.getBalance({ address: recipient })).toBe(before + value);
  });

  it('sends an ERC-20 transfer decoded in the window and mined on the devnet', async () => {
    const usdc = deployment.contracts.USDC as Address;
    const balance = () => publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [recipient] });
    const before = await balance();
    const amount = parseUnits('12.5', 6);
    const data = `0xa9059cbb${recipient.slice(2).toLowerCase().padStart(64, '0')}${amount.toString(16).padStart(64, '0')}`;
    const pending = providerRequest(dapp, 'eth_sendTransaction', [{ from: user, to: usdc, data }]);
    const prompt = await waitForApproval(chromium.context, 'transaction');
    const change = prompt.locator('[data-testid="approval-change"][data-direction="out"]');
    expect(await change.textContent()).toContain('12.5 USDC');
    await approve(prompt);
    const { result: hash } = await pending;
    expect((await publicClient.waitForTransactionReceipt({ hash: hash as Hex })).status).toBe('success');
    expect(await balance()).toBe(before + amount);
  });

  it('answers 4902 for an unknown chain, then adds it through wallet_addEthereumChain', async () => {
    const other = await startOtherChain(1337);
    try {
      await dapp.evaluate(() => {
        const w = window as unknown as { __chains: string[] };
        w.__chains = [];
        window.ethereum!.on('chainChanged', (id) => w.__chains.push(id as string));
      });
      expect((await providerRequest(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x539' }])).code).toBe(4902);
      const pending = providerRequest(dapp, 'wallet_addEthereumChain', [
        { chainId: '0x539', chainName: 'Second devnet', rpcUrls: [other.rpcUrl], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } },
      ]);
      const prompt = await waitForApproval(chromium.context, 'add-chain');
      expect(await prompt.getByTestId('approval-chain-id').textContent()).toContain('1337');
      await approve(prompt);
      expect(await pending).toEqual({ result: null });
      expect((await providerRequest(dapp, 'eth_chainId')).result).toBe('0x539');
      expect(await dapp.evaluate(() => (window as unknown as { __chains: string[] }).__chains)).toContain('0x539');

      // And back, now that both are known: a switch the user approves.
      const back = providerRequest(dapp, 'wallet_switchEthereumChain', [{ chainId: `0x${deployment.chainId.toString(16)}` }]);
      await approve(await waitForApproval(chromium.context, 'switch-chain'));
      expect(await back).toEqual({ result: null });
    } finally {
      other.process.kill('SIGKILL');
    }
  });
});
