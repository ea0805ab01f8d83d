/**
 * What Activity says of a redemption's payout: a sell or a deposit is not done when its
 * transaction is mined, only when the stablecoin arrives. Until then "payout pending" (and when it
 * is due); then the amount received.
 */
import { formatUnits } from 'viem';
import type { ActivityEntry } from './activity';

export interface PayoutLine {
  state: 'pending' | 'received';
  text: string;
}

export function payoutLine(entry: Pick<ActivityEntry, 'status' | 'payout'>): PayoutLine | undefined {
  const payout = entry.payout;
  // A failed, dropped or cancelled transaction pays nothing out: its status says so.
  if (!payout || entry.status === 'failed' || entry.status === 'dropped' || entry.status === 'cancelled') return undefined;
  if (payout.state === 'received' && payout.amount !== undefined) {
    return { state: 'received', text: `Received ${formatUnits(BigInt(payout.amount), payout.decimals)} ${payout.symbol}` };
  }
  return { state: 'pending', text: `Payout pending: ${payout.symbol}${payout.when ? ` ${payout.when}` : ''}` };
}
