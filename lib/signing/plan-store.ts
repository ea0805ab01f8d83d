/**
 * Approved plans, kept in storage.local by the signing road itself (not by whoever asked for
 * them), so a worker restart can finish a plan without asking again, and so no step is sent
 * twice: a step's hash is written before the node sees the transaction, and a step that has one
 * is never signed again.
 */
import * as v from 'valibot';
import type { Address, Hex } from 'viem';
import { type KeyValueStore, readStored, validItems } from '../ports';
import type { FeeCaps } from './fees';
import type { PlannedStep } from './plan-rule';

const KEY = 'signing.plans';
const MAX_PLANS = 20;

export interface ApprovedPlan {
  id: string;
  /** The site (here: the issuer) the plan window named. */
  origin: string;
  chainId: number;
  account: Address;
  approvedAt: number;
  steps: (PlannedStep & { hash?: Hex; nonce?: number })[];
}

const hex = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]*$/));
const wei = v.pipe(
  v.string(),
  v.regex(/^\d{1,78}$/),
  v.transform((s) => BigInt(s)),
);
const Fees = v.variant('type', [
  v.object({ type: v.literal('eip1559'), maxFeePerGas: wei, maxPriorityFeePerGas: wei }),
  v.object({ type: v.literal('legacy'), gasPrice: wei }),
]);
const StepSchema = v.object({
  to: hex,
  data: hex,
  value: wei,
  gas: wei,
  fees: Fees,
  hash: v.optional(hex),
  nonce: v.optional(v.number()),
});
const PlanSchema = v.object({
  id: v.pipe(v.string(), v.maxLength(64)),
  origin: v.pipe(v.string(), v.maxLength(300)),
  chainId: v.number(),
  account: hex,
  approvedAt: v.number(),
  steps: v.pipe(v.array(StepSchema), v.maxLength(8)),
});
const STORED = {
  schema: v.array(PlanSchema) as unknown as v.GenericSchema<unknown, ApprovedPlan[]>,
  fallback: (): ApprovedPlan[] => [],
  salvage: validItems(PlanSchema as unknown as v.GenericSchema<unknown, ApprovedPlan>),
};

const feesOut = (fees: FeeCaps) =>
  fees.type === 'legacy'
    ? { type: fees.type, gasPrice: fees.gasPrice.toString() }
    : { type: fees.type, maxFeePerGas: fees.maxFeePerGas.toString(), maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString() };
const toStored = (plan: ApprovedPlan) => ({
  ...plan,
  steps: plan.steps.map((s) => ({ ...s, value: s.value.toString(), gas: s.gas.toString(), fees: feesOut(s.fees) })),
});

export interface PlanStore {
  add(plan: ApprovedPlan): Promise<void>;
  find(id: string): Promise<ApprovedPlan | undefined>;
  /** Notes the hash of step `index` (or forgets it: the node refused the transaction, so it was never sent). */
  markSent(id: string, index: number, sent: { hash: Hex; nonce: number } | undefined): Promise<void>;
}

export function createPlanStore(store: KeyValueStore): PlanStore {
  const load = () => readStored(store, KEY, STORED);
  const save = (plans: ApprovedPlan[]) => store.set({ [KEY]: plans.slice(-MAX_PLANS).map(toStored) });
  return {
    async add(plan) {
      await save([...(await load()).filter((p) => p.id !== plan.id), plan]);
    },
    async find(id) {
      return (await load()).find((p) => p.id === id);
    },
    async markSent(id, index, sent) {
      const plans = await load();
      const step = plans.find((p) => p.id === id)?.steps[index];
      if (!step) return;
      if (sent) Object.assign(step, sent);
      else {
        delete step.hash;
        delete step.nonce;
      }
      await save(plans);
    },
  };
}
