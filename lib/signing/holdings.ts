/**
 * The sending account's holdings, for a transaction the guard cannot follow (not decoded, no
 * successful dry run): the registry tokens of the chain restricted for the user, and the
 * permissioned tokens already detected there, are looked up in the chain's portfolio snapshot when
 * it is recent, else read with balanceOf in the batch that carries the request's on-chain checks,
 * so the guard adds at most that one round trip. lib/compliance weighs what is found.
 */
import { type Address, getAddress } from 'viem';
import { heldRestriction, type SenderHoldings } from '../compliance';
import { recentBalances } from '../holdings';
import { balanceOfCall, balanceOfResult, type Call3, type Call3Result } from '../portfolio';
import type { SigningDeps } from './deps';

/**
 * How long a portfolio snapshot stands for the chain's current block: one Ethereum slot (12 s),
 * the longest block interval of the built-in networks.
 */
export const HOLDINGS_SNAPSHOT_WINDOW_MS = 12_000;

export interface HoldingsPlan {
  account: Address;
  /** balanceOf(account) of `read[i]`: to ride in the guard's batch. */
  calls: Call3[];
  read: Address[];
  /** Detected permissioned tokens of the chain: their checks ride in the same batch, so their restriction is known. */
  detected: Address[];
  /** What the recent snapshot already says. */
  held: Address[];
  unread: Address[];
}

/** Which balances the guard needs for `account`, and what the recent snapshot already answers. */
export async function planHoldings(
  deps: Pick<SigningDeps, 'registry' | 'tokens' | 'standards' | 'local' | 'clock'>,
  params: { chainId: number; account: Address; jurisdiction: string },
): Promise<HoldingsPlan> {
  const { chainId, account, jurisdiction } = params;
  const listed = deps.registry()?.tokensOnChain(chainId) ?? [];
  const candidates = listed.flatMap((t) => (heldRestriction(deps.tokens.policy(chainId, t.address), jurisdiction) ? [getAddress(t.address)] : []));
  const restricted = new Set(candidates);
  const detected = deps.standards.known(chainId).filter((t) => !restricted.has(getAddress(t)));
  const recent = candidates.length
    ? await recentBalances(deps.local, { chainId, account, nowMs: deps.clock.now(), windowMs: HOLDINGS_SNAPSHOT_WINDOW_MS, tokens: listed }).catch(
        () => undefined,
      )
    : undefined;
  const known = candidates.filter((t) => recent?.covers(t));
  const read = [...candidates.filter((t) => !recent?.covers(t)), ...detected];
  return {
    account,
    calls: read.map((t) => balanceOfCall(t, account)),
    read,
    detected,
    held: known.filter((t) => (recent?.held.get(t) ?? 0n) > 0n),
    unread: known.filter((t) => recent?.unread.has(t)),
  };
}

/** The plan's answer: a token with a balance above zero is held; one whose read failed (or the batch) is unread. */
export function senderHoldings(plan: HoldingsPlan, results: readonly Call3Result[] | undefined): SenderHoldings {
  const held = [...plan.held];
  const unread = [...plan.unread];
  plan.read.forEach((token, i) => {
    const balance = balanceOfResult(results?.[i]);
    if (balance === null) unread.push(token);
    else if (balance > 0n) held.push(token);
  });
  return { account: plan.account, held, unread };
}
