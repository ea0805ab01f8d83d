import { describe, expect, it } from 'vitest';
import { computeBackingRatio, familySupply, feedFreshness, priceStatus } from '../../../lib/portfolio/index.ts';

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

describe('familySupply', () => {
  const own = { chainId: 1, supply: 100n * 10n ** 18n, decimals: 18 };

  it('sums every chain in the token decimals (a 6-decimal deployment scaled up)', () => {
    const summed = familySupply(own, [
      { chainId: 42161, supply: 50n * 10n ** 6n, decimals: 6 },
      { chainId: 56, supply: 25n * 10n ** 18n, decimals: 18 },
    ]);
    expect(summed).toEqual({
      supply: 175n * 10n ** 18n,
      decimals: 18,
      scope: 'all-chains',
      chains: [
        { chainId: 1, supply: 100n * 10n ** 18n },
        { chainId: 42161, supply: 50n * 10n ** 18n },
        { chainId: 56, supply: 25n * 10n ** 18n },
      ],
      missing: [],
    });
  });

  it('never counts a missing chain: some chains, or this chain only when none other was read', () => {
    const some = familySupply(own, [
      { chainId: 42161, supply: 10n ** 18n, decimals: 18 },
      { chainId: 56, missing: 'failed' },
    ]);
    expect(some).toMatchObject({ supply: 101n * 10n ** 18n, scope: 'some-chains', missing: [{ chainId: 56, reason: 'failed' }] });
    const alone = familySupply(own, [{ chainId: 56, missing: 'disabled' }]);
    expect(alone).toMatchObject({ supply: own.supply, scope: 'this-chain-only', missing: [{ chainId: 56, reason: 'disabled' }] });
  });

  it('takes a token on one chain as the whole issue', () => {
    expect(familySupply(own, [])).toMatchObject({ supply: own.supply, scope: 'all-chains', missing: [] });
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
