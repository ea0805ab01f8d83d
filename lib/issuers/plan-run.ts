/**
 * Running an approved plan: its steps sent in order through the signing road without windows,
 * each allowance mined before the call that spends it. Every hash is stored with the request, and
 * the signing road never sends a step twice, so a restarted worker runs the same plan again and
 * only what was not sent goes out. A step that is no longer the one approved (another contract,
 * amount or allowance, or a fee above the approved cap) stops the plan: the user is asked again
 * with a new plan, once; a second difference fails the request.
 */
import { allowanceNeed } from './allowance';
import { erc20Abi } from './abis';
import type { ChainReader, ChainReceipt } from './chain';
import { issuerError } from './errors';
import { type IssuerPlan, planFor } from './plan';
import type { IssuerServiceDeps } from './service-types';
import type { IssuerRequest } from './view';
import type { Hex } from 'viem';

/** The code the signing road stops a plan with when a step differs from the one approved. */
const PLAN_CHANGED = 'plan.changed';
/** Receipt polls (every 500 ms) before a step counts as not mined in time. */
const RECEIPT_ATTEMPTS = 120;

export interface PlanRunner {
  /** Asks the user to approve the request's plan (one window) and records it; nothing is sent yet. */
  approve(request: IssuerRequest, changed?: string): Promise<void>;
  /** Sends what is left of the approved plan; resolves once the issuer call is sent. */
  run(request: IssuerRequest): Promise<void>;
}

export function createPlanRunner(
  deps: Pick<IssuerServiceDeps, 'approvePlan' | 'sendStep'>,
  chain: ChainReader,
  persist: () => Promise<void>,
  sleep: (ms: number) => Promise<void>,
  /** Checks made again before the issuer call goes out (the quote's expiry). */
  beforeCall: (request: IssuerRequest) => Promise<void>,
): PlanRunner {
  async function approve(request: IssuerRequest, changed?: string) {
    const plan: IssuerPlan = await planFor(chain, request, changed);
    // Steps already sent under an earlier plan stay; the new plan lists only what is left.
    const done = request.plan?.steps.filter((s) => s.hash) ?? [];
    const left = plan.steps.filter((s) => !done.some((d) => d.kind === s.kind));
    request.note = `Review the plan (${left.length} step${left.length === 1 ? '' : 's'}) in the Sharekeep window.`;
    const id = await deps.approvePlan(request.origin, { ...plan, steps: left });
    request.plan = {
      id,
      ...(changed ? { replanned: true, first: done.length } : {}),
      steps: [...done, ...left.map((s) => ({ kind: s.kind, to: s.tx.to, data: s.tx.data }))],
    };
    request.status = 'sending';
    await persist();
  }

  /** The allowance the request's issuer call needs is already on chain. */
  async function allowanceCovered(request: IssuerRequest): Promise<boolean> {
    const need = allowanceNeed(request);
    return ((await chain.read(need.token, erc20Abi, 'allowance', [request.user, need.spender])) as bigint) >= need.amount;
  }

  /**
   * Waits for a step's receipt. An allowance step the user sped up or cancelled in Activity has a
   * replacement with the same nonce, so its own hash never gets a receipt: once the node no longer
   * knows the hash, the chain says which it was. The allowance given (a speed-up repeats the same
   * approve) is the same step done; no allowance means it was cancelled, and the plan stops.
   */
  async function stepMined(request: IssuerRequest, kind: string, hash: Hex): Promise<ChainReceipt | null | 'covered'> {
    for (let i = 0; i < RECEIPT_ATTEMPTS; i++) {
      const receipt = await chain.receipt(hash);
      if (receipt) return receipt;
      if (kind === 'allowance' && !(await chain.known(hash))) {
        if (await allowanceCovered(request)) return 'covered';
        const what = request.quote.side === 'mint' ? 'mint' : 'redemption';
        throw issuerError(
          'issuer.allowance_cancelled',
          `The allowance transaction was cancelled or replaced before it gave ${request.issuer.name} the allowance, so the ${what} was not sent and nothing more will be. Ask for a new quote to try again.`,
        );
      }
      await sleep(500);
    }
    return null;
  }

  async function sendLeft(request: IssuerRequest) {
    const plan = request.plan!;
    // The signing road's plan lists only the steps it approved: those after the ones sent before it.
    const first = plan.first ?? 0;
    for (const [i, step] of plan.steps.entries()) {
      if (step.mined) continue;
      const last = i === plan.steps.length - 1;
      if (last && !step.hash) await beforeCall(request);
      request.note = last ? 'Sending the request to the issuer.' : 'Sending the allowance; the request follows once it is mined.';
      const hash = step.hash ?? (await deps.sendStep(plan.id, i - first, { from: request.user, to: step.to, data: step.data, value: 0n }));
      if (!step.hash) {
        step.hash = hash;
        if (!request.hashes.includes(hash)) request.hashes.push(hash);
        await persist();
      }
      if (last) break;
      const receipt = await stepMined(request, step.kind, hash);
      if (receipt === 'covered') {
        // Sped up in Activity: another transaction with the same nonce gave the same allowance.
        step.mined = true;
        await persist();
        continue;
      }
      if (!receipt?.success) {
        const [symbol, what] = request.quote.side === 'mint' ? [request.payment.symbol, 'mint'] : [request.token.symbol, 'redemption'];
        throw issuerError(
          'issuer.failed',
          `The ${symbol} approval ${receipt ? 'failed on chain' : 'was not mined in time'}; the ${what} was not sent.`,
        );
      }
      step.mined = true;
      await persist();
    }
  }

  return {
    approve,
    async run(request) {
      for (;;) {
        try {
          await sendLeft(request);
          break;
        } catch (err) {
          if ((err as { code?: unknown }).code !== PLAN_CHANGED) throw err;
          const why = (err as Error).message;
          if (request.plan?.replanned) throw issuerError('issuer.plan_changed', `${why} You were asked again once already; ask for a new quote.`);
          // Asked again: a new plan from the chain as it is now, in a new window that says why.
          await approve(request, why);
        }
      }
      request.status = 'submitted';
      request.note = 'Sent; waiting for it to settle on chain.';
      await persist();
    },
  };
}
