/**
 * The fee a transaction is signed with, decided in the approval window: the plan made before
 * the window opens (gas limit, slow / normal / fast, the site's own fee), what the window shows
 * of it, and the user's choice parsed back with valibot. What the user picked is what the
 * signer uses; a custom fee below the base fee or far above the network's level is refused.
 */
import * as v from 'valibot';
import { formatUnits, parseUnits } from 'viem';
import type { RpcCall } from '../chains';
import type { ComplianceReason } from '../compliance';
import { WalletError } from '../errors';
import { estimateFees, FEE_SPEEDS, type FeeCaps, type FeeEstimate, type FeeSpeed, gasFor, maxPerGas, siteFees } from './fees';
import type { TransactionParams } from './transaction-params';

export type FeeChoiceName = FeeSpeed | 'site' | 'custom';

export interface FeePlan {
  /** The gas limit shown and signed; undefined when the node could not estimate it (the transaction likely fails). */
  gas?: bigint;
  gasSetBySite: boolean;
  estimate: FeeEstimate;
  /** The fee the site asked for, kept unless the user picks another. */
  site?: FeeCaps;
  /** The speeds, each at least `floor` (a replacement must outbid what it replaces). */
  options: Record<FeeSpeed, FeeCaps>;
  floor?: FeeCaps;
  preselected: FeeSpeed | 'site';
}

/** A site fee this many times the fast estimate is flagged. */
export const HIGH_FEE_FACTOR = 3n;
/** A custom fee above this many times the fast estimate is refused as a typo. */
export const ABSURD_FEE_FACTOR = 10n;

const bigMax = (a: bigint, b: bigint) => (a > b ? a : b);

const raised = (caps: FeeCaps, floor: FeeCaps | undefined): FeeCaps => {
  if (!floor) return caps;
  if (caps.type === 'legacy' || floor.type === 'legacy') {
    const price = bigMax(maxPerGas(caps), maxPerGas(floor));
    return floor.type === 'legacy' ? { type: 'legacy', gasPrice: price } : { ...floor, maxFeePerGas: price };
  }
  const tip = bigMax(caps.maxPriorityFeePerGas, floor.maxPriorityFeePerGas);
  return { type: 'eip1559', maxFeePerGas: bigMax(bigMax(caps.maxFeePerGas, floor.maxFeePerGas), tip), maxPriorityFeePerGas: tip };
};

/**
 * A site that asks for a legacy (type 0) transaction on an EIP-1559 chain gets one: its gas
 * price is paid in full, so it is the next base fee with one block of growth (12.5%) plus the tip.
 */
function asAsked(tx: TransactionParams, estimate: FeeEstimate, caps: FeeCaps): FeeCaps {
  if (tx.type !== 'legacy' || caps.type === 'legacy' || estimate.baseFee === undefined) return caps;
  return { type: 'legacy', gasPrice: (estimate.baseFee * 9n) / 8n + caps.maxPriorityFeePerGas };
}

/** Gas and fees for `tx`, read from the node before anything is shown. */
export async function planFees(rpc: RpcCall, tx: TransactionParams, floor?: FeeCaps): Promise<FeePlan> {
  const [estimate, gas] = await Promise.all([estimateFees(rpc), gasFor(rpc, tx).catch(() => undefined)]);
  const site = floor ? undefined : siteFees(tx, estimate);
  const options = Object.fromEntries(FEE_SPEEDS.map((s) => [s, raised(asAsked(tx, estimate, estimate.options[s]), floor)])) as Record<
    FeeSpeed,
    FeeCaps
  >;
  return { gas, gasSetBySite: !floor && tx.gas !== undefined, estimate, site, options, floor, preselected: site ? 'site' : 'normal' };
}

const gwei = (wei: bigint) => formatUnits(wei, 9);

export interface FeeOptionView {
  choice: FeeSpeed | 'site';
  /** Max fee per gas (legacy: the gas price), in gwei. */
  maxFeeGwei: string;
  priorityFeeGwei?: string;
  /** Gas limit x max fee, in the native token; undefined without a gas limit. */
  maxCost?: string;
}

export interface FeeView {
  type: FeeCaps['type'];
  nativeSymbol: string;
  gasLimit?: string;
  gasSetBySite: boolean;
  baseFeeGwei?: string;
  options: FeeOptionView[];
  preselected: FeeSpeed | 'site';
  /** Why no value in USD is shown. */
  usdNote: string;
  /** The least a replacement may pay, in gwei. */
  floor?: { maxFeeGwei: string; priorityFeeGwei?: string };
}

export function describeFees(plan: FeePlan, nativeSymbol: string): FeeView {
  const option = (choice: FeeSpeed | 'site', caps: FeeCaps): FeeOptionView => ({
    choice,
    maxFeeGwei: gwei(maxPerGas(caps)),
    ...(caps.type === 'eip1559' ? { priorityFeeGwei: gwei(caps.maxPriorityFeePerGas) } : {}),
    ...(plan.gas !== undefined ? { maxCost: formatUnits(plan.gas * maxPerGas(caps), 18) } : {}),
  });
  return {
    type: plan.options.normal.type,
    nativeSymbol,
    ...(plan.gas !== undefined ? { gasLimit: plan.gas.toString() } : {}),
    gasSetBySite: plan.gasSetBySite,
    ...(plan.estimate.baseFee !== undefined ? { baseFeeGwei: gwei(plan.estimate.baseFee) } : {}),
    options: [...(plan.site ? [option('site', plan.site)] : []), ...FEE_SPEEDS.map((s) => option(s, plan.options[s]))],
    preselected: plan.preselected,
    usdNote: `Sharekeep has no ${nativeSymbol} price for this network, so the cost is shown in ${nativeSymbol} only.`,
    ...(plan.floor
      ? {
          floor: {
            maxFeeGwei: gwei(maxPerGas(plan.floor)),
            ...(plan.floor.type === 'eip1559' ? { priorityFeeGwei: gwei(plan.floor.maxPriorityFeePerGas) } : {}),
          },
        }
      : {}),
  };
}

/** A site fee far above what the network asks now: the verdict warns. */
export function highFeeReason(plan: FeePlan): ComplianceReason | undefined {
  if (!plan.site) return undefined;
  const fast = maxPerGas(plan.options.fast);
  if (maxPerGas(plan.site) <= fast * HIGH_FEE_FACTOR) return undefined;
  return {
    code: 'fee-above-network',
    severity: 'warn',
    message: `The site set a max fee of ${gwei(maxPerGas(plan.site))} gwei, over ${HIGH_FEE_FACTOR}x the network's fast fee (${gwei(fast)} gwei). Pick a speed below to pay the usual fee.`,
  };
}

const GWEI_TEXT = /^\d{1,12}(\.\d{1,9})?$/;
const gweiText = v.pipe(v.string(), v.trim(), v.regex(GWEI_TEXT, 'Enter the fee in gwei, e.g. 1.5.'));

/** What the approval window sends back with an approved transaction. */
export const FeeChoiceSchema = v.variant('speed', [
  v.object({ speed: v.picklist([...FEE_SPEEDS, 'site']) }),
  v.object({ speed: v.literal('custom'), maxFeeGwei: gweiText, priorityFeeGwei: v.optional(gweiText) }),
]);
const DecisionSchema = v.object({ fee: v.optional(FeeChoiceSchema) });

const refuse = (message: string) => new WalletError('fee.bad_custom', message);

function customCaps(plan: FeePlan, maxFeeGwei: string, priorityFeeGwei: string | undefined): FeeCaps {
  const max = parseUnits(maxFeeGwei, 9);
  const fast = maxPerGas(plan.options.fast);
  if (max === 0n) throw refuse('A max fee of 0 would never be mined.');
  if (max > fast * ABSURD_FEE_FACTOR)
    throw refuse(`${maxFeeGwei} gwei is over ${ABSURD_FEE_FACTOR}x the network's fast fee (${gwei(fast)} gwei). Check the number.`);
  const { baseFee } = plan.estimate;
  if (baseFee !== undefined && max < baseFee)
    throw refuse(`${maxFeeGwei} gwei is below the network's base fee of ${gwei(baseFee)} gwei: the transaction would not be mined.`);
  const floor = plan.floor;
  if (floor && max < maxPerGas(floor))
    throw refuse(`A replacement must pay at least ${gwei(maxPerGas(floor))} gwei, 10% above the transaction it replaces.`);
  if (plan.options.normal.type === 'legacy') return { type: 'legacy', gasPrice: max };
  const tip = priorityFeeGwei === undefined ? undefined : parseUnits(priorityFeeGwei, 9);
  if (tip === undefined) throw refuse('Enter a priority fee.');
  if (tip > max) throw refuse('The priority fee cannot be above the max fee.');
  if (floor?.type === 'eip1559' && tip < floor.maxPriorityFeePerGas)
    throw refuse(`A replacement must tip at least ${gwei(floor.maxPriorityFeePerGas)} gwei, 10% above the transaction it replaces.`);
  return { type: 'eip1559', maxFeePerGas: max, maxPriorityFeePerGas: tip };
}

/**
 * The caps the user chose in the window, from the decision's data (no fee: what was
 * preselected). Throws a WalletError the window shows; the request stays pending.
 */
export function chosenFees(plan: FeePlan, data: unknown): FeeCaps {
  const parsed = v.safeParse(DecisionSchema, data ?? {});
  if (!parsed.success) throw refuse(parsed.issues[0].message.startsWith('Enter') ? parsed.issues[0].message : 'That fee choice is not valid.');
  const choice = parsed.output.fee ?? { speed: plan.preselected };
  if (choice.speed === 'custom') return customCaps(plan, choice.maxFeeGwei, choice.priorityFeeGwei);
  if (choice.speed === 'site') {
    if (!plan.site) throw refuse('The site set no fee for this transaction.');
    return plan.site;
  }
  return plan.options[choice.speed];
}
