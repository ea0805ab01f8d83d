/** The steps every signing request shares: who signs, the verdict, and the approval itself. */
import { type Address, getAddress } from 'viem';
import type { ApprovalKind } from '../approvals';
import type { RpcCall } from '../chains';
import { type ComplianceResult, evaluate, holdingsMatter, touchedTokens, withFindings } from '../compliance';
import { ProviderRpcError, RpcErrorCode, rpcErrors } from '../errors';
import type { Intent, SimulationResult, TokenInfo } from '../intent';
import { type ChainDex, uniswapV2Pair, uniswapV3Pool } from '../registry';
import type { SigningDeps } from './deps';
import { planHoldings, senderHoldings } from './holdings';
import type { SigningView } from './view';

/** The account that signs for `origin`: one the site may use, and one the wallet holds a key for. */
export async function signerFor(deps: SigningDeps, origin: string, address: unknown): Promise<Address> {
  await deps.ready();
  const account = await deps.requireAccount(origin, address);
  const entry = (await deps.keys.listAccounts()).find((a) => a.address === account);
  if (entry?.kind === 'watch') throw rpcErrors.unauthorized('This is a watch-only account: Sharekeep holds no key for it.');
  return account;
}

export interface JudgeParameters {
  intent: Intent;
  chainId: number;
  /** The node of the network the request is judged on: the tokens' own contracts are read there. */
  rpc: RpcCall;
  /** The account that signs: the one the tokens' on-chain checks are about. */
  account: Address;
  /** Symbols for the tokens the registry does not know, named in reasons. */
  info: (address: Address) => TokenInfo | undefined;
  simulation?: SimulationResult;
  contracts?: readonly Address[];
  /** A transaction sent by `account`: when it is not decoded and no dry run succeeded, what the account holds is weighed too. */
  sends?: boolean;
}

/**
 * The transfers of the request whose counterparty is known, so the token's own compliance can
 * judge those (ERC-3643 canTransfer, ERC-1404 detectTransferRestriction): a plain transfer's
 * recipient, and for a buy the pool that pays the user (a V2 route's last pair or a V3 route's last
 * pool, on a chain whose registry entry names that factory). Any other acquisition is asked about as the user's own
 * standing.
 */
function knownTransfers(intent: Intent, account: Address, dex: ChainDex | undefined) {
  const sent = (intent.deliveries ?? []).flatMap((d) =>
    d.reason === 'transfer' && d.token !== 'native' ? [{ token: d.token, from: account, to: d.to, amount: d.amount }] : [],
  );
  const bought = (intent.sources ?? []).flatMap((s) => {
    const pair = s.pool.protocol === 'uniswap-v2' ? uniswapV2Pair(dex, ...s.pool.tokens) : uniswapV3Pool(dex, ...s.pool.tokens, s.pool.fee);
    return pair && !sent.some((t) => t.token === s.token) ? [{ token: s.token, from: pair, to: account, amount: s.amount }] : [];
  });
  return [...sent, ...bought];
}

/**
 * The jurisdiction verdict for an intent on a chain: the one rule, in lib/compliance, fed with
 * what the touched tokens' own contracts say about the account (one Multicall3 batch once their
 * standards are known).
 */
export async function judge(deps: SigningDeps, params: JudgeParameters): Promise<ComplianceResult> {
  const { intent, chainId, rpc, account, simulation, contracts } = params;
  const jurisdiction = await deps.jurisdiction();
  const touched = touchedTokens({ intent, simulation, contracts });
  const holdings = params.sends && holdingsMatter(intent, simulation) ? await planHoldings(deps, { chainId, account, jurisdiction }) : undefined;
  // The balance reads ride in the batch of the on-chain checks, which also reads the detected tokens the account may hold.
  const { findings, alongside } = await deps.standards.read(rpc, {
    chainId,
    tokens: holdings ? [...touched, ...holdings.detected] : touched,
    user: account,
    jurisdiction,
    transfers: knownTransfers(intent, account, deps.registry()?.dexOn(chainId)),
    alongside: holdings?.calls,
  });
  // A security found only on chain, named only in calldata or a dry run, was not read with the
  // decoded tokens: its symbol is read now (cached), so the refusal and the dApp's 4001 name it.
  const detected = [...findings].flatMap(([token, found]) => ((found.standards.length || found.incomplete) && !params.info(token) ? [token] : []));
  const named = detected.length ? await deps.tokenInfo.lookupFor(rpc, chainId, detected).catch(() => undefined) : undefined;
  const symbolOf = (a: Address) => params.info(a)?.symbol ?? named?.(a)?.symbol ?? a;
  return evaluate({
    intent,
    jurisdiction,
    chainId,
    lookupToken: (c, a) => withFindings(deps.tokens.policy(c, a), c === chainId ? findings.get(getAddress(a)) : undefined, symbolOf(a)),
    simulation,
    contracts,
    unchecked: [...findings].flatMap(([token, found]) => (found.unchecked ? [token] : [])),
    ...(holdings ? { sender: senderHoldings(holdings, alongside) } : {}),
  });
}

/** Who may still sign once the user approved: the site's grant for a dApp, the wallet's own account for its own requests. */
export type Recheck = () => Promise<unknown>;

/**
 * Shows the view and waits for the user. After approval, the request is checked again: a blocked
 * verdict is never signed (a crafted message could try to approve one), and a site disconnected
 * or a wallet locked while the window was open gets 4100, not a signature.
 */
export async function approveSigning<T = unknown>(
  deps: SigningDeps,
  origin: string,
  kind: ApprovalKind,
  view: Pick<SigningView, 'verdict'>,
  recheck: Recheck,
  parse?: (data: unknown) => T,
): Promise<T> {
  const refusal = refusalOf(view.verdict);
  let chosen: T;
  try {
    chosen = (await deps.approve(origin, kind, view, parse ? { parse } : undefined)) as T;
  } catch (error) {
    // Rejecting is all the user can do with a refused request: the dApp still hears why, not only "rejected".
    if (refusal && error instanceof ProviderRpcError && error.code === RpcErrorCode.userRejected) throw refusal;
    throw error;
  }
  if (refusal) throw refusal;
  await recheck();
  return chosen;
}

/** The 4001 a dApp gets for a request the verdict blocks: the reason (it names the token and the rule) and the rule's source. */
function refusalOf(verdict: ComplianceResult): ProviderRpcError | undefined {
  if (verdict.verdict !== 'block') return undefined;
  const reason = verdict.reasons.find((r) => r.severity === 'block');
  const source = reason?.source ? ` (source: ${reason.source})` : '';
  return rpcErrors.userRejected(`Sharekeep refused to sign: ${reason?.message ?? 'blocked.'}${source}`);
}
