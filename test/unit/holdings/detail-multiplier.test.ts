// The token detail of an xStock read from the token's own views: the factor with fee
// periods accrued, a pending change shown as scheduled (never as history), the fee from
// feePerPeriod, periodLength and lastTimeFeeApplied, all with the node refusing logs.
import { describe, expect, it } from 'vitest';
import type { TokenDetailView } from '../../../lib/holdings';
import { WAD } from '../../../lib/portfolio/index.ts';
import { fakeXStock, type XStockState } from '../portfolio/fake-xstock.ts';
import { ACCOUNT_0, portfolioWallet, scriptedNode, START, TOKENS } from './fixtures.ts';

const DAY = 86_400n;
const NOW = BigInt(START / 1000);
type Detail = TokenDetailView & { readError: string | null };

/** A 2:1 split last week, 0.02% a day, four days of fee not yet applied, a 3-for-2 scheduled for tomorrow. */
const state = (): XStockState => ({
  lastMultiplier: 2n * WAD,
  lastMultiplierNonce: 2n,
  feePerPeriod: 2n * 10n ** 14n,
  periodLength: DAY,
  lastTimeFeeApplied: NOW - 4n * DAY - 60n,
  pending: { value: 3n * WAD, activationTime: NOW + DAY, nonce: 3n },
  updates: [
    { previousMultiplier: WAD, newMultiplier: 2n * WAD, activationTime: NOW - 7n * DAY },
    { previousMultiplier: 2n * WAD, newMultiplier: 3n * WAD, activationTime: NOW + DAY },
  ],
  shares: { [ACCOUNT_0]: 5n * WAD },
  now: NOW,
});

async function detailOf(s: XStockState, options: { logsRefused?: boolean } = {}) {
  const node = scriptedNode();
  node.logsRefused = options.logsRefused ?? false;
  node.contracts[TOKENS.xstock] = fakeXStock(s);
  const t = await portfolioWallet({ node });
  return t.call<Detail>('portfolio.detail', { chainId: 31337, address: TOKENS.xstock });
}

describe('token detail of an xStock, from its views', () => {
  it('shows the pending change as scheduled, the split as history, and the factor with the fee periods accrued', async () => {
    const view = await detailOf(state(), { logsRefused: true });
    let current = 2n * WAD;
    for (let i = 0; i < 4; i++) current = (current * (WAD - 2n * 10n ** 14n)) / WAD;
    expect(view.corporateActions).toMatchObject({
      model: 'multiplier',
      factor: current.toString(),
      scheduled: [{ value: (3n * WAD).toString(), activationTime: Number(NOW + DAY), nonce: '3' }],
      history: [{ value: (2n * WAD).toString(), activationTime: Number(NOW - 7n * DAY) }],
      historySource: 'views',
      errors: [],
    });
    expect(view.holding?.amount).toBe(((5n * WAD * current) / WAD).toString());
  });

  it('gives the yearly fee, the period and when it was last applied from feePerPeriod, periodLength and lastTimeFeeApplied', async () => {
    const view = await detailOf(state(), { logsRefused: true });
    expect(view.corporateActions.fee).toEqual({
      feePerPeriod: (2n * 10n ** 14n).toString(),
      periodSeconds: 86_400,
      lastAppliedAt: Number(NOW - 4n * DAY - 60n),
      periodsPassed: '4',
      annualFeeBps: '704', // 1 - 0.9998^365
    });
    expect(view.corporateActions.annualFeeBps).toBe('704');
    const free = await detailOf({ ...state(), feePerPeriod: 0n });
    expect(free.corporateActions.annualFeeBps).toBe('0');
  });

  it('drops the schedule once the issuer overrides it with an immediate change', async () => {
    const s = state();
    s.pending = null;
    s.lastMultiplier = (5n * WAD) / 2n;
    s.lastTimeFeeApplied = NOW - 60n;
    s.updates[1] = { previousMultiplier: 2n * WAD, newMultiplier: (5n * WAD) / 2n, activationTime: NOW - 60n };
    const view = await detailOf(s, { logsRefused: true });
    expect(view.corporateActions.scheduled).toEqual([]);
    expect(view.corporateActions.history.map((h) => h.value)).toEqual([(2n * WAD).toString(), ((5n * WAD) / 2n).toString()]);
    expect(view.corporateActions.factor).toBe(((5n * WAD) / 2n).toString());
  });
});
