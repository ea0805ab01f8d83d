// Security issue #2 in Firefox: the network changes while a transaction waits for approval; the
// request stays bound to the network it was made on (see chain-switch-chromium.test.ts).
import type { Page } from 'puppeteer-core';
import type { Address, Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import type { FirefoxWithExtension } from './support/firefox.ts';
import { approvalShowing, approveIn, extensionPage, firefoxUiCommand, startRequest, waitForEnabled } from './support/firefox-pages.ts';
import { launchWalletFirefox } from './support/launch.ts';
import { startOtherChain } from './support/other-chain.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { TEST_PASSWORD } from './support/wallet.ts';

const deployment = inject('deployment');
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const { publicClient } = devnetClients(deployment);
const SENDING = [
  'eth_sendRawTransaction',
  'eth_getTransactionCount',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
];

describe('the network changes while a transaction waits (Firefox)', () => {
  let firefox: FirefoxWithExtension;
  let other: Awaited<ReturnType<typeof startOtherChain>>;
  let otherNode: RpcProxy;
  let dapp: Page;
  let extension: Page;

  beforeAll(async () => {
    other = await startOtherChain(1337);
    otherNode = await startRpcProxy(other.rpcUrl);
    firefox = await launchWalletFirefox();
    extension = await extensionPage(firefox.browser, '/onboarding.html');
    await firefoxUiCommand(extension, 'onboarding.create', {
      secret: deployment.mnemonic,
      password: TEST_PASSWORD,
      jurisdiction: 'DE',
      replaceExisting: true,
    });
    dapp = await firefox.browser.newPage();
    await dapp.goto(deployment.dappUrl);
    const connected = startRequest(dapp, 'eth_requestAccounts');
    await approveIn(firefox.browser, 'connect');
    expect(await connected).toEqual({ result: [user] });
    const added = startRequest(dapp, 'wallet_addEthereumChain', [
      { chainId: '0x539', chainName: 'Site chain', rpcUrls: [otherNode.url], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } },
    ]);
    await approveIn(firefox.browser, 'add-chain');
    expect(await added).toEqual({ result: null });
    const back = startRequest(dapp, 'wallet_switchEthereumChain', [{ chainId: `0x${deployment.chainId.toString(16)}` }]);
    await approveIn(firefox.browser, 'switch-chain');
    expect(await back).toEqual({ result: null });
  });
  afterAll(async () => {
    await firefox?.close();
    await otherNode?.close();
    other?.process.kill('SIGKILL');
  });

  it('a transaction asked on the devnet and approved after a switch to the site chain is signed for the devnet and sent only there', async () => {
    const pending = startRequest(dapp, 'eth_sendTransaction', [{ from: user, to: '0x000000000000000000000000000000000000dEaD', value: '0x2' }]);
    const window = await approvalShowing(firefox.browser, 'transaction');
    await firefoxUiCommand(extension, 'network.select', { chainId: 1337 });
    expect((await startRequest(dapp, 'eth_chainId')).result).toBe('0x539');
    otherNode.methods.length = 0;

    await waitForEnabled(window);
    await window.click('[data-testid="approval-approve"]');
    const { result: hash } = await pending;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await publicClient.waitForTransactionReceipt({ hash: hash as Hex })).status).toBe('success');
    expect((await publicClient.getTransaction({ hash: hash as Hex })).chainId).toBe(deployment.chainId);
    expect(otherNode.methods.filter((m) => SENDING.includes(m))).toEqual([]);
    expect(otherNode.rawTransactions).toEqual([]);
  });
});
