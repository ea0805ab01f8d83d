// The page edge: every wallet method refuses malformed params with the EIP-1193 code a dApp
// expects, before any window opens; and what an approved request may still do afterwards.
import { encodeFunctionResult, erc20Abi, parseTransaction } from 'viem';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet, SITE, type TestWallet } from './harness';

async function codeOf(promise: Promise<unknown>): Promise<number | 'resolved'> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return (err as { code: number }).code;
  }
}

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const typedData = (chainId: number) => ({
  types: { EIP712Domain: [{ name: 'chainId', type: 'uint256' }], Note: [{ name: 'text', type: 'string' }] },
  primaryType: 'Note',
  domain: { chainId },
  message: { text: 'hello' },
});

/** [method, params, expected code]: each is something a page could send by mistake or on purpose. */
const MALFORMED: [string, unknown, number][] = [
  ['wallet_requestPermissions', [], -32602],
  ['wallet_requestPermissions', [{}], -32602],
  ['wallet_requestPermissions', ['eth_accounts'], -32602],
  ['wallet_requestPermissions', [{ eth_accounts: {}, eth_sign: {} }], -32602],
  ['wallet_revokePermissions', [], -32602],
  ['wallet_revokePermissions', [{ eth_chainId: {} }], -32602],
  ['wallet_switchEthereumChain', [], -32602],
  ['wallet_switchEthereumChain', ['0x1'], -32602],
  ['wallet_switchEthereumChain', [{ chainId: 1 }], -32602],
  ['wallet_switchEthereumChain', [{ chainId: '1' }], -32602],
  ['wallet_switchEthereumChain', [{ chainId: '0xZZ' }], -32602],
  ['wallet_switchEthereumChain', [{ chainId: '0xabcdef12' }], 4902],
  ['wallet_addEthereumChain', [], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539' }], -32602],
  ['wallet_addEthereumChain', [{ chainId: 1337, rpcUrls: ['https://rpc.example'] }], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539', rpcUrls: [] }], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539', rpcUrls: ['ftp://rpc.example'] }], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539', rpcUrls: ['http://rpc.example'] }], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539', rpcUrls: ['https://user:pw@rpc.example'] }], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539', rpcUrls: ['https://rpc.example'], nativeCurrency: { symbol: 'X', decimals: 6 } }], -32602],
  ['wallet_addEthereumChain', [{ chainId: '0x539', chainName: 7, rpcUrls: ['https://rpc.example'] }], -32602],
  ['wallet_watchAsset', [], -32602],
  ['wallet_watchAsset', [{ type: 'ERC721', options: { address: TOKEN } }], -32602],
  ['wallet_watchAsset', [{ type: 'ERC20' }], -32602],
  ['wallet_watchAsset', [{ type: 'ERC20', options: { address: '0x1234' } }], -32602],
  ['personal_sign', [], -32602],
  ['personal_sign', [42, ACCOUNT_0], -32602],
  ['personal_sign', [{ text: 'hi' }, ACCOUNT_0], -32602],
  ['personal_sign', ['x'.repeat(1_000_001), ACCOUNT_0], -32602],
  ['eth_signTypedData_v4', [ACCOUNT_0, 'not json'], -32602],
  ['eth_signTypedData_v4', [ACCOUNT_0, 42], -32602],
  ['eth_signTypedData_v4', [ACCOUNT_0, {}], -32602],
  ['eth_signTypedData_v4', [ACCOUNT_0, typedData(1)], -32602],
  ['eth_signTypedData_v3', [ACCOUNT_0, '{"types":{}}'], -32602],
  ['eth_sendTransaction', [], -32602],
  ['eth_sendTransaction', [{}], -32602],
  ['eth_sendTransaction', ['0xdeadbeef'], -32602],
  ['eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '1' }], -32602],
  ['eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }, { extra: true }], -32602],
  ['eth_sign', [ACCOUNT_0, '0x1234'], 4200],
];

describe('malformed dApp params', () => {
  it.each(MALFORMED)('%s %j gets %d and opens no window', async (method, params, code) => {
    const t = await createTestWallet();
    await connect(t);
    const opened = t.approvalsOpened;
    expect(await codeOf(t.request(method, params))).toBe(code);
    expect(t.approvalsOpened).toBe(opened);
    expect(t.wallet.approvals.list()).toEqual([]);
  });

  it.each([
    [null, -32600],
    ['eth_chainId', -32600],
    [[{ method: 'eth_chainId' }], -32600],
    [{ method: 5 }, -32600],
    [{ method: '' }, -32600],
    [{ method: 'x'.repeat(200) }, -32600],
    [{ method: 'eth_chainId', params: 5 }, -32602],
    [{ method: 'eth_chainId', params: 'a' }, -32602],
    [{ method: 'eth_unknownThing' }, 4200],
  ])('the request %j itself gets %d', async (payload, code) => {
    const t = await createTestWallet();
    expect(await codeOf(t.wallet.handleProviderRequest({ origin: SITE }, payload))).toBe(code);
  });
});

const LOCALHOST = 'http://127.0.0.1:8545';
const OTHER_RPC = 'http://127.0.0.1:9999';

/** A wallet that also knows chain 1337 at OTHER_RPC, whose node answers for the chain it is asked about. */
async function twoChainWallet(): Promise<TestWallet> {
  const t = await createTestWallet();
  await t.wallet.settings.update({
    customNetworks: [
      { chainId: 1337, name: 'Side', rpcUrl: OTHER_RPC, nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 }, custom: true },
    ],
  });
  t.node.answers.eth_chainId = (_params, url) => (url === OTHER_RPC ? '0x539' : '0x7a69');
  await connect(t);
  return t;
}

describe('a request is bound to the network it was approved on', () => {
  it('a transaction approved on one chain is signed for it and sent only to its node, though the site switched meanwhile', async () => {
    const t = await twoChainWallet();
    const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]);
    const approval = await t.nextApproval();
    expect(approval.details).toMatchObject({ chainId: 31337 });
    await t.wallet.switchChain(1337);
    t.node.calls.length = 0;
    t.wallet.approvals.decide(approval.id, { approved: true });
    await pending;
    expect(t.node.sent.map((raw) => parseTransaction(raw).chainId)).toEqual([31337]);
    const afterApproval = t.node.calls.map((c) => `${c.method}@${c.url}`);
    expect(afterApproval).toContain(`eth_sendRawTransaction@${LOCALHOST}`);
    expect(afterApproval.filter((c) => c.endsWith(OTHER_RPC))).toEqual([]);
    expect((await t.wallet.activity.list())[0]).toMatchObject({ chainId: 31337 });
  });

  it("sends nothing when the approved network's node now answers for another chain", async () => {
    const t = await twoChainWallet();
    const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]);
    const approval = await t.nextApproval();
    t.node.answers.eth_chainId = () => '0x539';
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await codeOf(pending)).toBe(-32002);
    expect(t.node.sent).toEqual([]);
  });
});

describe('what was approved is checked again before signing', () => {
  it.each([
    ['personal_sign', () => ['0x68656c6c6f', ACCOUNT_0]],
    ['eth_signTypedData_v4', () => [ACCOUNT_0, typedData(31337)]],
    ['eth_sendTransaction', () => [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]],
  ] as const)('%s approved after the site was disconnected gets 4100 and nothing is signed', async (method, params) => {
    const t = await createTestWallet();
    await connect(t);
    const pending = t.request(method, params());
    const approval = await t.nextApproval();
    await t.wallet.revokeSite(SITE);
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await codeOf(pending)).toBe(4100);
    expect(t.node.sent).toEqual([]);
  });

  it('a signature approved after the wallet locked gets 4100', async () => {
    const t = await createTestWallet();
    await connect(t);
    const pending = t.request('personal_sign', ['0x68656c6c6f', ACCOUNT_0]);
    const approval = await t.nextApproval();
    await t.wallet.keys.lock();
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await codeOf(pending)).toBe(4100);
  });
});

describe('networks a site adds', () => {
  it.each([
    'Ethereum',
    'ethereum',
    'Ethereum Mainnet',
    'Éthereum',
    'E\u200Bthereum',
    '\u0415thereum',
    'Ｂａｓｅ',
    'B\u0430se',
    'Base',
    'Arbitrum One',
  ])('a new chain named %j, imitating a built-in network, is refused before any window', async (chainName) => {
    const t = await createTestWallet();
    t.node.answers.eth_chainId = () => '0x539';
    expect(await codeOf(t.request('wallet_addEthereumChain', [{ chainId: '0x539', chainName, rpcUrls: ['https://rpc.example'] }]))).toBe(-32602);
    expect(t.approvalsOpened).toBe(0);
  });

  it('a chain with its own name is shown for approval', async () => {
    const t = await createTestWallet();
    t.node.answers.eth_chainId = () => '0x539';
    const pending = t.request('wallet_addEthereumChain', [{ chainId: '0x539', chainName: 'Base Sepolia Fork', rpcUrls: ['https://rpc.example'] }]);
    const approval = await t.nextApproval();
    expect(approval).toMatchObject({ kind: 'add-chain', details: { name: 'Base Sepolia Fork', chainId: 1337 } });
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await pending).toBeNull();
  });
});

describe('tokens a site asks to watch', () => {
  it("keeps the chain's symbol, not the one the site proposes, and says they differ", async () => {
    const t = await createTestWallet();
    t.node.answers.eth_call = (params) => {
      const data = (params[0] as { data: string }).data;
      return data.startsWith('0x95d89b41')
        ? encodeFunctionResult({ abi: erc20Abi, functionName: 'symbol', result: 'SCAM' })
        : encodeFunctionResult({ abi: erc20Abi, functionName: 'decimals', result: 6 });
    };
    const pending = t.request('wallet_watchAsset', { type: 'ERC20', options: { address: TOKEN, symbol: 'USDC', decimals: 6 } });
    const approval = await t.nextApproval();
    expect(approval.details).toMatchObject({ symbol: 'SCAM', claimedSymbol: 'USDC', decimals: 6 });
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await pending).toBe(true);
    expect((await t.wallet.settings.get()).watchedTokens).toEqual([expect.objectContaining({ symbol: 'SCAM', chainId: 31337 })]);
  });
});
