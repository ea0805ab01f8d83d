// A dShare the issuer's DShareFactory creates after the wallet started: the portfolio's own batch
// lists it (getDShares), asks its metadata in the next one, and then shows it as found on chain with
// the issuer's facts; no release, no reload, and no refresh costs more than two requests.
import { decodeEventLog, parseAbi } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { dShareFactoryAbi } from '../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { createUiApi } from '../../lib/commands';
import type { PortfolioResult, TokenDetailView } from '../../lib/holdings';
import { systemClock } from '../../lib/ports';
import { createMemoryStore } from '../../lib/ports/memory';
import { registryFromDevnet } from '../../lib/registry/index.ts';
import { createWallet } from '../../lib/wallet';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const mintAbi = parseAbi(['function mint(address to, uint256 amount)']);

async function devnetWallet() {
  const methods: string[] = [];
  let changes = 0;
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) => {
      methods.push((body as { method: string }).method);
      return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => {
      changes++;
    },
    loadRegistry: async () => registryFromDevnet(deployment),
    kdfIterations: 1000,
    initialSettings: { activeChainId: deployment.chainId, rpcOverrides: { [deployment.chainId]: deployment.rpcUrl } },
  });
  await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
  await wallet.settings.update({ jurisdiction: 'DE' });
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  return {
    changes: () => changes,
    /** One refresh (as the popup asks on a new block), with the JSON-RPC methods it sent. */
    refresh: async () => {
      methods.length = 0;
      const result = (await ui.handle('portfolio.refresh', {})) as PortfolioResult;
      return { result, methods: [...methods] };
    },
    detail: async (address: string) => (await ui.handle('portfolio.detail', { chainId: deployment.chainId, address })) as TokenDetailView,
  };
}

describe("dShares found through the devnet's DShareFactory", () => {
  revertChainAfterEachTest(testClient);
  const factory = contractOf(deployment, 'DShareFactory');

  it('lists the devnet dShare, announced through the factory as Dinari announces an existing one', async () => {
    const [dShares, wrapped] = await publicClient.readContract({ address: factory, abi: dShareFactoryAbi, functionName: 'getDShares' });
    expect(dShares).toEqual([tokenOf(deployment, 'AAPL.d').address]);
    expect(wrapped).toHaveLength(1);
    const issuer = registryFromDevnet(deployment).issuers.find((i) => i.id === tokenOf(deployment, 'AAPL.d').issuer);
    expect(issuer?.contracts).toContainEqual(expect.objectContaining({ address: factory, role: 'factory' }));
  });

  it('shows a dShare created after the start as found on chain, with the issuer facts, each refresh at most 2 requests', async () => {
    const w = await devnetWallet();
    const before = await w.refresh();
    expect(before.result.view.accounts[0].holdings.some((h) => h.token.symbol === 'MSFT.d')).toBe(false);

    const receipt = await write('deployer', {
      address: factory,
      abi: dShareFactoryAbi,
      functionName: 'createDShare',
      args: [accountOf(deployment, 'deployer'), 'Microsoft Corporation - Dinari', 'MSFT.d', 'Wrapped MSFT.d', 'wMSFT.d'],
    });
    const added = receipt.logs
      .map((log) => {
        try {
          return decodeEventLog({ abi: dShareFactoryAbi, ...log });
        } catch {
          return undefined;
        }
      })
      .find((e) => e?.eventName === 'DShareAdded');
    if (added?.eventName !== 'DShareAdded') throw new Error('createDShare emitted no DShareAdded');
    const msft = added.args.dShare;
    await write('deployer', { address: msft, abi: mintAbi, functionName: 'mint', args: [user, 3n * 10n ** 18n] });

    // The new block's batch lists it; the next batch asks its metadata; then it is a holding.
    const refreshes = [await w.refresh(), await w.refresh(), await w.refresh()];
    for (const r of refreshes) {
      expect(r.methods.length).toBeLessThanOrEqual(2);
      expect(r.methods).not.toContain('eth_getLogs');
    }
    const shown = refreshes[2].result.view.accounts[0].holdings.find((h) => h.token.symbol === 'MSFT.d');
    expect(shown).toMatchObject({
      amount: String(3n * 10n ** 18n),
      foundOnChain: "found on chain via the issuer's factory",
      verified: false,
      corporateActions: 'balance-per-share',
      underlying: { ticker: 'MSFT', name: 'Microsoft Corporation' },
    });
    expect(w.changes()).toBeGreaterThan(0);
    const detail = await w.detail(msft);
    expect(detail).toMatchObject({ foundOnChain: "found on chain via the issuer's factory", verified: false });
    // The issuer's facts, as the dShare of the same issuer in the registry carries them.
    const issuer = registryFromDevnet(deployment).issuers.find((i) => i.id === tokenOf(deployment, 'AAPL.d').issuer)!;
    expect(detail.issuer.legalEntity.value).toBe(issuer.legalEntity.value);
  });
});
