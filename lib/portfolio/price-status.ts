/**
 * Whether a price can be read as current. Equity feeds stop moving when the market
 * closes, so a closed market makes every price a last close, whatever its age.
 */
import { feedFreshness } from './backing.ts';
import type { MarketState } from './market-hours.ts';

export type PriceStaleReason = 'older-than-heartbeat' | 'market-closed';

export interface PriceStatus {
  status: 'fresh' | 'stale';
  reasons: PriceStaleReason[];
  ageSeconds: number;
}

/** Equity feeds without a stated heartbeat are expected at least daily. */
export const DEFAULT_HEARTBEAT_SECONDS = 24 * 3600;

export function priceStatus(updatedAtSeconds: number, heartbeatSeconds: number, market: { status: MarketState }, nowMs: number): PriceStatus {
  const { fresh, ageSeconds } = feedFreshness(updatedAtSeconds, heartbeatSeconds, nowMs);
  const reasons: PriceStaleReason[] = [];
  if (!fresh) reasons.push('older-than-heartbeat');
  if (market.status !== 'open') reasons.push('market-closed');
  return { status: reasons.length === 0 ? 'fresh' : 'stale', reasons, ageSeconds };
}
