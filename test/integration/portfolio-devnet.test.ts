// The portfolio service against the devnet: balances match the chain after a split, a
// dividend and a year of fee decay, and the under-backed dShare shows its ratio below 100%.
import { describe, expect, inject, it } from 'vitest';
import { dividendDistributionAbi, multiplierStockAbi, usdcAbi } from '../../devnet/abis.ts';
import { accountOf, advanceTime, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { createMemoryStore } from '../../lib/ports/memory';
import { systemClock } from '../../lib/ports';
import { registryFromDevnet } from '../../lib/registry/index.ts';
import { createUiApi } from '../../lib/commands';
import { createWallet } from '../../lib/wallet';
import type { PortfolioResult, TokenDetailView } from '../../lib/holdings';
import { expectedHoldings } from './portfolio-expected.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');

/** `refuseLogs` answers eth_getLogs as a public endpoint that serves no log queries does. */
async function devnetWallet(options: { refuseLogs?: boolean } = {}) {
  const methods: string[] = [];
  const wallet = createWallet({
    local: createMemoryStore(),
    session: createMemoryStore(),
    clock: systemClock,
    rpc: async (url, body) => {
      const { id, method } = body as { id: number; method: string };
      methods.push(method);
      if (options.refuseLogs && method === 'eth_getLogs') return { jsonrpc: '2.0', id, error: { code: -32601, message: 'eth_getLogs is disabled' } };
      return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    },
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => registryFromDevnet(deployment),
    dividendDistributors: { [deployment.chainId]: [contractOf(deployment, 'DividendDistribution')] },
    kdfIterations: 1000,
    initialSettings: { activeChainId: deployment.chainId, rpcOverrides: { [deployment.chainId]: deployment.rpcUrl } },
  });
  await wallet.keys.createFromMnemonic(deployment.mnemonic, 'correct horse battery');
  await wallet.settings.update({ jurisdiction: 'DE' });
  const ui = createUiApi(wallet, { schedule: () => undefined }, systemClock);
  return {
    methods,
    refresh: async () => (await ui.handle('portfolio.refresh', {})) as PortfolioResult,
    detail: async (address: string) => (await ui.handle('portfolio.detail', { chainId: deployment.chainId, address })) as TokenDetailView,
  };
}

/** What the portfolio shows for the user, as comparable data. */
const shown = (r: PortfolioResult) =>
  r.view.accounts[0].holdings.map((h) => ({
    symbol: h.token.symbol,
    address: h.token.address,
    amount: BigInt(h.amount),
    underlying: BigInt(h.underlyingAmount ?? -1),
    value: h.value === null ? null : BigInt(h.value),
    source: h.price?.source ?? 'none',
  }));
const onChain = async () => (await expectedHoldings(publicClient, deployment, user)).map(({ pool: _pool, ...h }) => h);
const bySymbol = <T extends { symbol: string }>(list: T[]) => [...list].sort((a, b) => a.symbol.localeCompare(b.symbol));

revertChainAfterEachTest(testClient);

describe('portfolio on the devnet', () => {
  it('shows every holding with the balance, underlying shares and value the chain gives', async () => {
    const w = await devnetWallet();
    const result = await w.refresh();
    expect(result.view).toMatchObject({ chainId: deployment.chainId, status: 'ok', errors: [] });
    expect(bySymbol(shown(result))).toEqual(bySymbol(await onChain()));
  });

  it('follows a 3:1 split of the multiplier token', async () => {
    const w = await devnetWallet();
    const tsla = tokenOf(deployment, 'TSLAx');
    const before = shown(await w.refresh()).find((h) => h.symbol === 'TSLAx')!;
    const [multiplier] = await publicClient.readContract({ address: tsla.address, abi: multiplierStockAbi, functionName: 'getCurrentMultiplier' });
    await write('deployer', {
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'updateMultiplierValue',
      args: [multiplier * 3n, multiplier, 0n],
    });
    const after = await w.refresh();
    expect(bySymbol(shown(after))).toEqual(bySymbol(await onChain()));
    const ratio = (shown(after).find((h) => h.symbol === 'TSLAx')!.amount * 1000n) / before.amount;
    expect(ratio >= 2999n && ratio <= 3000n).toBe(true); // 3x, up to the rounding of shares
    const detail = await w.detail(tsla.address);
    expect(detail.corporateActions.history.at(-1)?.value).toBe((multiplier * 3n).toString());
  });

  it('shows a scheduled split as scheduled with logs refused, drops it when overridden, and counts it once due', async () => {
    const w = await devnetWallet({ refuseLogs: true });
    const tsla = tokenOf(deployment, 'TSLAx');
    const before = shown(await w.refresh()).find((h) => h.symbol === 'TSLAx')!;
    const [multiplier] = await publicClient.readContract({ address: tsla.address, abi: multiplierStockAbi, functionName: 'getCurrentMultiplier' });
    const { timestamp } = await publicClient.getBlock();
    const schedule = (value: bigint, at: bigint) =>
      write('deployer', { address: tsla.address, abi: multiplierStockAbi, functionName: 'updateMultiplierValue', args: [value, multiplier, at] });

    await schedule(multiplier * 4n, timestamp + 7_200n);
    let detail = await w.detail(tsla.address);
    expect(detail.corporateActions.scheduled).toEqual([
      { value: (multiplier * 4n).toString(), activationTime: Number(timestamp + 7_200n), nonce: expect.any(String) },
    ]);
    expect(detail.corporateActions.history.map((h) => h.value)).not.toContain((multiplier * 4n).toString());
    expect(detail.corporateActions.historySource).toBe('views');

    await schedule(multiplier * 2n, timestamp + 3_600n); // overrides the 4x
    detail = await w.detail(tsla.address);
    expect(detail.corporateActions.scheduled.map((s) => [s.value, s.activationTime])).toEqual([
      [(multiplier * 2n).toString(), Number(timestamp + 3_600n)],
    ]);
    expect(shown(await w.refresh()).find((h) => h.symbol === 'TSLAx')!.amount).toBe(before.amount);

    await advanceTime(testClient, 3_601);
    w.methods.length = 0;
    const after = await w.refresh();
    expect(w.methods.filter((m) => m === 'eth_call')).toHaveLength(1); // still one Multicall3 batch for the chain
    expect(bySymbol(shown(after))).toEqual(bySymbol(await onChain()));
    const ratio = (shown(after).find((h) => h.symbol === 'TSLAx')!.amount * 1000n) / before.amount;
    expect(ratio >= 1999n && ratio <= 2000n).toBe(true);
    detail = await w.detail(tsla.address);
    expect(detail.corporateActions.scheduled).toEqual([]);
    expect(detail.corporateActions.history.at(-1)).toMatchObject({ value: (multiplier * 2n).toString(), activationTime: Number(timestamp + 3_600n) });
    expect(detail.corporateActions.factor).toBe((multiplier * 2n).toString());
  });

  it('lists a dividend paid to the account, in USDC, on the dShare detail', async () => {
    const w = await devnetWallet();
    const aapl = tokenOf(deployment, 'AAPL.d');
    await write('deployer', {
      address: contractOf(deployment, 'DividendDistribution'),
      abi: dividendDistributionAbi,
      functionName: 'distribute',
      args: [0n, user, 24_500_000n],
    });
    expect(bySymbol(shown(await w.refresh()))).toEqual(bySymbol(await onChain()));
    const detail = await w.detail(aapl.address);
    expect(detail.corporateActions.dividends).toEqual([
      expect.objectContaining({ distributionId: '0', amount: '24500000', currency: expect.objectContaining({ symbol: 'USDC', decimals: 6 }) }),
    ]);
  });

  it("shows a distribution the devnet's admin announces on the dShare detail: open, in USDC, with what is left, ended once its window passes", async () => {
    const w = await devnetWallet();
    const aapl = tokenOf(deployment, 'AAPL.d');
    const distribution = contractOf(deployment, 'DividendDistribution');
    const usdc = contractOf(deployment, 'USDC');
    await write('deployer', { address: usdc, abi: usdcAbi, functionName: 'mint', args: [accountOf(deployment, 'deployer'), 3_000_000_000n] });
    await write('deployer', { address: usdc, abi: usdcAbi, functionName: 'approve', args: [distribution, 3_000_000_000n] });
    const { timestamp } = await publicClient.getBlock();
    const endTime = timestamp + 30n * 86_400n;
    const created = await write('deployer', {
      address: distribution,
      abi: dividendDistributionAbi,
      functionName: 'createDistribution',
      args: [usdc, 3_000_000_000n, endTime],
    });
    const id = (await publicClient.readContract({ address: distribution, abi: dividendDistributionAbi, functionName: 'nextDistributionId' })) - 1n;
    await write('deployer', { address: distribution, abi: dividendDistributionAbi, functionName: 'distribute', args: [id, user, 1_000_000n] });

    const detail = await w.detail(aapl.address);
    const announced = detail.corporateActions.announced.find((d) => d.distributionId === id.toString());
    expect(announced).toMatchObject({
      contract: distribution,
      state: 'open',
      totalDistribution: '3000000000',
      remaining: '2999000000',
      endDate: Number(endTime),
      reclaimed: false,
      currency: { symbol: 'USDC', decimals: 6 },
    });
    // The window opens with the creation block, as on Dinari's contract.
    expect(announced!.startDate).toBe(Number((await publicClient.getBlock({ blockNumber: created.blockNumber })).timestamp));
    // The deployment's own 90-day distribution is listed too, newest first.
    expect(detail.corporateActions.announced.map((d) => d.distributionId)).toEqual([id.toString(), '0']);

    await advanceTime(testClient, 31 * 86_400);
    const later = await w.detail(aapl.address);
    expect(later.corporateActions.announced.map((d) => [d.distributionId, d.state])).toEqual([
      [id.toString(), 'ended'],
      ['0', 'open'],
    ]);
  });

  it('still lists the announced distributions from the contract when the node refuses logs', async () => {
    const w = await devnetWallet({ refuseLogs: true });
    const detail = await w.detail(tokenOf(deployment, 'AAPL.d').address);
    expect(detail.corporateActions.announced).toEqual([
      expect.objectContaining({
        distributionId: '0',
        state: 'open',
        totalDistribution: null,
        remaining: '10000000000',
        currency: expect.objectContaining({ symbol: 'USDC' }),
      }),
    ]);
  });

  it('follows a year of management-fee decay', async () => {
    const w = await devnetWallet();
    const before = shown(await w.refresh()).find((h) => h.symbol === 'TSLAx')!;
    await advanceTime(testClient, 365 * 86_400);
    const after = await w.refresh();
    expect(bySymbol(shown(after))).toEqual(bySymbol(await onChain()));
    const decayed = shown(after).find((h) => h.symbol === 'TSLAx')!;
    expect(decayed.amount).toBeLessThan(before.amount);
    // 0.25% a year: the balance keeps about 99.75%.
    expect(Number((decayed.amount * 10_000n) / before.amount)).toBeGreaterThanOrEqual(9974);
    const detail = await w.detail(tokenOf(deployment, 'TSLAx').address);
    expect(detail.corporateActions.annualFeeBps).toBe('25');
    expect(detail.corporateActions.fee).toMatchObject({ annualFeeBps: '25', periodSeconds: 86_400 });
    expect(Number(detail.corporateActions.fee?.periodsPassed)).toBeGreaterThanOrEqual(365); // accrued, not yet applied by a transfer
  });

  it('prices the feedless bCOIN in its detail from the same pool as its row, and bIB01 not at all', async () => {
    const w = await devnetWallet();
    const row = (await w.refresh()).view.accounts[0].holdings.find((h) => h.token.symbol === 'bCOIN')!;
    const detail = await w.detail(tokenOf(deployment, 'bCOIN').address);
    expect(detail.price).toMatchObject({ source: 'dex', answer: row.price?.answer, dex: { pool: row.price?.dex?.pool } });
    expect(detail.holding?.value).toBe(row.value);
    expect((await w.detail(tokenOf(deployment, 'bIB01').address)).price).toBeNull();
  });

  it('shows the under-backed dShare below 100% and the fully backed xStock at 100% or more', async () => {
    const w = await devnetWallet();
    const aapl = await w.detail(tokenOf(deployment, 'AAPL.d').address);
    expect(aapl.backing).toMatchObject({ status: 'under-backed', ratioBps: '9200' });
    const tsla = await w.detail(tokenOf(deployment, 'TSLAx').address);
    expect(tsla.backing.status).toBe('backed');
    const nvda = await w.detail(tokenOf(deployment, 'NVDAon').address);
    expect(nvda.backing.status).toBe('not-verifiable');
  });
});
