import { describe, expect, it } from 'vitest';
import { computeBackingRatio, feedFreshness, priceStatus } from '../../../lib/portfolio/index.ts';

describe('computeBackingRatio', () => {
  it.each([
    ['fully backed, same decimals', 100n * 10n ** 18n, 18, 100n * 10n ** 18n, 18, 10_000n],
    ['over-backed', 105n * 10n ** 8n, 8, 100n * 10n ** 18n, 18, 10_500n],
    ['under-backed at 92.5%', 925n * 10n ** 7n, 8, 100n * 10n ** 18n, 18, 9_250n],
    ['no reserves', 0n, 8, 10n ** 18n, 18, 0n],
    ['no supply', 10n ** 8n, 8, 0n, 18, null],
    ['a negative answer', -1n, 8, 10n ** 18n, 18, null],
  ])('%s', (_, reserves, rDec, supply, sDec, expected) => {
    expect(computeBackingRatio(reserves, rDec, supply, sDec)).toBe(expected);
  });
});

describe('feedFreshness', () => {
  const now = Date.UTC(2026, 0, 6, 15);
  const sec = now / 1000;
  it.each([
    [sec - 3600, 86_400, true, 3600],
    [sec - 86_400, 86_400, true, 86_400],
    [sec - 86_401, 86_400, false, 86_401],
    [sec + 60, 3600, true, 0],
  ])('updated at %s with heartbeat %s: fresh %s', (updatedAt, heartbeat, fresh, age) => {
    expect(feedFreshness(updatedAt, heartbeat, now)).toEqual({ fresh, ageSeconds: age });
  });
});

describe('priceStatus', () => {
  const now = Date.UTC(2026, 0, 6, 15);
  const recent = now / 1000 - 60;
  it('is fresh inside the heartbeat while the market is open', () => {
    expect(priceStatus(recent, 3600, { status: 'open' }, now)).toEqual({ status: 'fresh', reasons: [], ageSeconds: 60 });
  });
  it('is stale when older than the heartbeat', () => {
    expect(priceStatus(recent - 7200, 3600, { status: 'open' }, now)).toMatchObject({ status: 'stale', reasons: ['older-than-heartbeat'] });
  });
  it.each(['closed', 'weekend', 'holiday'] as const)('says the market is closed (%s), however recent the answer', (status) => {
    expect(priceStatus(recent, 3600, { status }, now)).toMatchObject({ status: 'stale', reasons: ['market-closed'] });
  });
  it('gives both reasons when both hold', () => {
    expect(priceStatus(recent - 7200, 3600, { status: 'weekend' }, now).reasons).toEqual(['older-than-heartbeat', 'market-closed']);
  });
});
