import { hashTypedData, recoverAddress, recoverMessageAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_0, connect, createTestWallet, SITE } from './harness';

const rpcError = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { code: number; message: string }) => ({ code: e.code, message: e.message }),
  );

describe('what a dApp gets before it is connected', () => {
  it.each([
    ['an unknown method', { method: 'wallet_doSomethingNew' }, 4200],
    ['eth_sign, which is refused', { method: 'eth_sign', params: [ACCOUNT_0, '0x00'] }, 4200],
    ['a payload that is not an object', 'eth_chainId', -32600],
    ['a method that is not a string', { method: 42 }, -32600],
    ['an empty method', { method: '' }, -32600],
    ['params that are a string', { method: 'eth_call', params: 'x' }, -32602],
  ])('%s gets an EIP-1193 error', async (_name, payload, code) => {
    const t = await createTestWallet();
    expect(await rpcError(t.wallet.handleProviderRequest({ origin: SITE }, payload))).toMatchObject({ code });
    expect(t.approvalsOpened).toBe(0);
  });

  it('answers eth_chainId and net_version for the active network', async () => {
    const t = await createTestWallet();
    expect(await t.request('eth_chainId')).toBe('0x7a69');
    expect(await t.request('net_version')).toBe('31337');
  });

  it('sees no accounts, and cannot sign (4100)', async () => {
    const t = await createTestWallet();
    expect(await t.request('eth_accounts')).toEqual([]);
    expect(await rpcError(t.request('personal_sign', ['0x68656c6c6f', ACCOUNT_0]))).toMatchObject({ code: 4100 });
    expect(t.approvalsOpened).toBe(0);
  });

  it('forwards read-only methods to the node and passes its errors on', async () => {
    const t = await createTestWallet();
    expect(await t.request('eth_blockNumber')).toBe('0x10');
    t.node.answers.eth_call = () => {
      throw Object.assign(new Error('execution reverted'), { code: 3 });
    };
    expect(await rpcError(t.request('eth_call', [{ to: ACCOUNT_0 }, 'latest']))).toEqual({ code: 3, message: 'execution reverted' });
  });
});

describe('connecting', () => {
  it('asks the user, naming the site, then grants the selected account and tells the page', async () => {
    const t = await createTestWallet();
    const pending = t.request('eth_requestAccounts');
    const approval = await t.nextApproval();
    expect(approval).toMatchObject({ origin: SITE, kind: 'connect' });
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await pending).toEqual([ACCOUNT_0]);
    expect(await t.request('eth_accounts')).toEqual([ACCOUNT_0]);
    expect(t.events).toContainEqual({ origin: SITE, event: 'accountsChanged', data: [ACCOUNT_0] });
    expect(await t.request('wallet_getPermissions')).toEqual([
      expect.objectContaining({
        invoker: SITE,
        parentCapability: 'eth_accounts',
        caveats: [{ type: 'restrictReturnedAccounts', value: [ACCOUNT_0] }],
      }),
    ]);
  });

  it('allows one pending connect per site (-32002)', async () => {
    const t = await createTestWallet();
    const first = t.request('eth_requestAccounts');
    await t.nextApproval();
    expect(await rpcError(t.request('eth_requestAccounts'))).toMatchObject({ code: -32002 });
    t.wallet.approvals.rejectAll();
    await expect(first).rejects.toMatchObject({ code: 4001 });
  });

  it('gives 4001 when the user rejects, and offers to block a site rejected twice in a minute', async () => {
    const t = await createTestWallet();
    for (let i = 0; i < 2; i++) {
      const pending = t.request('eth_requestAccounts');
      const approval = await t.nextApproval();
      expect(approval.offerBlock).toBe(false);
      t.wallet.approvals.decide(approval.id, { approved: false });
      await expect(pending).rejects.toMatchObject({ code: 4001 });
    }
    const third = t.request('eth_requestAccounts');
    const approval = await t.nextApproval();
    expect(approval.offerBlock).toBe(true);
    t.wallet.approvals.decide(approval.id, { approved: false, block: true });
    await expect(third).rejects.toMatchObject({ code: 4001 });
    const opened = t.approvalsOpened;
    await expect(t.request('eth_requestAccounts')).rejects.toMatchObject({ code: 4001 });
    expect(t.approvalsOpened).toBe(opened);
    // Another site is not affected.
    expect(t.wallet.approvals.isBlocked('https://other.example')).toBe(false);
  });

  it('revokes with wallet_revokePermissions and tells the page', async () => {
    const t = await createTestWallet();
    await connect(t);
    await t.request('wallet_revokePermissions', [{ eth_accounts: {} }]);
    expect(await t.request('eth_accounts')).toEqual([]);
    expect(t.events.at(-1)).toEqual({ origin: SITE, event: 'accountsChanged', data: [] });
  });

  it('shows no accounts while locked, and the same ones after unlocking', async () => {
    const t = await createTestWallet();
    await connect(t);
    await t.wallet.keys.lock();
    expect(await t.request('eth_accounts')).toEqual([]);
    await t.wallet.keys.unlock('correct horse battery');
    expect(await t.request('eth_accounts')).toEqual([ACCOUNT_0]);
  });
});

describe('chains', () => {
  it('answers 4902 for a chain it does not know', async () => {
    const t = await createTestWallet();
    expect(await rpcError(t.request('wallet_switchEthereumChain', [{ chainId: '0x539' }]))).toMatchObject({ code: 4902 });
  });

  it('refuses a malformed chain id with -32602', async () => {
    const t = await createTestWallet();
    expect(await rpcError(t.request('wallet_switchEthereumChain', [{ chainId: 1 }]))).toMatchObject({ code: -32602 });
  });

  it('switches to a known chain after approval and tells every page', async () => {
    const t = await createTestWallet();
    const pending = t.request('wallet_switchEthereumChain', [{ chainId: '0x1' }]);
    const approval = await t.nextApproval();
    expect(approval).toMatchObject({ kind: 'switch-chain', details: expect.objectContaining({ chainId: 1, name: 'Ethereum' }) });
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await pending).toBeNull();
    expect(await t.request('eth_chainId')).toBe('0x1');
    expect(t.events).toContainEqual({ origin: null, event: 'chainChanged', data: '0x1' });
  });

  it('adds a chain only after approval and only if its RPC serves that chain id', async () => {
    const t = await createTestWallet();
    const params = [
      {
        chainId: '0x539',
        chainName: 'Side chain',
        rpcUrls: ['http://127.0.0.1:9999'],
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      },
    ];
    // The fake node answers 31337 to every URL: adding 0x539 must fail after approval.
    const wrong = t.request('wallet_addEthereumChain', params);
    t.wallet.approvals.decide((await t.nextApproval()).id, { approved: true });
    expect(await rpcError(wrong)).toMatchObject({ code: -32602, message: expect.stringContaining('serves chain') });
    expect(await rpcError(t.request('wallet_switchEthereumChain', [{ chainId: '0x539' }]))).toMatchObject({ code: 4902 });

    t.node.answers.eth_chainId = () => '0x539';
    const right = t.request('wallet_addEthereumChain', params);
    const approval = await t.nextApproval();
    expect(approval).toMatchObject({ kind: 'add-chain', details: expect.objectContaining({ chainId: 1337, rpcUrl: 'http://127.0.0.1:9999' }) });
    t.wallet.approvals.decide(approval.id, { approved: true });
    expect(await right).toBeNull();
    expect(await t.request('eth_chainId')).toBe('0x539');
  });

  it('keeps the explorer a site names only if it is https, shows it before approval, and saves it for Activity links', async () => {
    const t = await createTestWallet();
    t.node.answers.eth_chainId = () => '0x539';
    const add = (blockExplorerUrls: unknown) =>
      t.request('wallet_addEthereumChain', [{ chainId: '0x539', chainName: 'Side chain', rpcUrls: ['http://127.0.0.1:9999'], blockExplorerUrls }]);
    const refused = add(['javascript:alert(1)', 'http://explorer.side.example', 'https://user:pw@explorer.side.example']);
    const plain = await t.nextApproval();
    expect(plain.details).not.toHaveProperty('blockExplorerUrl');
    t.wallet.approvals.decide(plain.id, { approved: true });
    await refused;
    expect((await t.wallet.settings.network(1337))?.blockExplorerUrl).toBeUndefined();

    await t.wallet.settings.update((s) => ({ customNetworks: s.customNetworks.filter((n) => n.chainId !== 1337) }));
    const kept = add(['javascript:alert(1)', 'https://explorer.side.example/']);
    const approval = await t.nextApproval();
    expect(approval.details).toMatchObject({ blockExplorerUrl: 'https://explorer.side.example' });
    t.wallet.approvals.decide(approval.id, { approved: true });
    await kept;
    expect((await t.wallet.settings.network(1337))?.blockExplorerUrl).toBe('https://explorer.side.example');
  });

  it.each([
    ['an https-less remote RPC', { chainId: '0x539', rpcUrls: ['http://rpc.example.com'] }],
    ['no RPC URL', { chainId: '0x539', rpcUrls: [] }],
    ['a decimal chain id', { chainId: '1337', rpcUrls: ['https://rpc.example.com'] }],
  ])('refuses to add a chain with %s (-32602)', async (_name, params) => {
    const t = await createTestWallet();
    expect(await rpcError(t.request('wallet_addEthereumChain', [params]))).toMatchObject({ code: -32602 });
    expect(t.approvalsOpened).toBe(0);
  });
});

describe('signing', () => {
  it('personal_sign shows the message and returns a signature that recovers to the account', async () => {
    const t = await createTestWallet();
    await connect(t);
    const pending = t.request('personal_sign', ['0x48656c6c6f2053686172656b656570', ACCOUNT_0]);
    const approval = await t.nextApproval();
    expect(approval).toMatchObject({ origin: SITE, kind: 'sign-message', details: expect.objectContaining({ message: 'Hello Sharekeep' }) });
    t.wallet.approvals.decide(approval.id, { approved: true });
    const signature = (await pending) as `0x${string}`;
    expect(await recoverMessageAddress({ message: 'Hello Sharekeep', signature })).toBe(ACCOUNT_0);
  });

  const typedData = (chainId: number) => ({
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      Greeting: [{ name: 'text', type: 'string' }],
    },
    primaryType: 'Greeting',
    domain: { name: 'Test', chainId, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
    message: { text: 'gm' },
  });

  it('eth_signTypedData_v4 signs only typed data for the active chain', async () => {
    const t = await createTestWallet();
    await connect(t);
    expect(await rpcError(t.request('eth_signTypedData_v4', [ACCOUNT_0, JSON.stringify(typedData(1))]))).toMatchObject({ code: -32602 });
    expect(t.wallet.approvals.list()).toEqual([]);

    const pending = t.request('eth_signTypedData_v4', [ACCOUNT_0, JSON.stringify(typedData(31337))]);
    const approval = await t.nextApproval();
    expect(approval.kind).toBe('sign-typed-data');
    t.wallet.approvals.decide(approval.id, { approved: true });
    const signature = (await pending) as `0x${string}`;
    const { EIP712Domain: _, ...types } = typedData(31337).types;
    const hash = hashTypedData({ ...typedData(31337), types } as never);
    expect(await recoverAddress({ hash, signature })).toBe(ACCOUNT_0);
  });

  it('a rejected signature gives 4001 and signs nothing', async () => {
    const t = await createTestWallet();
    await connect(t);
    const pending = t.request('personal_sign', ['0x00', ACCOUNT_0]);
    t.wallet.approvals.decide((await t.nextApproval()).id, { approved: false });
    await expect(pending).rejects.toMatchObject({ code: 4001 });
  });
});

describe('transactions', () => {
  it.each([
    ['a value without 0x', { value: '100' }],
    ['odd-length data', { data: '0x123' }],
    ['a bad recipient', { to: '0x1234' }],
    ['an unknown type', { type: '0x5' }],
    ['gas below 21,000', { gas: '0x1' }],
    ['both gasPrice and EIP-1559 fees', { gasPrice: '0x1', maxFeePerGas: '0x2' }],
  ])('refuses %s with -32602 and opens no window', async (_name, patch) => {
    const t = await createTestWallet();
    await connect(t);
    const opened = t.approvalsOpened;
    const tx = { from: ACCOUNT_0, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '0x1', ...patch };
    expect(await rpcError(t.request('eth_sendTransaction', [tx]))).toMatchObject({ code: -32602 });
    expect(t.approvalsOpened).toBe(opened);
    expect(t.node.sent).toEqual([]);
  });

  it('sends after approval with increasing nonces that survive a restart', async () => {
    const t = await createTestWallet();
    await connect(t);
    const send = async () => {
      const pending = t.request('eth_sendTransaction', [
        { from: ACCOUNT_0, to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '0xde0b6b3a7640000' },
      ]);
      const approval = await t.nextApproval();
      expect(approval).toMatchObject({ kind: 'transaction', details: expect.objectContaining({ intentKind: 'native-transfer' }) });
      t.wallet.approvals.decide(approval.id, { approved: true });
      return pending;
    };
    // The node never sees our transactions as pending (count stays 0): nonces must still move on.
    const first = await send();
    const second = await send();
    expect(first).not.toBe(second);
    const { parseTransaction } = await import('viem');
    expect(t.node.sent.map((raw) => parseTransaction(raw).nonce)).toEqual([0, 1]);
    expect((await t.wallet.activity.list()).map((a) => a.hash)).toEqual([second, first]);
  });
});

describe('networks added by hand', () => {
  it('are added only when their RPC serves the chain id given', async () => {
    const { createUiApi } = await import('../../../lib/commands');
    const t = await createTestWallet();
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    await expect(ui.handle('network.add', { chainId: 1337, name: 'Side', rpcUrl: 'http://127.0.0.1:9999' })).rejects.toMatchObject({
      code: 'network.wrong_chain',
    });
    t.node.answers.eth_chainId = () => '0x539';
    const state = (await ui.handle('network.add', { chainId: 1337, name: 'Side', rpcUrl: 'http://127.0.0.1:9999' })) as {
      networks: { chainId: number; name: string }[];
    };
    expect(state.networks).toContainEqual(expect.objectContaining({ chainId: 1337, name: 'Side' }));
    await expect(ui.handle('network.add', { chainId: 1337, name: 'Again', rpcUrl: 'http://127.0.0.1:9999' })).rejects.toMatchObject({
      code: 'network.exists',
    });
  });
});

describe('disconnecting from the wallet side', () => {
  it('tells a site disconnected in settings that it sees no account', async () => {
    const { createUiApi } = await import('../../../lib/commands');
    const t = await createTestWallet();
    await connect(t);
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    await ui.handle('sites.disconnect', { origin: SITE });
    expect(t.events.at(-1)).toEqual({ origin: SITE, event: 'accountsChanged', data: [] });
    expect(await t.request('eth_accounts')).toEqual([]);
  });

  it('tells a site whose only account was hidden that it sees no account', async () => {
    const { createUiApi } = await import('../../../lib/commands');
    const t = await createTestWallet();
    await t.wallet.keys.addAccount();
    await connect(t);
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    await ui.handle('accounts.hide', { address: ACCOUNT_0, hidden: true });
    expect(t.events.at(-1)).toEqual({ origin: SITE, event: 'accountsChanged', data: [] });
  });
});

describe('watched tokens', () => {
  it('are known to the wallet as soon as they are added, without a signing request first', async () => {
    const t = await createTestWallet();
    await t.wallet.ready();
    await t.wallet.settings.update({
      watchedTokens: [{ chainId: 31337, address: '0x5FbDB2315678afecb367f032d93F642f64180aa3', symbol: 'MINE', decimals: 6 }],
    });
    expect(t.wallet.tokens.info(31337, '0x5FbDB2315678afecb367f032d93F642f64180aa3')).toEqual({ symbol: 'MINE', decimals: 6 });
  });
});
