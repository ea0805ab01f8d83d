/**
 * Every request that signs something: request -> intent -> simulation -> compliance -> fees ->
 * approval (with the fee the user picked) -> keyring -> broadcast, one named function per step.
 * A blocked request can be looked at but never signed, whichever path it came by.
 */
import type { Hex } from 'viem';
import type { SigningDeps } from './deps';
import { createNonceManager } from './nonces';
import { createPlans, type PlanProposal, type PlanStepProposal } from './plan';
import { personalSign } from './personal-sign';
import { replacePending, type ReplacementKind } from './replace';
import type { ActivityEntry } from '../state';
import type { TransactionParams } from './transaction-params';
import { sendTransaction, submitOwnTransaction } from './transaction';
import { signTypedData } from './typed-data';

export type { SigningDeps } from './deps';
export { chosenFees, describeFees, type FeePlan, type FeeView, highFeeReason, planFees } from './fee-choice';
export { estimateFees, type FeeCaps, type FeeEstimate, type FeeSpeed, gasFor } from './fees';
export { REPLACEMENT_BUMP_PERCENT, replacementFloor, replacementParams, type ReplacementKind } from './replace';
export { createNonceManager, type NonceManager } from './nonces';
export { contactLabel, contactNameProblem, contractLabels, type LabelDeps } from './labels';
export type { HardwareSignView } from './hardware';
export { messageText } from './personal-sign';
export { prepareTransaction } from './transaction';
export { parseTransactionParams, type TransactionParams } from './transaction-params';
export type { SigningView } from './view';
export { unacknowledgedFate } from './broadcast';
export { PLAN_CHANGED, PLAN_STEP_NOT_SENT, type PlanProposal, type PlanStepProposal, type PlanStepView, type PlanView } from './plan';
export { type PlanBinding, type PlannedStep, planDifference, type StepAtSend } from './plan-rule';

/** The pipeline's face to the wallet's method table and commands. */
export interface Signing {
  personalSign(origin: string, params: unknown[]): Promise<Hex>;
  signTypedData(origin: string, params: unknown[], version: 'V3' | 'V4'): Promise<Hex>;
  sendTransaction(origin: string, params: unknown[]): Promise<Hex>;
  /** The wallet's own transactions (send form, mint, redeem) take the same road as a site's. */
  submit(origin: string, tx: TransactionParams): Promise<Hex>;
  /** Speed up or cancel an activity entry's pending transaction (same nonce, higher fees), approved like any other. */
  replace(origin: string, entry: ActivityEntry, kind: ReplacementKind): Promise<Hex>;
  /** Several of the wallet's own transactions in one `issuer-request` window; resolves with the approved plan's id. */
  approvePlan(origin: string, proposal: PlanProposal): Promise<string>;
  /** Sends step `index` of an approved plan without a window, if it is exactly that step (else `plan.changed`); never twice. */
  sendPlanStep(planId: string, index: number, tx: PlanStepProposal['tx']): Promise<Hex>;
}

export function createSigning(deps: SigningDeps): Signing {
  const nonces = createNonceManager(deps.local);
  const plans = createPlans(deps, nonces);
  return {
    approvePlan: (origin, proposal) => plans.approve(origin, proposal),
    sendPlanStep: (planId, index, tx) => plans.send(planId, index, tx),
    personalSign: (origin, params) => personalSign(deps, origin, params),
    signTypedData: (origin, params, version) => signTypedData(deps, origin, params, version),
    sendTransaction: (origin, params) => sendTransaction(deps, nonces, origin, params),
    submit: (origin, tx) => submitOwnTransaction(deps, nonces, origin, tx),
    replace: (origin, entry, kind) => replacePending(deps, nonces, origin, entry, kind),
  };
}
