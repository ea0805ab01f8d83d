/**
 * A plan: several transactions the wallet itself sends one after another (an allowance, then the
 * issuer call that spends it), shown in ONE approval window that names the site, each step
 * decoded, dry-run after the steps before it and judged by the guard, with the network fee of the
 * whole plan. Once approved, the steps are signed and sent without further windows, each only if
 * it is exactly the step approved (plan-rule.ts), on the network the plan was approved on, and
 * judged again by the guard at send time. The plan is kept in storage.local (plan-store.ts), so a
 * restarted worker can finish it and never sends a step twice.
 */
import type { Address, Hex, TransactionSerializable } from 'viem';
import type { Network } from '../chains';
import { type ComplianceResult, verdictOf } from '../compliance';
import { NodeRpcError, WalletError, rpcErrors } from '../errors';
import { simulateSequence } from '../intent';
import { approveSigning } from './approve';
import { broadcast, requireChain, unacknowledgedFate } from './broadcast';
import type { SigningDeps } from './deps';
import { chosenFees, describeFees, type FeePlan, type FeeView } from './fee-choice';
import { estimateFees } from './fees';
import { signAs } from './hardware';
import { contractLabels } from './labels';
import type { NonceManager } from './nonces';
import { planDifference } from './plan-rule';
import { type ApprovedPlan, createPlanStore, type PlanStore } from './plan-store';
import { listSent, prepareTransaction } from './transaction';
import type { SigningView } from './view';

export interface PlanStepProposal {
  tx: { from: Address; to: Address; data: Hex; value: bigint };
  /** What the step is to the asker: `allowance`, `order`, `deposit`... */
  kind: string;
  /** The step in the asker's words; the window shows the wallet's own decoding beside it. */
  title: string;
  /** Where the funds are once the step is mined. */
  funds: string;
}

export interface PlanProposal {
  chainId: number;
  account: Address;
  title: string;
  /** What the asker shows beside the steps (an issuer's payout, fee, deadline, price check): plain JSON. */
  details: unknown;
  steps: PlanStepProposal[];
}

export interface PlanStepView {
  index: number;
  kind: string;
  title: string;
  funds: string;
  to: string;
  /** The wallet's own decoding of the step, its dry run (after the steps before it) and its verdict. */
  summary: string;
  approvals: SigningView['approvals'];
  changes: SigningView['changes'];
  simulation: SigningView['simulation'];
  verdict: ComplianceResult;
  gasLimit: string;
  /** Where its token transfers deliver (a deposit address, say). */
  sentTo?: string[];
}

/** What the `issuer-request` window shows: every step, the verdict of the whole plan and its network fee. */
export interface PlanView {
  account: string;
  chainId: number;
  chainName: string;
  title: string;
  details: unknown;
  steps: PlanStepView[];
  verdict: ComplianceResult;
  fee: FeeView;
  labels: Record<string, string>;
}

/** The code of the error that stops a plan whose next step is not the one approved. */
export const PLAN_CHANGED = 'plan.changed';
/** The code of the error that stops a plan whose step an earlier worker was sending when it stopped, and the node never got. */
export const PLAN_STEP_NOT_SENT = 'plan.not_sent';

/** The gas limit of a step the node cannot estimate alone (it spends an allowance an earlier step gives): its dry run's gas, with room. */
const withRoom = (gasUsed: bigint) => (gasUsed * 5n) / 4n + 25_000n;

/** The verdict of a plan: every step's reasons, judged by the one rule (lib/compliance). */
function planVerdict(verdicts: readonly ComplianceResult[]): ComplianceResult {
  const reasons = verdicts.flatMap((v, i) => v.reasons.map((r) => ({ ...r, message: `Step ${i + 1}: ${r.message}` })));
  return { verdict: verdictOf(reasons), reasons };
}

export function createPlans(deps: SigningDeps, nonces: NonceManager, store: PlanStore = createPlanStore(deps.local)) {
  let counter = 0;

  async function networkFor(chainId: number): Promise<Network> {
    const network = await deps.activeNetwork();
    if (network.chainId !== chainId) {
      throw rpcErrors.invalidParams(`The plan is for network ${chainId} but the active network is ${network.chainId}; nothing was sent.`);
    }
    await requireChain(deps, network);
    return network;
  }

  async function prepareSteps(network: Network, proposal: PlanProposal) {
    const txs = proposal.steps.map((s) => ({ ...s.tx, from: proposal.account }));
    const runs = await simulateSequence(deps.rpcFor(network), txs);
    const prepared = [];
    for (const [i, tx] of txs.entries()) {
      const step = await prepareTransaction(deps, network, tx, undefined, runs[i]);
      const run = runs[i];
      const gas = step.fees.gas ?? (run.ok ? withRoom(run.gasUsed) : undefined);
      if (gas === undefined) throw rpcErrors.invalidParams(`Step ${i + 1} of the plan would fail on chain; nothing was sent.`);
      prepared.push({ ...step, gas });
    }
    return prepared;
  }

  /**
   * Whether the step sent as `hash` never reached the node: an earlier worker listed it in Activity
   * and stopped before the node took it. It was never sent and is never sent again, so the plan
   * cannot go on (a step after it would spend an allowance that was never given).
   */
  async function neverReached(plan: ApprovedPlan, hash: Hex): Promise<boolean> {
    if (deps.activity.sending(hash)) return false;
    const entry = (await deps.activity.list()).find((e) => e.hash === hash);
    if (entry?.status === 'dropped') return true;
    if (!entry?.unacknowledged || entry.status !== 'pending') return false;
    const network = await deps.activeNetwork();
    return network.chainId === plan.chainId && (await unacknowledgedFate(deps.rpcFor(network), hash)) === 'never';
  }

  return {
    /** Shows the plan in one `issuer-request` window; resolves with the approved plan's id once the user approves. */
    async approve(origin: string, proposal: PlanProposal): Promise<string> {
      await deps.ready();
      const account = await deps.ownAccount(proposal.account);
      const network = await networkFor(proposal.chainId);
      const prepared = await prepareSteps(network, { ...proposal, account });
      // One speed for the whole plan: the caps per gas of the first step's estimate, over the plan's total gas.
      const totalGas = prepared.reduce((sum, p) => sum + p.gas, 0n);
      const feePlan: FeePlan = { ...prepared[0].fees, gas: totalGas, gasSetBySite: false, site: undefined, preselected: 'normal' };
      const nativeSymbol = network.nativeCurrency.symbol;
      const labels = await contractLabels(deps, network.chainId, [
        ...prepared.flatMap((p) => [p.tx.to, ...p.view.approvals.map((a) => a.spender), ...(p.view.transaction?.sentTo ?? [])]),
      ]);
      const view: PlanView = {
        account,
        chainId: network.chainId,
        chainName: network.name,
        title: proposal.title,
        details: proposal.details,
        steps: prepared.map((p, index) => ({
          index,
          kind: proposal.steps[index].kind,
          title: proposal.steps[index].title,
          funds: proposal.steps[index].funds,
          to: p.tx.to as string,
          summary: p.view.summary,
          approvals: p.view.approvals,
          changes: p.view.changes,
          simulation: p.view.simulation,
          verdict: p.view.verdict,
          gasLimit: p.gas.toString(),
          ...(p.view.transaction?.sentTo ? { sentTo: p.view.transaction.sentTo } : {}),
        })),
        verdict: planVerdict(prepared.map((p) => p.view.verdict)),
        fee: describeFees(feePlan, nativeSymbol),
        labels,
      };
      const fees = await approveSigning(
        deps,
        origin,
        'issuer-request',
        view,
        () => deps.ownAccount(account),
        (data) => chosenFees(feePlan, data),
      );
      const plan: ApprovedPlan = {
        id: `${deps.clock.now().toString(36)}-${(counter++).toString(36)}`,
        origin,
        chainId: network.chainId,
        account,
        approvedAt: deps.clock.now(),
        steps: prepared.map((p) => ({ to: p.tx.to as Address, data: (p.tx.data ?? '0x') as Hex, value: p.tx.value, gas: p.gas, fees })),
      };
      await store.add(plan);
      return plan.id;
    },

    /**
     * Sends step `index` of the approved plan `id` without a window, if `tx` is that step exactly;
     * a step already sent is not sent again (its hash is answered; one that never reached the node
     * throws `plan.not_sent`). Throws `plan.changed` with what differs otherwise: nothing is sent.
     */
    async send(id: string, index: number, tx: PlanStepProposal['tx']): Promise<Hex> {
      // A restarted worker's first call may be this one (it finishes a plan): the vault key is picked up from the session first.
      await deps.ready();
      const plan = await store.find(id);
      if (!plan) throw new WalletError(PLAN_CHANGED, 'The plan you approved is no longer known to Sharekeep; nothing more was sent.');
      const step = plan.steps[index];
      if (step?.hash) {
        if (await neverReached(plan, step.hash)) {
          throw new WalletError(
            PLAN_STEP_NOT_SENT,
            `Sharekeep stopped while sending step ${index + 1} of the plan you approved, and the network never received it: it was not sent. Nothing more was sent; start again.`,
          );
        }
        return step.hash;
      }
      const account = await deps.ownAccount(plan.account);
      const network = await deps.activeNetwork();
      const rpc = deps.rpcFor(network);
      const params = { from: tx.from, to: tx.to, data: tx.data, value: tx.value };
      const call = { from: tx.from, to: tx.to, data: tx.data, value: `0x${tx.value.toString(16)}` };
      const [estimate, gasNeeded] = await Promise.all([
        estimateFees(rpc),
        rpc('eth_estimateGas', [call]).then(
          (g) => BigInt(g as string),
          () => undefined,
        ),
      ]);
      const differs = planDifference(plan, { index, chainId: network.chainId, ...params, gasNeeded, baseFee: estimate.baseFee });
      if (differs) throw new WalletError(PLAN_CHANGED, `This step is not the one you approved: ${differs}. Nothing more was sent.`);
      await requireChain(deps, network);
      // The guard judges the step again as it is sent: a block now is never signed.
      const prepared = await prepareTransaction(deps, network, { ...params, gas: step.gas });
      if (prepared.view.verdict.verdict === 'block') {
        const reason = prepared.view.verdict.reasons.find((r) => r.severity === 'block')?.message ?? 'blocked.';
        throw rpcErrors.userRejected(`Sharekeep refused to sign: ${reason}`);
      }
      const context = { origin: plan.origin, view: prepared.view, recheck: () => deps.ownAccount(account) };
      const sign = (built: TransactionSerializable) => signAs(deps, context, account, { method: 'transaction', tx: built });
      const record = async (signed: { hash: Hex; nonce: number; gas: bigint }) => {
        await store.markSent(id, index, { hash: signed.hash, nonce: signed.nonce });
        await listSent(deps, { chainId: network.chainId, origin: plan.origin, summary: prepared.intent.summary }, params, signed, step.fees);
      };
      try {
        const sent = await broadcast(deps, nonces, network, params, { gas: step.gas, fees: step.fees, sign }, record);
        deps.stateChanged();
        return sent.hash;
      } catch (err) {
        // Refused by the node: never sent, so the step may be sent once the cause is gone.
        if (err instanceof NodeRpcError) await store.markSent(id, index, undefined);
        throw err;
      }
    },
  };
}

export type Plans = ReturnType<typeof createPlans>;
