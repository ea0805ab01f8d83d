// Backing over two chains on the devnet: a fork of it under chain id 31338 issues the same
// AAPL.d at the same address (as an xStock is issued on six chains), and the devnet's reserve
// feed reports the whole issue, 92% of the supply of both chains. The wallet reads each chain's
// supply in that chain's one Multicall3 batch and shows 92%; with the fork turned off or down it
// says the ratio counts this chain only (where it reads 184%: what one chain's supply made of it).
import { erc20Abi } from 'viem';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { aggregatorAbi } from '../../devnet/abis.ts';
import { devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { reserveAnswer } from '../../devnet/deploy/market.ts';
import type { BackingView, PortfolioResult, TokenDetailView } from '../../lib/holdings';
import { computeBackingRatio } from '../../lib/portfolio/index.ts';
import { systemClock } from '../../lib/ports';
import { createMemoryStore } from '../../lib/ports/memory';
import { registryFromDevnet } from '../../lib/registry/index.ts';
import { createUiApi } from '../../lib/commands';
import { createWallet } from '../../lib/wallet';
import { startOtherChain } from '../e2e/support/other-chain.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const FORK_CHAIN_ID = 31338;
const { publicClient, testClient, write } = devnetClients(deployment);
const aapl = tokenOf(deployment, 'AAPL.d');

let fork: Awaited<ReturnType<typeof startOtherChain>>;
beforeAll(async () => {
  fork = await startOtherChain(FORK_CHAIN_ID, { forkUrl: deployment.rpcUrl });
});
afterAll(() => {
  fork?.process.kill('SIGKILL');
});
revertChainAfterEachTest(testClient);

/** A wallet on the devnet that knows the fork as an added network; `forkDown` makes its node refuse every request. */
async function twoChainWallet(options: { disabledChainIds?: number[] } = {}) {
  const calls: Record<string, string[]> = {};
  const state = { forkDown: false };
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) => {
      const { method } = body as { method: string };
      calls[url] = [...(calls[url] ?? []), method];
      if (state.forkDown && url === fork.rpcUrl) throw new Error('fetch failed');
      return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => registryFromDevnet({ ...deployment, forks: [{ chainId: FORK_CHAIN_ID }] }),
    kdfIterations: 1000,
    initialSettings: {
      activeChainId: deployment.chainId,
      rpcOverrides: { [deployment.chainId]: deployment.rpcUrl },
      customNetworks: [
        {
          chainId: FORK_CHAIN_ID,
          name: 'Devnet fork',
          rpcUrl: fork.rpcUrl,
          nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
          custom: true,
        },
      ],
      disabledChainIds: options.disabledChainIds ?? [],
    },
  });
  await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
  await wallet.settings.update({ jurisdiction: 'DE' });
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  return {
    calls,
    state,
    refresh: async () => (await ui.handle('portfolio.refresh', {})) as PortfolioResult,
    detail: async () => ((await ui.handle('portfolio.detail', { chainId: deployment.chainId, address: aapl.address })) as TokenDetailView).backing,
  };
}

/** The devnet's reserve feed now reports 92% of the issue on both chains, as a feed for the whole issue does. */
async function reportWholeIssue() {
  const [here, there] = await Promise.all(
    [deployment.rpcUrl, fork.rpcUrl].map((rpcUrl) =>
      devnetClients({ ...deployment, rpcUrl }).publicClient.readContract({ address: aapl.address, abi: erc20Abi, functionName: 'totalSupply' }),
    ),
  );
  await write('deployer', {
    address: aapl.reserveFeed as `0x${string}`,
    abi: aggregatorAbi,
    functionName: 'updateAnswer',
    args: [reserveAnswer(9200n, here + there)],
  });
  const [, reserves] = await publicClient.readContract({
    address: aapl.reserveFeed as `0x${string}`,
    abi: aggregatorAbi,
    functionName: 'latestRoundData',
  });
  return { here, there, reserves };
}

const shown = (b: BackingView) => {
  if (b.status !== 'backed' && b.status !== 'under-backed') throw new Error(`backing not shown: ${b.status}`);
  return b;
};

describe('backing summed over the devnet and its fork', () => {
  it('measures the reserves against both chains, each supply read in its own single batch', async () => {
    const { here, there, reserves } = await reportWholeIssue();
    const w = await twoChainWallet();
    const result = await w.refresh();
    expect(result.view.chains.map((c) => [c.chainId, c.status])).toEqual([
      [deployment.chainId, 'ok'],
      [FORK_CHAIN_ID, 'ok'],
    ]);
    for (const url of [deployment.rpcUrl, fork.rpcUrl]) expect(w.calls[url].filter((m) => m === 'eth_call')).toHaveLength(1);

    const ratio = computeBackingRatio(reserves, 8, here + there, 18)!.toString();
    const row = result.view.accounts[0].holdings.find((h) => h.token.chainId === deployment.chainId && h.token.symbol === 'AAPL.d')!;
    expect(row.backing).toMatchObject({ ratioBps: ratio, supply: (here + there).toString(), coverage: { scope: 'all-chains', missing: [] } });
    const backing = shown(await w.detail());
    expect(backing).toMatchObject({ status: 'under-backed', ratioBps: ratio, supply: (here + there).toString() });
    expect(backing.coverage.chains).toEqual([
      { chainId: deployment.chainId, name: expect.any(String), supply: here.toString() },
      { chainId: FORK_CHAIN_ID, name: 'Devnet fork', supply: there.toString() },
    ]);
    expect(Number(ratio)).toBeGreaterThanOrEqual(9199);
    expect(Number(ratio)).toBeLessThanOrEqual(9200);
  });

  it('says "this chain only" with the fork turned off, where one chain reads as over-backed', async () => {
    const { here, reserves } = await reportWholeIssue();
    const w = await twoChainWallet({ disabledChainIds: [FORK_CHAIN_ID] });
    await w.refresh();
    expect(w.calls[fork.rpcUrl]).toBeUndefined();
    const backing = shown(await w.detail());
    expect(backing).toMatchObject({
      status: 'backed',
      ratioBps: computeBackingRatio(reserves, 8, here, 18)!.toString(),
      coverage: { scope: 'this-chain-only', missing: [{ chainId: FORK_CHAIN_ID, name: 'Devnet fork', reason: 'disabled' }] },
    });
  });

  it('names the fork as failed when its node stops answering', async () => {
    await reportWholeIssue();
    const w = await twoChainWallet();
    w.state.forkDown = true;
    await w.refresh();
    expect(shown(await w.detail()).coverage).toMatchObject({
      scope: 'this-chain-only',
      missing: [{ chainId: FORK_CHAIN_ID, reason: 'failed' }],
    });
  });
});
