import { describe, expect, it } from 'vitest';
import { WalletError } from '../../../lib/errors/index.ts';
import { mergeWithLastGood, type PortfolioSnapshot, parsePortfolioSnapshot, refreshPortfolio, WAD } from '../../../lib/portfolio/index.ts';
import type { Token } from '../../../lib/registry/index.ts';
import { erc20, fakeChain, feed } from './fake-chain.ts';
import { fakeXStock, type XStockState } from './fake-xstock.ts';

const A = '0x1000000000000000000000000000000000000001';
const B = '0x2000000000000000000000000000000000000002';
const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;

// Tuesday 2026-01-06 15:00 UTC: the market is open.
const NOW = Date.UTC(2026, 0, 6, 15);
const FRESH = NOW / 1000 - 60;

const base = { chainId: 31337, decimals: 18, issuer: 'dev', kind: 'stock' as const, verified: true };
const XSTOCK: Token = {
  ...base,
  address: addr(0xa1),
  symbol: 'ACMEx',
  name: 'Acme xStock',
  underlying: { ticker: 'ACME', name: 'Acme' },
  corporateActions: 'multiplier',
  feeds: { price: { address: addr(0xf1), heartbeat: 3600 }, reserve: { address: addr(0xf2) } },
};
const DSHARE: Token = {
  ...base,
  address: addr(0xa2),
  symbol: 'ACME.d',
  name: 'Acme dShare',
  underlying: { ticker: 'ACME', name: 'Acme' },
  corporateActions: 'balance-per-share',
  feeds: { price: { address: addr(0xf1), heartbeat: 3600 } },
};
const ONDO: Token = {
  ...base,
  address: addr(0xa3),
  symbol: 'BETAon',
  name: 'Beta Ondo',
  underlying: { ticker: 'BETA', name: 'Beta' },
  corporateActions: 'oracle-multiplier',
  feeds: { price: { address: addr(0xf3), heartbeat: 3600 }, multiplierOracle: { address: addr(0xf4) } },
};
const UNHELD: Token = {
  ...base,
  address: addr(0xa4),
  symbol: 'ZEROx',
  name: 'Zero',
  underlying: { ticker: 'ZERO', name: 'Zero' },
  corporateActions: 'none',
};
const OTHER_CHAIN: Token = { ...XSTOCK, chainId: 1, address: addr(0xa9) };
const TOKENS = [XSTOCK, DSHARE, ONDO, UNHELD, OTHER_CHAIN];

function contracts(overrides: Record<string, ReturnType<typeof feed>> = {}) {
  return {
    [XSTOCK.address]: erc20({ [A]: 2n * WAD, [B]: WAD / 2n }, { multiplier: () => (WAD * 99n) / 100n, totalSupply: () => 100n * WAD }),
    [DSHARE.address]: erc20({ [A]: 4n * WAD }, { balancePerShare: () => 2n * WAD }),
    [ONDO.address]: erc20({ [B]: 10n * WAD }),
    [UNHELD.address]: erc20({}),
    [addr(0xf1)]: feed(20_050_000_000n, 8, FRESH), // $200.50
    [addr(0xf2)]: feed(95n * 10n ** 8n, 8, FRESH), // 95 shares in custody
    [addr(0xf3)]: feed(250n * 10n ** 8n, 8, FRESH), // $250
    [addr(0xf4)]: feed((WAD * 102n) / 100n, 18, FRESH), // sValue 1.02
    ...overrides,
  };
}

const refresh = (chain: ReturnType<typeof fakeChain>, extra: Partial<Parameters<typeof refreshPortfolio>[0]> = {}) =>
  refreshPortfolio({ rpc: chain, chainId: 31337, accounts: [A, B], tokens: TOKENS, now: () => NOW, ...extra });

const holding = (s: PortfolioSnapshot, account: string, symbol: string) =>
  s.accounts.find((a) => a.address === account)?.holdings.find((h) => h.token.symbol === symbol);

describe('refreshPortfolio', () => {
  it('reads every balance, factor, price and reserve in one eth_call', async () => {
    const chain = fakeChain(31337, contracts());
    const snapshot = await refresh(chain);
    expect(chain.requests).toEqual([{ method: 'eth_call', calls: expect.any(Number) }]);
    expect(snapshot).toMatchObject({ chainId: 31337, status: 'ok', blockNumber: '123', errors: [], market: { status: 'open' } });
  });

  it('values each holding through its corporate-action model', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts()));
    expect(holding(snapshot, A, 'ACMEx')).toMatchObject({
      amount: (2n * WAD).toString(),
      underlyingAmount: (2n * WAD).toString(),
      factor: ((WAD * 99n) / 100n).toString(),
      value: '40100000000', // 2 x $200.50, 8 decimals
      price: { answer: '20050000000', decimals: 8, status: 'fresh', reasons: [] },
      backing: { ratioBps: '9500', reserves: (95n * 10n ** 8n).toString(), supply: (100n * WAD).toString(), fresh: true },
      unavailable: [],
    });
    expect(holding(snapshot, A, 'ACME.d')).toMatchObject({ factor: (2n * WAD).toString(), value: '80200000000', backing: null });
    expect(holding(snapshot, B, 'BETAon')).toMatchObject({
      amount: (10n * WAD).toString(),
      underlyingAmount: ((10n * WAD * 102n) / 100n).toString(),
      value: '255000000000', // 10.2 shares x $250
    });
    expect(holding(snapshot, B, 'ACMEx')?.value).toBe('10025000000');
  });

  it("takes an xStock's factor from getCurrentMultiplier, so fee periods accrued since the last transfer move balance and factor", async () => {
    const DAY = 86_400n;
    const state: XStockState = {
      lastMultiplier: WAD,
      lastMultiplierNonce: 1n,
      feePerPeriod: 10n ** 15n, // 0.1% a day
      periodLength: DAY,
      lastTimeFeeApplied: BigInt(NOW / 1000) - 30n * DAY - 1n,
      pending: null,
      updates: [],
      shares: { [A]: 2n * WAD },
      now: BigInt(NOW / 1000),
    };
    const chain = fakeChain(31337, contracts({ [XSTOCK.address]: fakeXStock(state) }));
    let decayed = WAD;
    for (let i = 0; i < 30; i++) decayed = (decayed * (WAD - 10n ** 15n)) / WAD;
    const first = await refresh(chain);
    // multiplier() still says 1.0: only getCurrentMultiplier counts the 30 periods.
    expect(holding(first, A, 'ACMEx')).toMatchObject({ factor: decayed.toString(), amount: ((2n * WAD * decayed) / WAD).toString() });
    expect(holding(first, A, 'ACMEx')?.value).toBe(((((2n * WAD * decayed) / WAD) * 20_050_000_000n) / WAD).toString()); // at $200.50

    state.now += 10n * DAY; // ten more periods, no transaction
    const later = await refresh(chain);
    let tenMore = decayed;
    for (let i = 0; i < 10; i++) tenMore = (tenMore * (WAD - 10n ** 15n)) / WAD;
    expect(holding(later, A, 'ACMEx')).toMatchObject({ factor: tenMore.toString(), amount: ((2n * WAD * tenMore) / WAD).toString() });
    expect(chain.requests).toEqual([
      { method: 'eth_call', calls: expect.any(Number) },
      { method: 'eth_call', calls: expect.any(Number) },
    ]);
  });

  it('falls back to multiplier() for a multiplier token without getCurrentMultiplier, in the same request', async () => {
    const chain = fakeChain(31337, contracts());
    const snapshot = await refresh(chain);
    expect(holding(snapshot, A, 'ACMEx')?.factor).toBe(((WAD * 99n) / 100n).toString());
    expect(snapshot.errors).toEqual([]);
    expect(chain.requests).toHaveLength(1);
  });

  it('hides zero balances and tokens of other chains', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts()));
    expect(snapshot.accounts.map((a) => a.holdings.map((h) => h.token.symbol))).toEqual([
      ['ACMEx', 'ACME.d'],
      ['ACMEx', 'BETAon'],
    ]);
  });

  it('survives JSON and the snapshot schema unchanged', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts()));
    const stored = JSON.parse(JSON.stringify(snapshot));
    expect(stored).toEqual(snapshot);
    expect(parsePortfolioSnapshot(stored)).toEqual(snapshot);
    expect(parsePortfolioSnapshot({ ...stored, accounts: 'nope' })).toBeUndefined();
  });

  it('marks only the price of a token whose feed reverts as unavailable', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts({ [addr(0xf3)]: { latestRoundData: 'revert', decimals: () => 8 } })));
    expect(snapshot.status).toBe('partial');
    expect(holding(snapshot, B, 'BETAon')).toMatchObject({ amount: (10n * WAD).toString(), price: null, value: null, unavailable: ['price'] });
    expect(holding(snapshot, A, 'ACMEx')?.value).toBe('40100000000');
    expect(snapshot.errors).toEqual([expect.objectContaining({ code: 'portfolio.price_unavailable', token: ONDO.address })]);
  });

  it('cannot value an oracle-multiplier token without its sValue', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts({ [addr(0xf4)]: { latestRoundData: 'revert', decimals: 'revert' } })));
    expect(holding(snapshot, B, 'BETAon')).toMatchObject({ underlyingAmount: null, value: null, unavailable: ['factor'] });
  });

  it('says a price is a last close when the market is shut', async () => {
    const saturday = Date.UTC(2026, 0, 10, 15);
    const chain = fakeChain(31337, contracts({ [addr(0xf1)]: feed(20_050_000_000n, 8, saturday / 1000 - 60) }));
    const snapshot = await refresh(chain, { now: () => saturday });
    expect(snapshot.market.status).toBe('weekend');
    expect(holding(snapshot, A, 'ACMEx')?.price).toMatchObject({ status: 'stale', reasons: ['market-closed'] });
  });

  it('flags a price older than its heartbeat', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts({ [addr(0xf1)]: feed(20_050_000_000n, 8, FRESH - 7200) })));
    expect(holding(snapshot, A, 'ACMEx')?.price).toMatchObject({ status: 'stale', reasons: ['older-than-heartbeat'] });
  });

  it('shows an under-backed token below 100%', async () => {
    const snapshot = await refresh(fakeChain(31337, contracts({ [addr(0xf2)]: feed(80n * 10n ** 8n, 8, FRESH) })));
    expect(holding(snapshot, A, 'ACMEx')?.backing?.ratioBps).toBe('8000');
  });

  it('asks the chain id only when told, and refuses another chain', async () => {
    const chain = fakeChain(1, contracts());
    await refresh(chain);
    expect(chain.requests.map((r) => r.method)).toEqual(['eth_call']);
    const err = await refresh(chain, { expectChainId: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WalletError);
    expect((err as WalletError).code).toBe('portfolio.wrong_chain');
  });

  it('checks the chain id and then reads in one more request when the chain is right', async () => {
    const chain = fakeChain(31337, contracts());
    await refresh(chain, { expectChainId: true });
    expect(chain.requests.map((r) => r.method)).toEqual(['eth_chainId', 'eth_call']);
  });

  it('splits into batches of maxCallsPerBatch with the same result', async () => {
    const whole = await refresh(fakeChain(31337, contracts()));
    const chain = fakeChain(31337, contracts());
    const split = await refresh(chain, { maxCallsPerBatch: 5 });
    expect(chain.requests.length).toBeGreaterThan(2);
    expect(chain.requests.every((r) => (r.calls ?? 0) <= 5)).toBe(true);
    expect(split).toEqual(whole);
  });

  it('halves a batch the node refuses as too big, and only then', async () => {
    const whole = await refresh(fakeChain(31337, contracts()));
    const chain = fakeChain(31337, contracts());
    chain.maxCallsPerRequest = 8;
    expect(await refresh(chain)).toEqual(whole);
    expect(chain.requests[0].calls).toBeGreaterThan(8);
    expect(chain.requests.length).toBeGreaterThan(2);
  });

  it('gives a failed snapshot when the node is down, without retrying in pieces', async () => {
    const chain = fakeChain(31337, contracts());
    chain.failWith = Object.assign(new Error('fetch failed'), { code: -32603 });
    const snapshot = await refresh(chain);
    expect(snapshot).toMatchObject({ status: 'failed', accounts: [], errors: [{ code: 'portfolio.rpc_failed', message: 'fetch failed' }] });
    expect(chain.requests).toHaveLength(1);
  });
});

describe('mergeWithLastGood', () => {
  it('keeps the last good holdings with a notice when the refresh failed', async () => {
    const good = await refresh(fakeChain(31337, contracts()));
    const down = fakeChain(31337, contracts());
    down.failWith = new Error('fetch failed');
    const merged = mergeWithLastGood(good, await refresh(down, { now: () => NOW + 60_000 }));
    expect(merged.accounts).toEqual(good.accounts);
    expect(merged.notice).toMatchObject({ code: 'portfolio.showing_last_good', since: NOW });
    expect(merged.notice?.message).toMatch(/fetch failed/);
  });

  it('keeps the first failure time when failures repeat', async () => {
    const good = await refresh(fakeChain(31337, contracts()));
    const down = fakeChain(31337, contracts());
    down.failWith = new Error('fetch failed');
    const once = mergeWithLastGood(good, await refresh(down, { now: () => NOW + 60_000 }));
    const twice = mergeWithLastGood(once, await refresh(down, { now: () => NOW + 120_000 }));
    expect(twice.notice?.since).toBe(NOW);
    expect(twice.accounts).toEqual(good.accounts);
  });

  it('borrows a price that failed this time from the last good snapshot, saying when it was read', async () => {
    const good = await refresh(fakeChain(31337, contracts()));
    const later = NOW + 60_000;
    const partial = await refresh(fakeChain(31337, contracts({ [addr(0xf3)]: { latestRoundData: 'revert', decimals: () => 8 } })), {
      now: () => later,
    });
    const merged = mergeWithLastGood(good, partial);
    expect(holding(merged, B, 'BETAon')).toMatchObject({
      price: holding(good, B, 'BETAon')?.price,
      value: '255000000000',
      unavailable: [],
      fromLastGood: { fields: ['price'], fetchedAt: NOW },
    });
    expect(holding(merged, A, 'ACMEx')?.fromLastGood).toBeUndefined();
  });

  it('values an Ondo holding with the last good sValue when the oracle fails, saying so', async () => {
    const good = await refresh(fakeChain(31337, contracts()));
    const partial = await refresh(fakeChain(31337, contracts({ [addr(0xf4)]: { latestRoundData: 'revert', decimals: 'revert' } })));
    expect(holding(mergeWithLastGood(good, partial), B, 'BETAon')).toMatchObject({
      underlyingAmount: ((10n * WAD * 102n) / 100n).toString(),
      value: '255000000000',
      fromLastGood: { fields: ['factor'], fetchedAt: NOW },
    });
  });

  it('keeps a holding whose balance could not be read this time', async () => {
    const good = await refresh(fakeChain(31337, contracts()));
    const partial = await refresh(fakeChain(31337, contracts({ [ONDO.address]: { balanceOf: 'revert' } })));
    expect(holding(partial, B, 'BETAon')).toBeUndefined();
    expect(holding(mergeWithLastGood(good, partial), B, 'BETAon')).toMatchObject({
      amount: (10n * WAD).toString(),
      fromLastGood: { fetchedAt: NOW },
    });
  });

  it('takes a good refresh as it is, and ignores a snapshot of another chain', async () => {
    const good = await refresh(fakeChain(31337, contracts()));
    const next = await refresh(fakeChain(31337, contracts({ [addr(0xf1)]: feed(30_000_000_000n, 8, FRESH) })));
    expect(mergeWithLastGood(good, next)).toBe(next);
    expect(mergeWithLastGood({ ...good, chainId: 1 }, next)).toBe(next);
  });
});
