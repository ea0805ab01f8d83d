// Fee estimates before approval, the user's fee choice, and the rules a replacement must meet.
import { parseGwei } from 'viem';
import { describe, expect, it } from 'vitest';
import type { RpcCall } from '../../../lib/ports';
import { chosenFees, estimateFees, highFeeReason, planFees, replacementFloor, replacementParams } from '../../../lib/signing';
import { ACCOUNT_0, ACCOUNT_1 } from '../wallet/harness';

const gweiHex = (g: string) => `0x${parseGwei(g).toString(16)}`;

/** A node answering from a table; a missing method fails as "not found" does. */
const nodeOf =
  (answers: Record<string, (params: unknown[]) => unknown>): RpcCall =>
  async (method, params = []) => {
    const answer = answers[method];
    if (!answer) throw new Error(`method ${method} not found`);
    return answer(params);
  };

// Base fees of the last 3 blocks and the next one (10 gwei), with the 10th/50th/90th reward percentiles.
const HISTORY = {
  baseFeePerGas: [gweiHex('8'), gweiHex('9'), gweiHex('9.5'), gweiHex('10')],
  reward: [
    [gweiHex('1'), gweiHex('2'), gweiHex('5')],
    [gweiHex('0.5'), gweiHex('1.5'), gweiHex('4')],
    [gweiHex('1'), gweiHex('2'), gweiHex('6')],
  ],
};

const london = nodeOf({
  eth_feeHistory: () => HISTORY,
  eth_estimateGas: () => '0x5208',
  eth_gasPrice: () => gweiHex('30'),
});

describe('fee estimates', () => {
  it('derive slow, normal and fast from eth_feeHistory: median tip per percentile, headroom over the next base fee', async () => {
    const estimate = await estimateFees(london);
    expect(estimate.baseFee).toBe(parseGwei('10'));
    expect(estimate.options).toEqual({
      slow: { type: 'eip1559', maxPriorityFeePerGas: parseGwei('1'), maxFeePerGas: parseGwei('13.5') },
      normal: { type: 'eip1559', maxPriorityFeePerGas: parseGwei('2'), maxFeePerGas: parseGwei('22') },
      fast: { type: 'eip1559', maxPriorityFeePerGas: parseGwei('5'), maxFeePerGas: parseGwei('30') },
    });
  });

  it("asks eth_feeHistory for the last 10 blocks' 10th, 50th and 90th percentiles", async () => {
    const asked: unknown[][] = [];
    await estimateFees(
      nodeOf({
        eth_feeHistory: (p) => {
          asked.push(p);
          return HISTORY;
        },
      }),
    );
    expect(asked).toEqual([['0xa', 'latest', [10, 50, 90]]]);
  });

  it("fall back to the latest block's base fee and the node's tip where there is no fee history", async () => {
    const estimate = await estimateFees(
      nodeOf({ eth_getBlockByNumber: () => ({ baseFeePerGas: gweiHex('1') }), eth_maxPriorityFeePerGas: () => gweiHex('1') }),
    );
    expect(estimate.options.normal).toEqual({ type: 'eip1559', maxFeePerGas: parseGwei('3'), maxPriorityFeePerGas: parseGwei('1') });
  });

  it('use the node tip when recent blocks paid none (empty blocks)', async () => {
    const empty = { baseFeePerGas: [gweiHex('1'), gweiHex('1')], reward: [['0x0', '0x0', '0x0']] };
    const estimate = await estimateFees(nodeOf({ eth_feeHistory: () => empty, eth_maxPriorityFeePerGas: () => gweiHex('0.1') }));
    expect(estimate.options.fast).toMatchObject({ maxPriorityFeePerGas: parseGwei('0.1') });
  });

  it('are legacy gas prices on a chain without a base fee', async () => {
    const estimate = await estimateFees(nodeOf({ eth_getBlockByNumber: () => ({ number: '0x1' }), eth_gasPrice: () => gweiHex('20') }));
    expect(estimate.baseFee).toBeUndefined();
    expect(estimate.options).toEqual({
      slow: { type: 'legacy', gasPrice: parseGwei('20') },
      normal: { type: 'legacy', gasPrice: parseGwei('22') },
      fast: { type: 'legacy', gasPrice: parseGwei('25') },
    });
  });
});

const tx = { from: ACCOUNT_0 as `0x${string}`, to: ACCOUNT_1 as `0x${string}`, value: 1n };

describe("the user's fee choice", () => {
  it('is the speed picked, or the preselected normal one when the window sends none', async () => {
    const plan = await planFees(london, tx);
    expect(plan.gas).toBe((21_000n * 5n) / 4n + 25_000n);
    expect(chosenFees(plan, { fee: { speed: 'fast' } })).toEqual(plan.options.fast);
    expect(chosenFees(plan, undefined)).toEqual(plan.options.normal);
  });

  it("keeps the site's fee unless the user picks another, and flags one far above the network's fast fee", async () => {
    const modest = await planFees(london, { ...tx, maxFeePerGas: parseGwei('40'), maxPriorityFeePerGas: parseGwei('2') });
    expect(modest.preselected).toBe('site');
    expect(chosenFees(modest, undefined)).toEqual({ type: 'eip1559', maxFeePerGas: parseGwei('40'), maxPriorityFeePerGas: parseGwei('2') });
    expect(highFeeReason(modest)).toBeUndefined();
    const greedy = await planFees(london, { ...tx, maxFeePerGas: parseGwei('91'), maxPriorityFeePerGas: parseGwei('2') });
    expect(highFeeReason(greedy)).toMatchObject({ code: 'fee-above-network', severity: 'warn', message: expect.stringContaining('91 gwei') });
    expect(chosenFees(greedy, { fee: { speed: 'normal' } })).toEqual(greedy.options.normal);
  });

  it('signs a legacy transaction where the site asks for type 0 on an EIP-1559 chain', async () => {
    const plan = await planFees(london, { ...tx, type: 'legacy' });
    // Next base fee 10 gwei + 12.5% + the normal tip of 2 gwei.
    expect(chosenFees(plan, undefined)).toEqual({ type: 'legacy', gasPrice: parseGwei('13.25') });
    expect(chosenFees(plan, { fee: { speed: 'custom', maxFeeGwei: '15' } })).toEqual({ type: 'legacy', gasPrice: parseGwei('15') });
  });

  it('takes a custom fee in gwei exactly as typed', async () => {
    const plan = await planFees(london, tx);
    expect(chosenFees(plan, { fee: { speed: 'custom', maxFeeGwei: '12.5', priorityFeeGwei: '0.25' } })).toEqual({
      type: 'eip1559',
      maxFeePerGas: parseGwei('12.5'),
      maxPriorityFeePerGas: parseGwei('0.25'),
    });
  });

  it.each([
    ['below the base fee', { maxFeeGwei: '9', priorityFeeGwei: '1' }, /below the network's base fee of 10 gwei/],
    ['absurdly high', { maxFeeGwei: '5000', priorityFeeGwei: '1' }, /over 10x the network's fast fee/],
    ['a tip above the max fee', { maxFeeGwei: '20', priorityFeeGwei: '25' }, /priority fee cannot be above/],
    ['not a number', { maxFeeGwei: '1e9', priorityFeeGwei: '1' }, /in gwei/],
    ['without a tip', { maxFeeGwei: '20' }, /priority fee/],
  ])('refuses a custom fee %s with a clear error', async (_name, custom, message) => {
    const plan = await planFees(london, tx);
    expect(() => chosenFees(plan, { fee: { speed: 'custom', ...custom } })).toThrow(message);
    expect(() => chosenFees(plan, { fee: { speed: 'custom', ...custom } })).toThrow(expect.objectContaining({ code: 'fee.bad_custom' }));
  });

  it('refuses a choice that is not one of the speeds', async () => {
    const plan = await planFees(london, tx);
    expect(() => chosenFees(plan, { fee: { speed: 'free' } })).toThrow(expect.objectContaining({ code: 'fee.bad_custom' }));
    expect(() => chosenFees(plan, { fee: { speed: 'site' } })).toThrow(/set no fee/);
  });
});

describe('replacements (speed up, cancel)', () => {
  it('must raise both caps by at least 10%, rounded up', () => {
    expect(replacementFloor({ type: 'eip1559', maxFeePerGas: 1_000_000_001n, maxPriorityFeePerGas: 100n })).toEqual({
      type: 'eip1559',
      maxFeePerGas: 1_100_000_002n,
      maxPriorityFeePerGas: 110n,
    });
    expect(replacementFloor({ type: 'legacy', gasPrice: 20n })).toEqual({ type: 'legacy', gasPrice: 22n });
  });

  it('offer every speed at least 10% above the old caps and at least the current estimate', async () => {
    const old = { type: 'eip1559' as const, maxFeePerGas: parseGwei('25'), maxPriorityFeePerGas: parseGwei('3') };
    const plan = await planFees(london, tx, replacementFloor(old));
    // Floor: 27.5 / 3.3 gwei. Estimates: slow 13.5/1, normal 22/2, fast 30/5.
    expect(plan.options.slow).toEqual({ type: 'eip1559', maxFeePerGas: parseGwei('27.5'), maxPriorityFeePerGas: parseGwei('3.3') });
    expect(plan.options.fast).toEqual({ type: 'eip1559', maxFeePerGas: parseGwei('30'), maxPriorityFeePerGas: parseGwei('5') });
    expect(plan.site).toBeUndefined();
    expect(() => chosenFees(plan, { fee: { speed: 'custom', maxFeeGwei: '26', priorityFeeGwei: '3.3' } })).toThrow(/at least 27.5 gwei/);
    expect(() => chosenFees(plan, { fee: { speed: 'custom', maxFeeGwei: '28', priorityFeeGwei: '3' } })).toThrow(/tip at least 3.3 gwei/);
  });

  it('repeat the transaction to speed up, and send 0 to oneself to cancel', () => {
    const sent = {
      from: ACCOUNT_0 as `0x${string}`,
      to: ACCOUNT_1 as `0x${string}`,
      value: 5n,
      data: '0xabcd' as const,
      nonce: 7,
      fees: { type: 'legacy' as const, gasPrice: 1n },
    };
    expect(replacementParams(sent, 'speed-up')).toEqual({ from: ACCOUNT_0, to: ACCOUNT_1, value: 5n, data: '0xabcd' });
    expect(replacementParams(sent, 'cancel')).toEqual({ from: ACCOUNT_0, to: ACCOUNT_0, value: 0n, gas: 21_000n });
  });
});
