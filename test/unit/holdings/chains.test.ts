// The portfolio over every enabled chain: one Multicall3 batch per chain, the chains read in
// parallel, each node an in-memory fake of its own (the devnet-like chain 31337 and Ethereum).
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NETWORKS } from '../../../lib/chains/index.ts';
import type { PortfolioResult } from '../../../lib/holdings';
import { WAD } from '../../../lib/portfolio/index.ts';
import { parseRegistryData } from '../../../lib/registry/index.ts';
import { erc20, feed } from '../portfolio/fake-chain.ts';
import { ACCOUNT_0, FEEDS, portfolioWallet, REGISTRY, START, type ScriptedNode, scriptedNode, TOKENS } from './fixtures.ts';

const ETHEREUM_RPC = BUILT_IN_NETWORKS.find((n) => n.chainId === 1)?.rpcUrl;
const FRESH = START / 1000 - 60;

// The registry's Ethereum ACMEx, priced by a feed there.
const registry = parseRegistryData({
  issuers: REGISTRY.issuers,
  tokens: REGISTRY.tokens.map((t) => (t.chainId === 1 ? { ...t, feeds: { price: { address: FEEDS.xPrice, heartbeat: 3600 } } } : t)),
});

function ethereumNode(): ScriptedNode {
  const node = scriptedNode();
  node.chainId = 1;
  node.block = 5_000n;
  node.contracts = {
    [TOKENS.xstock]: erc20({ [ACCOUNT_0]: 3n * WAD }, { multiplier: () => WAD }),
    [FEEDS.xPrice]: feed(30_000_000_000n, 8, FRESH), // $300 on this chain's feed
  };
  return node;
}

/** A wallet reading 31337 and Ethereum, each from its own node; `gate` holds Ethereum's answers back while set. */
async function twoChains() {
  const local = scriptedNode();
  const ethereum = ethereumNode();
  let gate: Promise<void> | undefined;
  const transport = async (url: string, body: unknown) => {
    if (url !== ETHEREUM_RPC) return local.transport(url, body);
    if (gate) await gate;
    return ethereum.transport(url, body);
  };
  const t = await portfolioWallet({ registry, disabledChainIds: [], node: local, transport, watched: false });
  const hold = () => {
    const resolvers: (() => void)[] = [];
    gate = new Promise<void>((ok) => {
      resolvers.push(ok);
    });
    const release = () => {
      for (const ok of resolvers) ok();
    };
    return () => {
      gate = undefined;
      release();
    };
  };
  return { ...t, local, ethereum, hold };
}

const rows = (r: PortfolioResult) => r.view.accounts.find((a) => a.address === ACCOUNT_0)?.holdings ?? [];
const onChain = (r: PortfolioResult, chainId: number) => rows(r).filter((h) => h.token.chainId === chainId);
const chain = (r: PortfolioResult, chainId: number) => r.view.chains.find((c) => c.chainId === chainId);

describe('portfolio over every enabled chain', () => {
  it('reads each chain in one batch and totals the holdings of both', async () => {
    const t = await twoChains();
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(t.local.methods).toEqual(['eth_chainId', 'eth_call']);
    expect(t.ethereum.methods).toEqual(['eth_chainId', 'eth_call']);
    expect(result.view.chains.map((c) => [c.chainId, c.name, c.status])).toEqual([
      [31337, 'Localhost 8545', 'ok'],
      [1, 'Ethereum', 'ok'],
    ]);
    expect(onChain(result, 1)).toEqual([expect.objectContaining({ amount: (3n * WAD).toString(), value: '90000000000' })]);
    const [account] = result.view.accounts;
    // The devnet-like chain's $1,750 and Ethereum's 3 x $300; GAMMAr has no price.
    expect(account).toMatchObject({ totalValue: '265000000000', unpricedCount: 1 });
    expect(account.byChain).toEqual([
      { chainId: 31337, totalValue: '175000000000', totalIncomplete: true, unpricedCount: 1 },
      { chainId: 1, totalValue: '90000000000', totalIncomplete: false, unpricedCount: 0 },
    ]);
  });

  it('paints every chain from the cache, and reads nothing for a network the user turned off', async () => {
    const t = await twoChains();
    await t.call('portfolio.refresh');
    t.local.methods.length = 0;
    t.ethereum.methods.length = 0;
    const cached = await t.call<PortfolioResult>('portfolio.get');
    expect(cached.view.accounts[0].totalValue).toBe('265000000000');
    expect([t.local.methods, t.ethereum.methods]).toEqual([[], []]);

    await t.call('network.setPortfolio', { chainId: 1, enabled: false });
    const off = await t.call<PortfolioResult>('portfolio.refresh', { force: true });
    expect(t.ethereum.methods).toEqual([]);
    expect(off.view.chains.map((c) => c.chainId)).toEqual([31337]);
    expect(onChain(off, 1)).toEqual([]);

    await t.call('network.setPortfolio', { chainId: 1, enabled: true });
    const back = await t.call<PortfolioResult>('portfolio.refresh');
    expect(back.view.chains.map((c) => c.chainId)).toEqual([31337, 1]);
    expect(onChain(back, 1)).toHaveLength(1);
  });

  it('shows the other chains when one node is dead, and says which one failed', async () => {
    const t = await twoChains();
    t.ethereum.down = true;
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(chain(result, 1)).toMatchObject({ status: 'failed', errors: [expect.objectContaining({ code: 'portfolio.rpc_failed' })] });
    expect(chain(result, 31337)?.status).toBe('ok');
    expect(result.view.status).toBe('partial');
    expect(onChain(result, 31337).length).toBe(4);
    expect(result.view.accounts[0].totalValue).toBe('175000000000');
  });

  it("keeps a chain's last good holdings with its own notice when its node dies later", async () => {
    const t = await twoChains();
    await t.call('portfolio.refresh');
    t.ethereum.down = true;
    t.clock.advance(61_000);
    const result = await t.call<PortfolioResult>('portfolio.refresh');
    expect(chain(result, 1)?.notice).toMatchObject({ code: 'portfolio.showing_last_good', since: START });
    expect(chain(result, 31337)?.notice).toBeUndefined();
    expect(result.view.notice).toBeUndefined();
    expect(onChain(result, 1)).toEqual([expect.objectContaining({ value: '90000000000' })]);
    expect(result.view.accounts[0].totalValue).toBe('265000000000');
  });

  it('does not hold the other chains back while one node is slow', async () => {
    const t = await twoChains();
    await t.call('portfolio.refresh');
    const release = t.hold();
    const slow = t.call<PortfolioResult>('portfolio.refresh', { force: true });
    // Wait (on state, not time) until the fast chain's read is done and only Ethereum's is pending.
    for (let i = 0; i < 1000 && chain(await t.call<PortfolioResult>('portfolio.get'), 31337)?.refreshing !== false; i++) {
      await new Promise((ok) => setTimeout(ok, 0));
    }
    t.local.block += 1n;
    t.local.contracts[TOKENS.ondo] = erc20({ [ACCOUNT_0]: 20n * WAD });
    t.ethereum.contracts[TOKENS.xstock] = erc20({ [ACCOUNT_0]: 5n * WAD }, { multiplier: () => WAD });
    const meanwhile = await t.call<PortfolioResult>('portfolio.refresh');
    expect(meanwhile.refreshing).toBe(true);
    expect(chain(meanwhile, 1)?.refreshing).toBe(true);
    expect(onChain(meanwhile, 31337).find((h) => h.token.address === TOKENS.ondo)?.amount).toBe((20n * WAD).toString());
    expect(onChain(meanwhile, 1)[0].amount).toBe((3n * WAD).toString());

    release();
    const done = await slow;
    expect(onChain(done, 1)[0].amount).toBe((5n * WAD).toString());
    expect(chain(done, 1)?.refreshing).toBe(false);
  });

  it('opens the detail of a token on a chain other than the active one through that chain’s node', async () => {
    const t = await twoChains();
    const detail = await t.call<{ chainId: number; holding: { amount: string } | null; readError: string | null }>('portfolio.detail', {
      chainId: 1,
      address: TOKENS.xstock,
    });
    expect(detail).toMatchObject({ chainId: 1, readError: null, holding: { amount: (3n * WAD).toString() } });
    expect(t.ethereum.methods).toContain('eth_call');
  });
});
