// The rule that lets a step of an approved plan be sent without a window: it must be exactly the
// step approved; anything else stops the plan with what differs, in words.
import { type Address, encodeFunctionData, erc20Abi, parseGwei } from 'viem';
import { describe, expect, it } from 'vitest';
import { type PlanBinding, planDifference, type StepAtSend } from '../../../lib/signing';

const USER: Address = '0x00000000000000000000000000000000000000a1';
const OTHER: Address = '0x00000000000000000000000000000000000000b2';
const USDC: Address = '0x00000000000000000000000000000000000000c3';
const MANAGER: Address = '0x00000000000000000000000000000000000000d4';
const ROUTER: Address = '0x00000000000000000000000000000000000000e5';
const approve = (spender: Address, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amount] });
const transfer = (to: Address, amount: bigint) => encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, amount] });
const MINT = '0x12345678000000000000000000000000000000000000000000000000000000000000002a' as const;

const fees = { type: 'eip1559', maxFeePerGas: parseGwei('20'), maxPriorityFeePerGas: parseGwei('1') } as const;
const plan: PlanBinding = {
  chainId: 31337,
  account: USER,
  steps: [
    { to: USDC, data: approve(MANAGER, 50_000_000n), value: 0n, gas: 80_000n, fees },
    { to: MANAGER, data: MINT, value: 0n, gas: 200_000n, fees },
  ],
};
const asApproved = (index: number): StepAtSend => ({
  index,
  chainId: 31337,
  from: USER,
  to: plan.steps[index].to,
  data: plan.steps[index].data,
  value: 0n,
  gasNeeded: plan.steps[index].gas - 30_000n,
  baseFee: parseGwei('10'),
});

describe('a step sent without a window is the step approved, or nothing is sent', () => {
  it.each([0, 1])('step %i exactly as approved is sent', (index) => {
    expect(planDifference(plan, asApproved(index))).toBeUndefined();
  });

  it('an address in other letter case is the same contract', () => {
    expect(planDifference(plan, { ...asApproved(1), to: MANAGER.toUpperCase().replace('0X', '0x') as Address })).toBeUndefined();
  });

  it.each<[string, Partial<StepAtSend> & { index?: number }, RegExp]>([
    ['a step the plan does not have', { index: 2 }, /has 2 steps; this would be one more/],
    ['another network', { chainId: 1 }, /network 1, but the plan was approved on network 31337/],
    ['another account', { from: OTHER }, /sent from 0x0+b2, not the account/],
    ['another contract', { index: 1, to: ROUTER, data: MINT }, /call 0x0+e5, not the contract 0x0+d4 approved/],
    ['a value the plan did not have', { index: 1, value: 1n }, /send 0\.000000000000000001 of the network's coin, not the 0 approved/],
    ['a bigger allowance', { data: approve(MANAGER, 60_000_000n) }, /allowance is now 60000000 base units, not the 50000000 approved/],
    ['an allowance to another spender', { data: approve(ROUTER, 50_000_000n) }, /allowance now goes to 0x0+e5, not 0x0+d4/i],
    ['an allowance the plan did not list', { index: 1, to: MANAGER, data: approve(MANAGER, 1n) }, /asks for an allowance the plan did not list/],
    ['a transfer where the allowance was', { data: transfer(MANAGER, 50_000_000n) }, /no longer is the allowance approved/],
    [
      'another amount in the issuer call',
      { index: 1, data: `${MINT.slice(0, -2)}2b` as `0x${string}` },
      /call \(function or amounts\) is not the one approved/,
    ],
    ['a step the node says would fail', { gasNeeded: undefined }, /network now says it would fail/],
    ['more gas than approved', { index: 1, gasNeeded: 200_001n }, /needs 200001 gas, more than the 200000 approved/],
    ['a base fee above the approved cap', { baseFee: parseGwei('21') }, /network fee is now 21 gwei, above the cap of 20 gwei you approved/],
  ])('%s stops the plan', (_name, change, why) => {
    const index = change.index ?? 0;
    const base = asApproved(Math.min(index, plan.steps.length - 1));
    expect(planDifference(plan, { ...base, ...change, index })).toMatch(why);
  });

  it('a legacy fee is capped by its gas price', () => {
    const legacy: PlanBinding = { ...plan, steps: plan.steps.map((s) => ({ ...s, fees: { type: 'legacy', gasPrice: parseGwei('5') } })) };
    expect(planDifference(legacy, { ...asApproved(0), baseFee: parseGwei('5') })).toBeUndefined();
    expect(planDifference(legacy, { ...asApproved(0), baseFee: parseGwei('6') })).toMatch(/above the cap of 5 gwei/);
  });
});
