// Security issue #2, in the browser: the network changes while a transaction waits for
// approval. The request stays bound to the network it was made on: signed for that chain and
// sent to that chain's node only; the network switched to (one the site added) hears nothing.
import type { Page } from 'playwright-core';
import type { Address, Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { devnetClients } from '../../devnet/test-kit.ts';
import { approve, providerRequest, waitForApproval } from './support/approval-window.ts';
import type { ChromiumWithExtension } from './support/chromium.ts';
import { launchWalletChromium } from './support/launch.ts';
import { startOtherChain } from './support/other-chain.ts';
import { type RpcProxy, startRpcProxy } from './support/rpc-proxy.ts';
import { byTestId, onboardByImport, openPopup } from './support/wallet.ts';

const deployment = inject('deployment');
const dappOrigin = new URL(deployment.dappUrl).origin;
const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
const { publicClient } = devnetClients(deployment);
const devnetHex = `0x${deployment.chainId.toString(16)}`;
/** Calls that would mean the other chain's node takes part in the request. */
const SENDING = [
  'eth_sendRawTransaction',
  'eth_getTransactionCount',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_maxPriorityFeePerGas',
];

describe('the network changes while a transaction waits (Chromium)', () => {
  let chromium: ChromiumWithExtension;
  let other: Awaited<ReturnType<typeof startOtherChain>>;
  let otherNode: RpcProxy;
  let dapp: Page;

  beforeAll(async () => {
    // The other chain is funded for the same account: a transaction sent there would go through.
    other = await startOtherChain(1337);
    otherNode = await startRpcProxy(other.rpcUrl);
    chromium = await launchWalletChromium();
    await onboardByImport(chromium, { secret: deployment.mnemonic });
    dapp = await chromium.context.newPage();
    await dapp.goto(deployment.dappUrl);
    const connected = providerRequest(dapp, 'eth_requestAccounts');
    await approve(await waitForApproval(chromium.context, 'connect', { origin: dappOrigin }));
    expect(await connected).toEqual({ result: [user] });
    const added = providerRequest(dapp, 'wallet_addEthereumChain', [
      { chainId: '0x539', chainName: 'Site chain', rpcUrls: [otherNode.url], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 } },
    ]);
    await approve(await waitForApproval(chromium.context, 'add-chain', { origin: dappOrigin }));
    expect(await added).toEqual({ result: null });
    const back = providerRequest(dapp, 'wallet_switchEthereumChain', [{ chainId: devnetHex }]);
    await approve(await waitForApproval(chromium.context, 'switch-chain', { origin: dappOrigin }));
    expect(await back).toEqual({ result: null });
  });
  afterAll(async () => {
    await chromium?.close();
    await otherNode?.close();
    other?.process.kill('SIGKILL');
  });

  it('a transaction asked on the devnet and approved after a switch to the site chain is signed for the devnet and sent only there', async () => {
    const pending = providerRequest(dapp, 'eth_sendTransaction', [{ from: user, to: '0x000000000000000000000000000000000000dEaD', value: '0x2' }]);
    const window = await waitForApproval(chromium.context, 'transaction', { origin: dappOrigin });

    const popup = await openPopup(chromium);
    await popup.selectOption(byTestId('network-select'), '1337');
    expect((await providerRequest(dapp, 'eth_chainId')).result).toBe('0x539');
    otherNode.methods.length = 0;

    await approve(window);
    const { result: hash } = await pending;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
    const mined = await publicClient.waitForTransactionReceipt({ hash: hash as Hex });
    expect(mined.status).toBe('success');
    const sent = await publicClient.getTransaction({ hash: hash as Hex });
    expect(sent.chainId).toBe(deployment.chainId);
    expect(otherNode.methods.filter((m) => SENDING.includes(m))).toEqual([]);
    expect(otherNode.rawTransactions).toEqual([]);
    await popup.close();
  });
});
