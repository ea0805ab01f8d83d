// Names in approvals (issue 14): a request that names a contract or account the wallet knows
// shows its name beside the address: the user's own accounts, the registry's issuer contracts,
// and the protocol contracts the wallet decodes (Permit2, CoW's settlement).
import { encodeFunctionData, erc20Abi } from 'viem';
import { describe, expect, it } from 'vitest';
import { PERMIT2_ADDRESS } from '../../../lib/intent';
import type { SigningView } from '../../../lib/signing';
import { contactNameProblem, contractLabels } from '../../../lib/signing/labels';
import { createRegistry, registryFromDevnet } from '../../../lib/registry';
import { ACCOUNT_0, ACCOUNT_1, connect, createTestWallet } from '../wallet/harness';

const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

async function viewOf(t: Awaited<ReturnType<typeof createTestWallet>>, tx: Record<string, string>): Promise<SigningView> {
  const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, value: '0x0', ...tx }]).catch(() => undefined);
  const approval = await t.nextApproval();
  t.wallet.approvals.decide(approval.id, { approved: false });
  await pending;
  return approval.details as SigningView;
}

describe('contract and account names in approvals', () => {
  it('an ERC-20 approval for Permit2 names Permit2 beside its address', async () => {
    const t = await createTestWallet();
    await connect(t);
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [PERMIT2_ADDRESS, 10n ** 18n] });
    const view = await viewOf(t, { to: TOKEN, data });
    expect(view.approvals[0].spender.toLowerCase()).toBe(PERMIT2_ADDRESS.toLowerCase());
    expect(view.labels?.[PERMIT2_ADDRESS.toLowerCase()]).toBe('Permit2 (Uniswap)');
  });

  it("a transfer to the user's own second account names that account", async () => {
    const t = await createTestWallet();
    await t.wallet.keys.addAccount('Savings');
    await connect(t);
    const view = await viewOf(t, { to: ACCOUNT_1, value: '0x1' });
    expect(view.labels?.[ACCOUNT_1.toLowerCase()]).toBe('Your account "Savings"');
  });

  it('an address nobody knows gets no name', async () => {
    const t = await createTestWallet();
    await connect(t);
    const view = await viewOf(t, { to: '0x000000000000000000000000000000000000dEaD', value: '0x1' });
    expect(view.labels).toEqual({});
  });

  it("names an issuer's contract from the registry, saying when the registry has not verified it", async () => {
    const contract = '0x00000000000000000000000000000000000000c1';
    const registry = createRegistry({
      issuers: [
        {
          id: 'acme',
          name: 'Acme Issuer',
          legalEntity: { value: null, source: null, verified: false },
          jurisdiction: { value: null, source: null, verified: false },
          structure: { value: null, source: null, verified: false },
          custodian: { value: null, source: null, verified: false },
          proofOfReserve: { value: null, source: null, verified: false },
          redemption: { value: null, source: null, verified: false },
          rule: null,
          terms: 'https://acme.example/terms',
          origins: [],
          contracts: [{ chainId: 1, address: contract, role: 'mint-redeem', verified: false, source: 'https://acme.example' }],
        },
      ],
      tokens: [],
    } as never);
    const labels = await contractLabels({ keys: { listAccounts: async () => [] } as never, registry: () => registry }, 1, [
      contract,
      PERMIT2_ADDRESS,
    ]);
    expect(labels).toEqual({
      [contract]: 'Acme Issuer mint and redemption contract (unverified)',
      [PERMIT2_ADDRESS.toLowerCase()]: 'Permit2 (Uniswap)',
    });
  });
});

describe("a chain's routers named by its registry entry (the devnet's deployment)", () => {
  const router = '0x00000000000000000000000000000000000000a1';
  const settlement = '0x00000000000000000000000000000000000000a2';
  const deployment = {
    chainId: 31337,
    tokens: [],
    issuers: [],
    dex: {
      uniswapV2: { factory: '0x00000000000000000000000000000000000000f2', pairInitCodeHash: `0x${'11'.repeat(32)}` },
      stablecoins: [],
      protocols: [
        { address: router, name: 'Uniswap Universal Router (devnet)' },
        { address: settlement, name: 'CoW Protocol settlement (devnet)' },
      ],
    },
  };
  const deps = { keys: { listAccounts: async () => [] } as never, registry: () => createRegistry(registryFromDevnet(deployment)) };

  it('names the router and the settlement on that chain, and nothing on another chain', async () => {
    expect(await contractLabels(deps, 31337, [router, settlement.toUpperCase().replace('0X', '0x')])).toEqual({
      [router]: 'Uniswap Universal Router (devnet)',
      [settlement]: 'CoW Protocol settlement (devnet)',
    });
    expect(await contractLabels(deps, 1, [router])).toEqual({});
  });

  it('refuses an address-book name that reads like one of them', async () => {
    expect(await contactNameProblem(deps, 'Uniswap Universal Router (devnet)')).toMatch(/reads like the known contract/);
  });
});

describe('contract and account names in Activity', () => {
  it('names where a sent transaction went, when the wallet knows it', async () => {
    const { createUiApi } = await import('../../../lib/commands');
    const t = await createTestWallet();
    await t.wallet.keys.addAccount('Savings');
    await connect(t);
    const pending = t.request('eth_sendTransaction', [{ from: ACCOUNT_0, to: ACCOUNT_1, value: '0x1' }]);
    const approval = await t.nextApproval();
    t.wallet.approvals.decide(approval.id, { approved: true });
    await pending;
    const ui = createUiApi(t.wallet, { schedule: () => undefined }, t.clock);
    const state = (await ui.handle('state', {})) as { activityLabels: Record<number, Record<string, string>> };
    expect(state.activityLabels[31337][ACCOUNT_1.toLowerCase()]).toBe('Your account "Savings"');
  });
});
