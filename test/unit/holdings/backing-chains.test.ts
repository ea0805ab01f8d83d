// Backing over every chain a token is listed on: ACMEx's reserve feed on the devnet-like chain
// reports the whole issue, and ACMEx is also issued on Ethereum (same address) and Arbitrum,
// each read by its own in-memory node. The ratio divides by the supply of every chain; a chain
// turned off, unknown to the wallet or failing is named, never counted as zero.
import { describe, expect, it } from 'vitest';
import { BUILT_IN_NETWORKS } from '../../../lib/chains/index.ts';
import type { BackingView, PortfolioResult, TokenDetailView } from '../../../lib/holdings';
import { WAD } from '../../../lib/portfolio/index.ts';
import { parseRegistryData, type RegistryData } from '../../../lib/registry/index.ts';
import { erc20 } from '../portfolio/fake-chain.ts';
import { ACCOUNT_0, portfolioWallet, REGISTRY, type ScriptedNode, scriptedNode, TOKENS } from './fixtures.ts';

const rpcOf = (chainId: number) => BUILT_IN_NETWORKS.find((n) => n.chainId === chainId)!.rpcUrl;
const ARBITRUM_ACMEX = '0x00000000000000000000000000000000000000A9';

// ACMEx on Ethereum (in the fixtures, no feed) and on Arbitrum at another address; ZEROx on Ethereum too, never with a feed.
const ethereumAcme = REGISTRY.tokens.find((t) => t.chainId === 1)!;
const registry = parseRegistryData({
  issuers: REGISTRY.issuers,
  tokens: [...REGISTRY.tokens, { ...ethereumAcme, chainId: 42161, address: ARBITRUM_ACMEX }],
});

/** Another chain's node holding ACMEx with `supply` (account 0 holds one token). */
function otherNode(chainId: number, address: string, supply: bigint): ScriptedNode {
  const node = scriptedNode();
  node.chainId = chainId;
  node.block = 9_000n;
  node.contracts = { [address]: erc20({ [ACCOUNT_0]: WAD }, { multiplier: () => WAD, totalSupply: () => supply }) };
  return node;
}

async function threeChains(options: { disabledChainIds?: number[]; registry?: RegistryData } = {}) {
  const local = scriptedNode(); // ACMEx: 100 tokens, a reserve of 100 shares; ACME.d: 50 tokens, 46 shares
  const ethereum = otherNode(1, TOKENS.xstock, 25n * WAD);
  const arbitrum = otherNode(42161, ARBITRUM_ACMEX, 75n * WAD);
  const transport = async (url: string, body: unknown) => {
    if (url === rpcOf(1)) return ethereum.transport(url, body);
    if (url === rpcOf(42161)) return arbitrum.transport(url, body);
    return local.transport(url, body);
  };
  const t = await portfolioWallet({
    registry: options.registry ?? registry,
    disabledChainIds: options.disabledChainIds ?? [],
    node: local,
    transport,
    watched: false,
  });
  const refresh = () => t.call<PortfolioResult>('portfolio.refresh');
  const detail = (address: string) => t.call<TokenDetailView>('portfolio.detail', { chainId: 31337, address });
  const row = (r: PortfolioResult, address: string) =>
    r.view.accounts[0].holdings.find((h) => h.token.chainId === 31337 && h.token.address.toLowerCase() === address.toLowerCase())!;
  return { ...t, local, ethereum, arbitrum, refresh, detail, row };
}

type Shown = Extract<BackingView, { ratioBps: string }>;
const shown = (b: BackingView) => {
  expect(b.status === 'backed' || b.status === 'under-backed').toBe(true);
  return b as Shown;
};

describe('backing over every chain the token is on', () => {
  it('divides the reserves by the supply of all three chains, each read in its own single batch', async () => {
    const t = await threeChains();
    const result = await t.refresh();
    for (const node of [t.local, t.ethereum, t.arbitrum]) expect(node.methods).toEqual(['eth_chainId', 'eth_call']);

    // 100 shares for 100 + 25 + 75 tokens: 50%, not the 100% one chain's supply would give.
    const expected = {
      ratioBps: '5000',
      supply: (200n * WAD).toString(),
      coverage: {
        scope: 'all-chains',
        chains: [
          { chainId: 31337, name: 'Localhost 8545', supply: (100n * WAD).toString() },
          { chainId: 1, name: 'Ethereum', supply: (25n * WAD).toString() },
          { chainId: 42161, name: 'Arbitrum One', supply: (75n * WAD).toString() },
        ],
        missing: [],
      },
    };
    expect(t.row(result, TOKENS.xstock).backing).toMatchObject(expected);
    const backing = shown((await t.detail(TOKENS.xstock)).backing);
    expect(backing).toMatchObject({ ...expected, status: 'under-backed' });
  });

  it('names a failing chain and sums only the chains read, saying which are missing', async () => {
    const t = await threeChains();
    t.arbitrum.down = true;
    await t.refresh();
    const backing = shown((await t.detail(TOKENS.xstock)).backing);
    // 100 shares for 125 tokens on the chains read: 80%, marked as leaving Arbitrum out.
    expect(backing).toMatchObject({ ratioBps: '8000', supply: (125n * WAD).toString() });
    expect(backing.coverage).toMatchObject({
      scope: 'some-chains',
      chains: [{ chainId: 31337 }, { chainId: 1 }],
      missing: [{ chainId: 42161, name: 'Arbitrum One', reason: 'failed' }],
    });
  });

  it('says "this chain only" when no other chain can be read, with why for each', async () => {
    const t = await threeChains({ disabledChainIds: [1] });
    t.arbitrum.down = true;
    const result = await t.refresh();
    expect(t.ethereum.methods).toEqual([]);
    const coverage = {
      scope: 'this-chain-only',
      missing: [
        { chainId: 1, reason: 'disabled' },
        { chainId: 42161, reason: 'failed' },
      ],
    };
    expect(t.row(result, TOKENS.xstock).backing).toMatchObject({ ratioBps: '10000', coverage });
    expect(shown((await t.detail(TOKENS.xstock)).backing)).toMatchObject({ status: 'backed', ratioBps: '10000', coverage });
  });

  it('keeps a chain whose last good data is shown out of the sum', async () => {
    const t = await threeChains();
    await t.refresh();
    t.ethereum.down = true;
    t.local.block += 1n;
    const result = await t.refresh();
    expect(result.view.chains.find((c) => c.chainId === 1)?.notice).toBeDefined();
    expect(t.row(result, TOKENS.xstock).backing?.coverage).toMatchObject({ scope: 'some-chains', missing: [{ chainId: 1, reason: 'failed' }] });
  });

  it('names a chain the wallet has no network for', async () => {
    const onOptimism = parseRegistryData({ issuers: REGISTRY.issuers, tokens: [...REGISTRY.tokens, { ...ethereumAcme, chainId: 10 }] });
    const t = await threeChains({ registry: onOptimism });
    await t.refresh();
    expect(shown((await t.detail(TOKENS.xstock)).backing).coverage).toMatchObject({
      scope: 'some-chains',
      missing: [{ chainId: 10, name: 'chain 10', reason: 'unknown-network' }],
    });
  });

  it('measures a token listed on one chain only against that chain, as the whole issue', async () => {
    const t = await threeChains();
    const result = await t.refresh();
    const expected = {
      ratioBps: '9200',
      coverage: { scope: 'all-chains', chains: [{ chainId: 31337, supply: (50n * WAD).toString() }], missing: [] },
    };
    expect(t.row(result, TOKENS.dshare).backing).toMatchObject(expected);
    expect(shown((await t.detail(TOKENS.dshare)).backing)).toMatchObject({ ...expected, status: 'under-backed' });
  });
});
