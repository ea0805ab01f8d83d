/**
 * The incoming-transfer scan for every account of the user on one network, and what the last
 * scan of each network has to say when its node refused logs. Refreshes of one network do not
 * overlap: a second asks for the same run.
 */
import type { Clock, RpcCall } from '../ports';
import type { IncomingEntry, IncomingLog } from '../state';
import { DEFAULT_SCAN_LIMITS, type ScanLimits, scanIncoming } from './scan';

export interface ScanNetwork {
  chainId: number;
  rpc: RpcCall;
  accounts: readonly string[];
  tokens: readonly string[];
  isPayout(token: string, from: string): boolean;
}

export interface IncomingScanner {
  list(): Promise<IncomingEntry[]>;
  /** Scans the network for each account; resolves with the number of new transfers found. */
  refresh(network: ScanNetwork): Promise<number>;
  /** Why the last scan of a chain is incomplete (its node refused logs); undefined when it was not. */
  notice(chainId: number): string | undefined;
}

export function createIncomingScanner(deps: { log: IncomingLog; clock: Clock; limits?: ScanLimits }): IncomingScanner {
  const notices = new Map<number, string>();
  const running = new Map<number, Promise<number>>();
  const run = async (network: ScanNetwork) => {
    let found = 0;
    let refused: string | undefined;
    for (const account of network.accounts) {
      const target = { chainId: network.chainId, account, tokens: network.tokens, isPayout: network.isPayout };
      const outcome = await scanIncoming({ rpc: network.rpc, log: deps.log, clock: deps.clock }, target, deps.limits ?? DEFAULT_SCAN_LIMITS);
      found += outcome.found;
      if (outcome.status === 'refused') refused ??= outcome.message;
    }
    if (refused) notices.set(network.chainId, `${refused} What was found before is kept.`);
    else notices.delete(network.chainId);
    return found;
  };
  return {
    list: () => deps.log.list(),
    refresh(network) {
      const current = running.get(network.chainId);
      if (current) return current;
      const next = run(network).finally(() => running.delete(network.chainId));
      running.set(network.chainId, next);
      return next;
    },
    notice: (chainId) => notices.get(chainId),
  };
}
