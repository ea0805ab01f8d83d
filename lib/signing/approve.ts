/** The steps every signing request shares: who signs, the verdict, and the approval itself. */
import type { Address } from 'viem';
import type { ApprovalKind } from '../approvals';
import { type ComplianceResult, evaluate } from '../compliance';
import { rpcErrors } from '../errors';
import type { Intent, SimulationResult } from '../intent';
import type { SigningDeps } from './deps';
import type { SigningView } from './view';

/** The account that signs for `origin`: one the site may use, and one the wallet holds a key for. */
export async function signerFor(deps: SigningDeps, origin: string, address: unknown): Promise<Address> {
  await deps.ready();
  const account = await deps.requireAccount(origin, address);
  const entry = (await deps.keys.listAccounts()).find((a) => a.address === account);
  if (entry?.kind === 'watch') throw rpcErrors.unauthorized('This is a watch-only account: Sharekeep holds no key for it.');
  return account;
}

/** The jurisdiction verdict for an intent on a chain: the one rule, in lib/compliance. */
export async function judge(
  deps: SigningDeps,
  intent: Intent,
  chainId: number,
  simulation?: SimulationResult,
  contracts?: readonly Address[],
): Promise<ComplianceResult> {
  return evaluate({
    intent,
    jurisdiction: await deps.jurisdiction(),
    chainId,
    lookupToken: (c, a) => deps.tokens.policy(c, a),
    simulation,
    contracts,
  });
}

/** Who may still sign once the user approved: the site's grant for a dApp, the wallet's own account for its own requests. */
export type Recheck = () => Promise<unknown>;

/**
 * Shows the view and waits for the user. After approval, the request is checked again: a blocked
 * verdict is never signed (a crafted message could try to approve one), and a site disconnected
 * or a wallet locked while the window was open gets 4100, not a signature.
 */
export async function approveSigning(deps: SigningDeps, origin: string, kind: ApprovalKind, view: SigningView, recheck: Recheck): Promise<void> {
  await deps.approve(origin, kind, view);
  if (view.verdict.verdict === 'block') {
    throw rpcErrors.userRejected(`Sharekeep refused to sign: ${view.verdict.reasons.find((r) => r.severity === 'block')?.message ?? 'blocked.'}`);
  }
  await recheck();
}
