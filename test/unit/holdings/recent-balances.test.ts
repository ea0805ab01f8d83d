// The cached portfolio snapshot as the guard reads it for one account: only a snapshot of the chain
// now (recent, a real read at a known block) vouches for balances, and only for the tokens it read.
import { type Address, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { PORTFOLIO_CACHE_PREFIX, recentBalances } from '../../../lib/holdings';
import { coverageOf } from '../../../lib/holdings/cache';
import type { PortfolioSnapshot } from '../../../lib/portfolio';
import { createMemoryStore } from '../../../lib/ports/memory';
import type { Token } from '../../../lib/registry';
import { token } from '../registry/fixtures';

const CHAIN = 31337;
const ACCOUNT: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
const OTHER: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const NOW = Date.UTC(2026, 11, 2, 15, 0, 0);
const HELD: Address = getAddress('0x1111111111111111111111111111111111111a11');
const EMPTY: Address = getAddress('0x2222222222222222222222222222222222222b22');
const FAILED: Address = getAddress('0x3333333333333333333333333333333333333c33');
const NEW: Address = getAddress('0x4444444444444444444444444444444444444d44');
const tokens: Token[] = [HELD, EMPTY, FAILED].map((address, i) => token({ chainId: CHAIN, address, symbol: `T${i}` }));

function holding(address: Address, amount: bigint, fromLastGood = false) {
  return {
    token: { chainId: CHAIN, address, symbol: 'T', decimals: 18 },
    amount: amount.toString(),
    underlyingAmount: null,
    corporateActions: 'none' as const,
    factor: null,
    price: null,
    value: null,
    valueDecimals: 8 as const,
    backing: null,
    unavailable: [],
    ...(fromLastGood ? { fromLastGood: { fields: ['balance' as const], fetchedAt: NOW - 60_000 } } : {}),
  };
}

const snapshot = (over: Partial<PortfolioSnapshot> = {}): PortfolioSnapshot => ({
  chainId: CHAIN,
  fetchedAt: NOW - 3_000,
  blockNumber: '100',
  status: 'partial',
  market: { status: 'open', nextOpen: null },
  accounts: [{ address: ACCOUNT, holdings: [holding(HELD, 5n)] }],
  errors: [{ code: 'portfolio.balance_unavailable', message: 'Could not read T2 balances.', token: FAILED }],
  ...over,
});

async function read(s: PortfolioSnapshot | undefined, coverage = 'another token list', account: Address = ACCOUNT) {
  const local = createMemoryStore(s ? { [`${PORTFOLIO_CACHE_PREFIX}${CHAIN}`]: { coverage, snapshot: s } } : {});
  return recentBalances(local, { chainId: CHAIN, account, nowMs: NOW, windowMs: 12_000, tokens });
}

describe('a snapshot that describes the chain now', () => {
  it('vouches for what it lists: the held balance, and the balances it could not read', async () => {
    const recent = await read(snapshot());
    expect(recent?.held).toEqual(new Map([[HELD, 5n]]));
    expect([...(recent?.unread ?? [])]).toEqual([FAILED]);
    expect([HELD, FAILED].map((t) => recent?.covers(t))).toEqual([true, true]);
    // Read under another token list: a token it does not list may not have been read at all.
    expect([EMPTY, NEW].map((t) => recent?.covers(t))).toEqual([false, false]);
  });

  it('read under the same token list (its coverage), a token it does not list was read and is not held', async () => {
    const recent = await read(snapshot(), coverageOf([ACCOUNT], tokens));
    expect([EMPTY, HELD].map((t) => recent?.covers(t))).toEqual([true, true]);
    expect(recent?.held.has(EMPTY)).toBe(false);
  });
});

describe('a snapshot that does not describe the chain now is not used', () => {
  it.each([
    ['there is none', undefined],
    ['it is older than the window', snapshot({ fetchedAt: NOW - 12_000 })],
    ['it is from the future (a clock moved back)', snapshot({ fetchedAt: NOW + 1_000 })],
    ['its refresh failed', snapshot({ status: 'failed', accounts: [] })],
    ['it shows last good data', snapshot({ notice: { code: 'portfolio.showing_last_good', message: 'old', since: NOW - 60_000 } })],
    ['it has no block number', snapshot({ blockNumber: null })],
    ['it does not list the account', snapshot({ accounts: [{ address: OTHER, holdings: [holding(HELD, 5n)] }] })],
  ] as const)('%s', async (_name, s) => {
    expect(await read(s)).toBeUndefined();
  });

  it.each([
    ['under another token list', 'another token list'],
    ['under the same token list', coverageOf([ACCOUNT], tokens)],
  ])('a balance carried over from an earlier read is not vouched for (%s)', async (_name, coverage) => {
    const recent = await read(snapshot({ accounts: [{ address: ACCOUNT, holdings: [holding(HELD, 5n, true)] }] }), coverage);
    expect(recent?.held.has(HELD)).toBe(false);
    expect(recent?.covers(HELD)).toBe(false);
  });
});
