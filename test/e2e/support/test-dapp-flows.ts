// Issue 5, done-when, written once for both browsers: MetaMask's test-dapp against Sharekeep and the
// devnet (connecting through EIP-6963, signing, sending, refusing, adding a chain).
import { type Address, erc20Abi, type Hex, parseEther, parseUnits, recoverMessageAddress, recoverTypedDataAddress } from 'viem';
import { expect } from 'vitest';
import { devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { approvalShowing, decideShown } from './approval-flow.ts';
import { attributeOf, byTestId, providerCall, textOf, type UiBrowser, type UiPage, until } from './driver.ts';
import { startOtherChain } from './other-chain.ts';
import { testDappSignTypedDataV4 as etherMail } from '../../fixtures/test-dapp-typed-data.ts';

export interface TestDappHarness {
  browser: UiBrowser;
  deployment: Deployment;
  testDappUrl: string;
}

export function testDappFlows(h: TestDappHarness) {
  const { deployment } = h;
  const dappOrigin = new URL(h.testDappUrl).origin;
  const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
  const recipient = deployment.accounts.find((a) => a.role === 'de-investor')!.address as Address;
  const { publicClient } = devnetClients(deployment);
  let dapp: UiPage;

  const noWindowOpen = async () => expect(await h.browser.extensionPages('/approval.html')).toHaveLength(0);
  const shows = async (kind: string) => (await approvalShowing(h.browser, kind, { origin: dappOrigin })).page;

  return {
    async open() {
      dapp = await h.browser.openSite(h.testDappUrl);
    },

    async unconnectedSignRefused() {
      const message = `0x${Buffer.from('hello').toString('hex')}`;
      const outcome = await providerCall(dapp, 'personal_sign', [message, user]);
      expect(outcome.code).toBe(4100);
      await noWindowOpen();
    },

    async ethSignRefused() {
      const outcome = await providerCall(dapp, 'eth_sign', [user, `0x${'ab'.repeat(32)}`]);
      expect(outcome.code).toBe(4200);
      expect(outcome.message).toMatch(/eth_sign is refused/);
      await noWindowOpen();
    },

    async connectsThroughEip6963() {
      // test-dapp lists each EIP-6963 wallet it heard as a button "Use <name>": the one for Sharekeep is pressed.
      const marked = await until(
        () =>
          dapp.evaluate(() => {
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Use Sharekeep');
            button?.setAttribute('data-e2e', 'use-sharekeep');
            return button !== undefined;
          }, undefined),
        "test-dapp's button for Sharekeep",
      );
      expect(marked).toBe(true);
      await dapp.click('[data-e2e="use-sharekeep"]');
      await until(async () => (await textOf(dapp, '#activeProviderName')) === 'Sharekeep', 'test-dapp to use Sharekeep');
      await dapp.click('#connectButton');
      const prompt = await shows('connect');
      expect(await textOf(prompt, byTestId('approval-origin'))).toBe(dappOrigin);
      expect(await attributeOf(prompt, byTestId('approval-verdict'), 'data-verdict')).toBe('allow');
      const choice = `${byTestId('approval-account')}[data-address="${user}"]`;
      expect(await prompt.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked, choice)).toBe(true);
      await decideShown(prompt, 'approval-approve');
      await until(async () => new RegExp(user, 'i').test((await textOf(dapp, '#accounts')) ?? ''), 'test-dapp to show the account');
    },

    // test-dapp enables its signing buttons only for a provider with isMetaMask set, which Sharekeep
    // does not claim: these requests are test-dapp's own, made from its page.
    async personalSign() {
      const text = 'Example `personal_sign` message';
      const pending = providerCall(dapp, 'personal_sign', [`0x${Buffer.from(text).toString('hex')}`, user, 'Example password']);
      const prompt = await shows('sign-message');
      expect(await textOf(prompt, byTestId('approval-message'))).toBe(text);
      await decideShown(prompt, 'approval-approve');
      const signature = (await pending).result as Hex;
      expect(await recoverMessageAddress({ message: text, signature })).toBe(user);
    },

    async typedDataMail() {
      const pending = providerCall(dapp, 'eth_signTypedData_v4', [user, JSON.stringify(etherMail(deployment.chainId))]);
      const prompt = await shows('sign-typed-data');
      const shown = JSON.parse((await textOf(prompt, `${byTestId('approval-typed-data')} pre`)) ?? '');
      expect(shown.message.contents).toBe('Hello, Bob!');
      expect(await attributeOf(prompt, byTestId('approval-verdict'), 'data-verdict')).toBe('warn'); // typed data Sharekeep cannot decode
      await decideShown(prompt, 'approval-approve');
      const signature = (await pending).result as Hex;
      const { EIP712Domain: _, ...types } = shown.types;
      const domain = { ...shown.domain, chainId: BigInt(shown.domain.chainId) };
      expect(await recoverTypedDataAddress({ domain, types, primaryType: shown.primaryType, message: shown.message, signature })).toBe(user);
    },

    async rejectGives4001() {
      const pending = providerCall(dapp, 'personal_sign', [`0x${Buffer.from('reject me').toString('hex')}`, user]);
      await decideShown(await shows('sign-message'), 'approval-reject');
      expect((await pending).code).toBe(4001);
    },

    async sendsEth() {
      const before = await publicClient.getBalance({ address: recipient });
      const value = parseEther('0.25');
      const pending = providerCall(dapp, 'eth_sendTransaction', [{ from: user, to: recipient, value: `0x${value.toString(16)}` }]);
      const prompt = await shows('transaction');
      expect(await textOf(prompt, byTestId('approval-tx-to'))).toBe(recipient);
      expect(await textOf(prompt, byTestId('approval-tx-value'))).toBe('0.25 ETH');
      await decideShown(prompt, 'approval-approve');
      const { result: hash } = await pending;
      const receipt = await publicClient.waitForTransactionReceipt({ hash: hash as Hex });
      expect(receipt.status).toBe('success');
      expect(await publicClient.getBalance({ address: recipient })).toBe(before + value);
    },

    async sendsErc20() {
      const usdc = deployment.contracts.USDC as Address;
      const balance = () => publicClient.readContract({ address: usdc, abi: erc20Abi, functionName: 'balanceOf', args: [recipient] });
      const before = await balance();
      const amount = parseUnits('12.5', 6);
      const data = `0xa9059cbb${recipient.slice(2).toLowerCase().padStart(64, '0')}${amount.toString(16).padStart(64, '0')}`;
      const pending = providerCall(dapp, 'eth_sendTransaction', [{ from: user, to: usdc, data }]);
      const prompt = await shows('transaction');
      expect(await textOf(prompt, `${byTestId('approval-change')}[data-direction="out"]`)).toContain('12.5 USDC');
      await decideShown(prompt, 'approval-approve');
      const { result: hash } = await pending;
      expect((await publicClient.waitForTransactionReceipt({ hash: hash as Hex })).status).toBe('success');
      expect(await balance()).toBe(before + amount);
    },

    async addsAnUnknownChain() {
      const other = await startOtherChain(1337);
      try {
        await dapp.evaluate(() => {
          const w = window as unknown as { __chains: string[] };
          w.__chains = [];
          window.ethereum!.on('chainChanged', (id) => w.__chains.push(id as string));
        }, undefined);
        expect((await providerCall(dapp, 'wallet_switchEthereumChain', [{ chainId: '0x539' }])).code).toBe(4902);
        const pending = providerCall(dapp, 'wallet_addEthereumChain', [
          { chainId: '0x539', chainName: 'Second devnet', rpcUrls: [other.rpcUrl], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } },
        ]);
        const prompt = await shows('add-chain');
        expect(await textOf(prompt, byTestId('approval-chain-id'))).toContain('1337');
        await decideShown(prompt, 'approval-approve');
        expect(await pending).toEqual({ result: null });
        expect((await providerCall(dapp, 'eth_chainId')).result).toBe('0x539');
        expect(await dapp.evaluate(() => (window as unknown as { __chains: string[] }).__chains, undefined)).toContain('0x539');

        // And back, now that both are known: a switch the user approves.
        const back = providerCall(dapp, 'wallet_switchEthereumChain', [{ chainId: `0x${deployment.chainId.toString(16)}` }]);
        await decideShown(await shows('switch-chain'), 'approval-approve');
        expect(await back).toEqual({ result: null });
      } finally {
        other.process.kill('SIGKILL');
      }
    },
  };
}
