import { parseEventLogs } from 'viem';
import { describe, expect, inject, it } from 'vitest';
import { dividendDistributionAbi, multiplierStockAbi, rebasingStockAbi, usdcAbi } from '../../devnet/abis.ts';
import { accountOf, advanceTime, contractOf, devnetClients, tokenOf } from '../../devnet/test-kit.ts';
import { revertChainAfterEachTest } from './isolate.ts';

const deployment = inject('deployment');
const { publicClient, testClient, write } = devnetClients(deployment);
const user = accountOf(deployment, 'user');
const E18 = 10n ** 18n;

revertChainAfterEachTest(testClient);

describe('multiplier token (xStocks model)', () => {
  const tsla = tokenOf(deployment, 'TSLAx');
  const read = (functionName: 'balanceOf' | 'sharesOf') =>
    publicClient.readContract({ address: tsla.address, abi: multiplierStockAbi, functionName, args: [user] }) as Promise<bigint>;
  const currentMultiplier = async () =>
    (
      await publicClient.readContract({
        address: tsla.address,
        abi: multiplierStockAbi,
        functionName: 'getCurrentMultiplier',
      })
    )[0];

  it('carries the 2:1 split applied at deploy in its multiplier history', async () => {
    const length = await publicClient.readContract({
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'multiplierUpdatesLength',
    });
    expect(length).toBe(2n);
    const [previous, next] = await publicClient.readContract({
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'multiplierUpdates',
      args: [1n],
    });
    expect([previous, next]).toEqual([E18, 2n * E18]);
    expect(await read('balanceOf')).toBe(((await read('sharesOf')) * (await currentMultiplier())) / E18);
  });

  it('a split changes balances without any Transfer event', async () => {
    const [sharesBefore, balanceBefore, multiplier] = [await read('sharesOf'), await read('balanceOf'), await currentMultiplier()];
    const receipt = await write('deployer', {
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'updateMultiplierValue',
      args: [multiplier * 3n, multiplier, 0n],
    });
    const events = parseEventLogs({ abi: multiplierStockAbi, logs: receipt.logs }).map((e) => e.eventName);
    expect(events).toContain('MultiplierUpdated');
    expect(events).not.toContain('Transfer');
    expect(await read('sharesOf')).toBe(sharesBefore);
    const balanceAfter = await read('balanceOf');
    expect(balanceAfter).toBe((sharesBefore * multiplier * 3n) / E18);
    expect(balanceAfter / balanceBefore).toBe(3n);
  });

  it('a scheduled multiplier changes balances only once its activation time passes', async () => {
    const { timestamp } = await publicClient.getBlock();
    const multiplier = await currentMultiplier();
    const receipt = await write('deployer', {
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'updateMultiplierValue',
      args: [multiplier * 2n, multiplier, timestamp + 3_600n],
    });
    expect(parseEventLogs({ abi: multiplierStockAbi, logs: receipt.logs }).map((e) => e.eventName)).toEqual(['MultiplierScheduled']);
    const before = await read('balanceOf');
    await advanceTime(testClient, 1_800);
    expect(await read('balanceOf')).toBe(before);
    await advanceTime(testClient, 1_801);
    expect(await read('balanceOf')).toBe(((await read('sharesOf')) * multiplier * 2n) / E18);
  });

  it('answers the schedule by view, counts a due one in multiplier() before storing it, and names an overridden one', async () => {
    const view = <F extends 'multiplier' | 'lastMultiplier' | 'newMultiplier' | 'newMultiplierActivationTime' | 'multiplierUpdatesLength'>(
      functionName: F,
    ) => publicClient.readContract({ address: tsla.address, abi: multiplierStockAbi, functionName }) as Promise<bigint>;
    const { timestamp } = await publicClient.getBlock();
    const multiplier = await currentMultiplier();
    const length = await view('multiplierUpdatesLength');
    const schedule = (value: bigint, at: bigint) =>
      write('deployer', { address: tsla.address, abi: multiplierStockAbi, functionName: 'updateMultiplierValue', args: [value, multiplier, at] });
    await schedule(multiplier * 4n, timestamp + 7_200n);
    const receipt = await schedule(multiplier * 2n, timestamp + 3_600n);
    const events = parseEventLogs({ abi: multiplierStockAbi, logs: receipt.logs });
    expect(events.map((e) => e.eventName)).toEqual(['MultiplierScheduleOverridden', 'MultiplierScheduled']);
    expect(events[0].args).toEqual({
      overriddenMultiplier: multiplier * 4n,
      overriddenActivationTime: timestamp + 7_200n,
      newMultiplier: multiplier * 2n,
      newActivationTime: timestamp + 3_600n,
    });
    // The replaced entry is popped: one pending entry more than before, not two.
    expect(await view('multiplierUpdatesLength')).toBe(length + 1n);
    expect([await view('newMultiplier'), await view('newMultiplierActivationTime')]).toEqual([multiplier * 2n, timestamp + 3_600n]);
    await advanceTime(testClient, 3_601);
    expect([await view('multiplier'), await view('lastMultiplier')]).toEqual([multiplier * 2n, multiplier]);
  });

  it('the management fee decays the multiplier every period', async () => {
    const [feePerPeriod, period] = await Promise.all([
      publicClient.readContract({ address: tsla.address, abi: multiplierStockAbi, functionName: 'feePerPeriod' }),
      publicClient.readContract({ address: tsla.address, abi: multiplierStockAbi, functionName: 'periodLength' }),
    ]);
    expect(feePerPeriod).toBeGreaterThan(0n);
    const [, periodsBefore] = await publicClient.readContract({
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'getCurrentMultiplier',
    });
    const multiplier = await currentMultiplier();
    const balance = await read('balanceOf');
    await advanceTime(testClient, Number(period) * 30);
    const [decayed, periodsAfter] = await publicClient.readContract({
      address: tsla.address,
      abi: multiplierStockAbi,
      functionName: 'getCurrentMultiplier',
    });
    expect(periodsAfter - periodsBefore).toBe(30n);
    let expected = multiplier;
    for (let i = 0; i < 30; i++) expected = (expected * (E18 - feePerPeriod)) / E18;
    expect(Number(decayed - expected)).toBeCloseTo(0, -3); // equal up to fixed-point rounding (< 1e-15 relative)
    expect(decayed).toBeLessThan(multiplier);
    expect(await read('balanceOf')).toBeLessThan(balance);
  });
});

describe('rebasing token (dShares model)', () => {
  const aapl = tokenOf(deployment, 'AAPL.d');

  it('a split through balancePerShare changes balances without any Transfer event', async () => {
    const balanceOf = () => publicClient.readContract({ address: aapl.address, abi: rebasingStockAbi, functionName: 'balanceOf', args: [user] });
    const before = await balanceOf();
    const receipt = await write('deployer', {
      address: aapl.address,
      abi: rebasingStockAbi,
      functionName: 'setBalancePerShare',
      args: [2n * E18],
    });
    const events = parseEventLogs({ abi: rebasingStockAbi, logs: receipt.logs }).map((e) => e.eventName);
    expect(events).toEqual(['BalancePerShareSet']);
    expect(await balanceOf()).toBe(before * 2n);
  });

  it('a dividend arrives as USDC from the distribution', async () => {
    const usdc = contractOf(deployment, 'USDC');
    const usdcOf = () => publicClient.readContract({ address: usdc, abi: usdcAbi, functionName: 'balanceOf', args: [user] });
    const before = await usdcOf();
    const receipt = await write('deployer', {
      address: contractOf(deployment, 'DividendDistribution'),
      abi: dividendDistributionAbi,
      functionName: 'distribute',
      args: [0n, user, 24_500_000n],
    });
    const [distributed] = parseEventLogs({ abi: dividendDistributionAbi, logs: receipt.logs, eventName: 'Distributed' });
    expect(distributed.args).toEqual({ distributionId: 0n, account: user, amount: 24_500_000n });
    expect((await usdcOf()) - before).toBe(24_500_000n);
  });
});
