// The guard's cost (issue 11): how long a verdict takes with no RPC (decode + the one rule, over
// the registry), and how many RPC round trips the on-chain standards add to a request once a
// token's standard is known. Run on the devnet, against the unlisted ERC-3643 token KSTR.
import { type Address, encodeFunctionData } from 'viem';
import { uniswapV2RouterAbi } from '../../devnet/abis.ts';
import { startDevnet } from '../../devnet/index.ts';
import { createUiApi } from '../../lib/commands/index.ts';
import { evaluate } from '../../lib/compliance/index.ts';
import { decodeTransaction } from '../../lib/intent/index.ts';
import { MULTICALL3_ADDRESS } from '../../lib/portfolio/index.ts';
import { systemClock } from '../../lib/ports/index.ts';
import { createMemoryStore } from '../../lib/ports/memory.ts';
import { createRegistry, registryFromDevnet } from '../../lib/registry/index.ts';
import { createTokenLookup } from '../../lib/tokens/index.ts';
import { createWallet } from '../../lib/wallet/index.ts';
import { type BenchRow, median, round } from './stats.ts';

const RUNS = 200;
const SITE = 'https://bench.example';

export async function measureGuard(): Promise<BenchRow[]> {
  const devnet = await startDevnet({ market: 'open' });
  try {
    const { deployment } = devnet;
    const c = deployment.contracts as Record<string, Address>;
    const user = deployment.accounts.find((a) => a.role === 'user')!.address as Address;
    const buy = (token: Address) =>
      encodeFunctionData({
        abi: uniswapV2RouterAbi,
        functionName: 'swapExactTokensForTokens',
        args: [10n ** 6n, 1n, [c.USDC, token], user, 2n ** 40n],
      });

    // A verdict with no RPC: a registry stock bought on Uniswap V2, decoded and judged.
    const registryData = registryFromDevnet(deployment);
    const registry = createRegistry(registryData);
    const tokens = createTokenLookup(
      () => registry,
      () => [],
    );
    const stock = registryData.tokens.find((t) => t.kind === 'stock')!.address as Address;
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const t = performance.now();
      const intent = decodeTransaction({ from: user, to: c.UniswapV2Router02, data: buy(stock), value: 0n, chainId: deployment.chainId });
      evaluate({ intent, jurisdiction: 'US', chainId: deployment.chainId, lookupToken: (chain, a) => tokens.policy(chain, a) });
      if (i > 0) times.push(performance.now() - t);
    }

    // Round trips: the same buy of the unlisted ERC-3643 token twice through the wallet's road;
    // the approval is rejected, so nothing is sent. The second request finds the standard known.
    const calls: { method: string; to?: string }[] = [];
    const wallet = createWallet({
      local: createMemoryStore(),
      session: createMemoryStore(),
      clock: systemClock,
      rpc: async (url, body) => {
        const { method, params } = body as { method: string; params?: { to?: string }[] };
        calls.push({ method, to: params?.[0]?.to?.toLowerCase() });
        return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
      },
      openApproval: async () => undefined,
      emit: () => undefined,
      stateChanged: () => {
        for (const pending of wallet.approvals.list()) wallet.approvals.decide(pending.id, { approved: pending.kind === 'connect' });
      },
      loadRegistry: async () => registryData,
      kdfIterations: 1000,
      initialSettings: { activeChainId: deployment.chainId, rpcOverrides: { [deployment.chainId]: deployment.rpcUrl } },
    });
    await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
    await wallet.settings.update({ jurisdiction: 'DE' });
    createUiApi(wallet, { schedule: () => undefined }, systemClock);
    const request = (method: string, params?: unknown[]) => wallet.handleProviderRequest({ origin: SITE }, { method, params });
    await request('eth_requestAccounts');
    const tx = [{ from: user, to: c.UniswapV2Router02, data: buy(c.KSTR) }];
    const multicalls = async () => {
      calls.length = 0;
      await request('eth_sendTransaction', tx).catch(() => undefined);
      return calls.filter((x) => x.method === 'eth_call' && x.to === MULTICALL3_ADDRESS.toLowerCase()).length;
    };
    const first = await multicalls();
    const firstAll = calls.length;
    const later = await multicalls();
    const laterAll = calls.length;
    return [
      {
        name: `guard verdict without RPC: decode + rule, V2 buy of a registry stock (median of ${RUNS})`,
        value: round(median(times), 3),
        unit: 'ms',
        target: '< 5 ms',
        ok: median(times) < 5,
      },
      {
        name: 'RPC round trips the on-chain standards add to a request, standard already detected',
        value: later,
        unit: 'requests',
        target: '1',
        ok: later <= 1,
        note: `first request (detection): ${first} Multicall3 calls; all RPC calls per request: ${firstAll} first, ${laterAll} later`,
      },
    ];
  } finally {
    await devnet.stop();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) console.table(await measureGuard());
