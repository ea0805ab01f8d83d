/**
 * The rule for sending a step of an approved plan without a window: the transaction about to be
 * signed must be the one the user approved, on the network and from the account it was approved
 * for, to the same contract, with the same value and call (for an allowance: the same spender and
 * amount), and it must fit the gas limit and fee cap approved. Anything else is a difference:
 * the flow stops and a new plan approval is asked for.
 */
import { type Address, decodeFunctionData, erc20Abi, formatUnits, type Hex, isAddressEqual } from 'viem';
import type { FeeCaps } from './fees';
import { maxPerGas } from './fees';

/** One transaction as the user approved it in the plan window. */
export interface PlannedStep {
  to: Address;
  data: Hex;
  value: bigint;
  /** The gas limit signed. */
  gas: bigint;
  /** The fee caps signed (the speed the user picked for the whole plan). */
  fees: FeeCaps;
}

export interface PlanBinding {
  chainId: number;
  account: Address;
  steps: readonly PlannedStep[];
}

/** The transaction about to be sent as step `index`, and what the network asks now. */
export interface StepAtSend {
  index: number;
  chainId: number;
  from: Address;
  to: Address;
  data: Hex;
  value: bigint;
  /** The node's gas estimate now; undefined when it says the transaction would fail. */
  gasNeeded?: bigint;
  /** The base fee of the next block, where the chain has one. */
  baseFee?: bigint;
}

const gwei = (wei: bigint) => formatUnits(wei, 9);

function allowanceOf(data: Hex): { spender: Address; amount: bigint } | undefined {
  try {
    const call = decodeFunctionData({ abi: erc20Abi, data });
    return call.functionName === 'approve' ? { spender: call.args[0], amount: call.args[1] } : undefined;
  } catch {
    return undefined;
  }
}

function callDifference(approved: Hex, now: Hex): string | undefined {
  if (approved.toLowerCase() === now.toLowerCase()) return undefined;
  const [before, after] = [allowanceOf(approved), allowanceOf(now)];
  if (before && after) {
    if (!isAddressEqual(before.spender, after.spender)) return `the allowance now goes to ${after.spender}, not ${before.spender}`;
    return `the allowance is now ${after.amount} base units, not the ${before.amount} approved`;
  }
  if (before || after) return after ? 'it now asks for an allowance the plan did not list' : 'it no longer is the allowance approved';
  return 'its call (function or amounts) is not the one approved';
}

/** Why `now` is not the approved step, in words; undefined when it is exactly that step. */
export function planDifference(plan: PlanBinding, now: StepAtSend): string | undefined {
  const step = plan.steps[now.index];
  if (!step) return `the plan you approved has ${plan.steps.length} step${plan.steps.length === 1 ? '' : 's'}; this would be one more`;
  if (now.chainId !== plan.chainId) return `it would go to network ${now.chainId}, but the plan was approved on network ${plan.chainId}`;
  if (!isAddressEqual(now.from, plan.account)) return `it would be sent from ${now.from}, not the account ${plan.account} approved`;
  if (!isAddressEqual(now.to, step.to)) return `it would call ${now.to}, not the contract ${step.to} approved`;
  if (now.value !== step.value)
    return `it would send ${formatUnits(now.value, 18)} of the network's coin, not the ${formatUnits(step.value, 18)} approved`;
  const call = callDifference(step.data, now.data);
  if (call) return call;
  if (now.gasNeeded === undefined) return 'the network now says it would fail';
  if (now.gasNeeded > step.gas) return `it now needs ${now.gasNeeded} gas, more than the ${step.gas} approved`;
  const cap = maxPerGas(step.fees);
  if (now.baseFee !== undefined && now.baseFee > cap) {
    return `the network fee is now ${gwei(now.baseFee)} gwei, above the cap of ${gwei(cap)} gwei you approved`;
  }
  return undefined;
}
