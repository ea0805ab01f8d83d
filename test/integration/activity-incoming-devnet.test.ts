// Incoming transfers against the devnet (issue 14): account 1 sends a tracked token to account
// 0 on anvil, and the wallet's Activity scan finds it in the chain's Transfer logs, with the
// amount the chain moved; a node that refuses logs is said to, and what was found stays.
import { erc20Abi, parseUnits } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { accountOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { createUiApi } from '../../lib/commands';
import { systemClock } from '../../lib/ports';
import { createMemoryStore } from '../../lib/ports/memory';
import { registryFromDevnet } from '../../lib/registry/index.ts';
import type { UiState } from '../../lib/ui-contract';
import { createWallet } from '../../lib/wallet';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const second = accountOf(deployment, 'us-investor');
const smsft = tokenOf(deployment, 'sMSFT');

function devnetWallet() {
  const node = { refuseLogs: false, getLogs: 0 };
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) => {
      const { id, method } = body as { id: number; method: string };
      if (method === 'eth_getLogs') node.getLogs++;
      if (node.refuseLogs && method === 'eth_getLogs') return { jsonrpc: '2.0', id, error: { code: -32601, message: 'eth_getLogs is disabled' } };
      return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => registryFromDevnet(deployment),
    kdfIterations: 1000,
    initialSettings: { activeChainId: deployment.chainId, rpcOverrides: { [deployment.chainId]: deployment.rpcUrl } },
  });
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  return {
    node,
    wallet,
    async setUp() {
      await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
      await wallet.settings.update({ jurisdiction: 'DE' });
    },
    refresh: async () => {
      await ui.handle('activity.refresh', {});
      return (await ui.handle('state', {})) as UiState;
    },
  };
}

const send = (role: string, to: `0x${string}`, amount: bigint) =>
  write(role, { address: smsft.address, abi: erc20Abi, functionName: 'transfer', args: [to, amount] });

revertChainAfterEachTest(testClient);

describe('incoming transfers on the devnet', () => {
  it('finds a transfer account 1 made to account 0, with its amount, and only once across refreshes', async () => {
    const w = devnetWallet();
    await w.setUp();
    await send('user', second, parseUnits('3', smsft.decimals));
    const receipt = await send('us-investor', user, parseUnits('1.25', smsft.decimals));
    const state = await w.refresh();
    const mine = state.incoming.filter((e) => e.hash === receipt.transactionHash.toLowerCase());
    expect(mine).toEqual([
      expect.objectContaining({
        token: smsft.address.toLowerCase(),
        from: second.toLowerCase(),
        to: user.toLowerCase(),
        amount: parseUnits('1.25', smsft.decimals).toString(),
        blockNumber: Number(receipt.blockNumber),
        symbol: 'sMSFT',
        decimals: smsft.decimals,
        payout: false,
      }),
    ]);
    expect(state.incomingNotice).toBeUndefined();
    // A later refresh reads only blocks after the last one scanned: nothing new, nothing twice.
    const again = await w.refresh();
    expect(again.incoming.filter((e) => e.hash === receipt.transactionHash.toLowerCase())).toHaveLength(1);
  });

  it("scans each of the user's accounts: a second account sees what account 0 sent it", async () => {
    const w = devnetWallet();
    await w.setUp();
    await w.wallet.keys.addAccount('Second');
    const receipt = await send('user', second, parseUnits('2', smsft.decimals));
    const state = await w.refresh();
    expect(state.incoming.filter((e) => e.hash === receipt.transactionHash.toLowerCase()).map((e) => e.to)).toEqual([second.toLowerCase()]);
    expect(state.activityLabels?.[deployment.chainId]?.[user.toLowerCase()]).toMatch(/^Your account/);
  });

  it('a node that refuses logs is said to; the transfers found before stay, and the missed ones come once it serves logs', async () => {
    const w = devnetWallet();
    await w.setUp();
    await send('user', second, parseUnits('3', smsft.decimals));
    const first = await send('us-investor', user, 1n);
    expect((await w.refresh()).incoming.map((e) => e.hash)).toContain(first.transactionHash.toLowerCase());
    w.node.refuseLogs = true;
    const missed = await send('us-investor', user, 2n);
    const refused = await w.refresh();
    expect(refused.incomingNotice).toMatch(/refused to serve logs/);
    expect(refused.incoming.map((e) => e.hash)).toContain(first.transactionHash.toLowerCase());
    expect(refused.incoming.map((e) => e.hash)).not.toContain(missed.transactionHash.toLowerCase());
    w.node.refuseLogs = false;
    const back = await w.refresh();
    expect(back.incomingNotice).toBeUndefined();
    expect(back.incoming.map((e) => e.hash)).toContain(missed.transactionHash.toLowerCase());
  });
});
