import { encodeAbiParameters, encodeEventTopics, getAddress, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { fetchCorporateActions, WAD } from '../../../lib/portfolio/index.ts';
import type { RpcRequester, Token } from '../../../lib/registry/index.ts';
import { type FakeContract, fakeChain, MULTICALL } from './fake-chain.ts';
import { type FakeLog, fakeXStock, type XStockState, xStockLog } from './fake-xstock.ts';

const abi = parseAbi([
  'event MultiplierUpdated(uint256 value)',
  'event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime)',
  'event BalancePerShareSet(uint256 balancePerShare)',
  'event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount)',
]);

const TOKEN = '0x00000000000000000000000000000000000000a1';
const DISTRIBUTOR = '0x00000000000000000000000000000000000000d1';
const HOLDER = '0x1000000000000000000000000000000000000001';
const NOW = Date.UTC(2026, 0, 6, 15);
const nowSec = BigInt(NOW / 1000);

const token = (corporateActions: Token['corporateActions']): Token => ({
  chainId: 31337,
  address: TOKEN,
  symbol: 'ACMEx',
  name: 'Acme',
  decimals: 18,
  issuer: 'dev',
  kind: 'stock',
  underlying: { ticker: 'ACME', name: 'Acme' },
  corporateActions,
  verified: true,
});

const log = (address: string, topics: Hex[], data: Hex, block: number): FakeLog => ({
  address,
  topics,
  data,
  blockNumber: `0x${block.toString(16)}`,
  transactionHash: `0x${block.toString(16).padStart(64, '0')}`,
});
const u256 = (...values: bigint[]) =>
  encodeAbiParameters(
    values.map(() => ({ type: 'uint256' })),
    values,
  );

const DSHARE_LOGS = [
  log(TOKEN, encodeEventTopics({ abi, eventName: 'BalancePerShareSet' }) as Hex[], u256(3n * WAD), 12),
  log(
    DISTRIBUTOR,
    encodeEventTopics({ abi, eventName: 'Distributed', args: { distributionId: 5n, account: HOLDER } }) as Hex[],
    u256(1_500_000n),
    13,
  ),
];

/**
 * A node that filters logs the way eth_getLogs does (address and topics), or refuses the
 * query like a public RPC; eth_call goes to Multicall3 over the scripted contracts.
 */
function node(
  options: { logs?: FakeLog[]; logsRefused?: boolean; contracts?: Record<string, FakeContract> } = {},
): RpcRequester & { methods: string[] } {
  const methods: string[] = [];
  const chain = fakeChain(31337, options.contracts ?? {});
  return {
    methods,
    async request({ method, params }) {
      methods.push(method);
      if (method === 'eth_getLogs') {
        if (options.logsRefused) throw Object.assign(new Error('eth_getLogs is not available on this endpoint'), { code: -32601 });
        const [filter] = params as [{ address: string | string[]; topics: (Hex | Hex[] | null)[] }];
        const addresses = [filter.address].flat().map((a) => a.toLowerCase());
        return (options.logs ?? DSHARE_LOGS).filter(
          (l) =>
            addresses.includes(l.address.toLowerCase()) &&
            filter.topics.every(
              (t, i) =>
                t === null ||
                [t]
                  .flat()
                  .map((x) => x.toLowerCase())
                  .includes(l.topics[i]?.toLowerCase()),
            ),
        );
      }
      if (method === 'eth_call') return chain.request({ method, params });
      throw new Error(`unexpected ${method}`);
    },
  };
}

const DAY = 86_400n;
/** An xStock split 2:1 ten days ago, charging 0.01% a day, fee applied 3 days ago, with 1:1.5 scheduled for tomorrow. */
const xStock = (overrides: Partial<XStockState> = {}): XStockState => ({
  lastMultiplier: 2n * WAD,
  lastMultiplierNonce: 4n,
  feePerPeriod: 10n ** 14n,
  periodLength: DAY,
  lastTimeFeeApplied: nowSec - 3n * DAY - 600n,
  pending: { value: 3n * WAD, activationTime: nowSec + DAY, nonce: 5n },
  updates: [
    { previousMultiplier: WAD, newMultiplier: 2n * WAD, activationTime: nowSec - 10n * DAY },
    { previousMultiplier: 2n * WAD, newMultiplier: 3n * WAD, activationTime: nowSec + DAY },
  ],
  shares: { [HOLDER]: 5n * WAD },
  now: nowSec,
  ...overrides,
});
const EVENTS = [
  xStockLog(TOKEN, { name: 'MultiplierUpdated', args: [2n * WAD] }, 10),
  xStockLog(TOKEN, { name: 'MultiplierScheduled', args: [4n * WAD, nowSec + 2n * DAY] }, 11),
  xStockLog(TOKEN, { name: 'MultiplierScheduleOverridden', args: [4n * WAD, nowSec + 2n * DAY, 3n * WAD, nowSec + DAY] }, 12),
  xStockLog(TOKEN, { name: 'MultiplierScheduled', args: [3n * WAD, nowSec + DAY] }, 12),
];

describe('fetchCorporateActions', () => {
  it('lists balance-per-share changes of a rebasing token', async () => {
    const actions = await fetchCorporateActions(node(), token('balance-per-share'), { now: () => NOW });
    expect(actions.balancePerShare).toEqual([expect.objectContaining({ value: (3n * WAD).toString(), blockNumber: '12' })]);
    expect(actions.annualFeeBps).toBeNull();
  });

  it("lists the account's dividends from the distributor, and nobody else's", async () => {
    const mine = await fetchCorporateActions(node(), token('balance-per-share'), { account: HOLDER, distributors: [DISTRIBUTOR], now: () => NOW });
    expect(mine.dividends).toEqual([
      { distributionId: '5', amount: '1500000', contract: getAddress(DISTRIBUTOR), blockNumber: '13', transactionHash: expect.any(String) },
    ]);
    const other = await fetchCorporateActions(node(), token('balance-per-share'), {
      account: '0x3000000000000000000000000000000000000003',
      distributors: [DISTRIBUTOR],
      now: () => NOW,
    });
    expect(other.dividends).toEqual([]);
  });
});

describe('fetchCorporateActions of an xStock (Backed multiplier token)', () => {
  const xstock = token('multiplier');
  const PENDING = { value: (3n * WAD).toString(), activationTime: Number(nowSec + DAY), nonce: '5' };
  const count = (methods: string[], m: string) => methods.filter((x) => x === m).length;

  it('shows the pending change, the history and the fee from the views when the node refuses eth_getLogs', async () => {
    const rpc = node({ logsRefused: true, contracts: { [TOKEN]: fakeXStock(xStock()) } });
    const actions = await fetchCorporateActions(rpc, xstock, { now: () => NOW });
    expect(actions.scheduled).toEqual([PENDING]);
    // multiplierUpdates(2) is tomorrow's: pending, so not history.
    expect(actions.multiplierUpdates).toEqual([
      { value: (2n * WAD).toString(), blockNumber: null, transactionHash: null, activationTime: Number(nowSec - 10n * DAY) },
    ]);
    expect(actions.historySource).toBe('views');
    expect(actions.fee).toEqual({
      feePerPeriod: (10n ** 14n).toString(),
      periodSeconds: 86_400,
      lastAppliedAt: Number(nowSec - 3n * DAY - 600n),
      periodsPassed: '3',
      annualFeeBps: '358',
    });
    expect(actions.annualFeeBps).toBe('358');
    expect(actions.errors).toEqual([]);
    // One batch of views, one refused log query, one batch of multiplierUpdates(i).
    expect([count(rpc.methods, 'eth_call'), count(rpc.methods, 'eth_getLogs')]).toEqual([2, 1]);
  });

  it('takes the history from events when the node serves them, and the one pending change from the views', async () => {
    const rpc = node({ logs: EVENTS, contracts: { [TOKEN]: fakeXStock(xStock()) } });
    const actions = await fetchCorporateActions(rpc, xstock, { now: () => NOW });
    expect(actions.multiplierUpdates).toEqual([{ value: (2n * WAD).toString(), blockNumber: '10', transactionHash: expect.stringMatching(/^0x/) }]);
    expect(actions.scheduled).toEqual([PENDING]);
    expect(actions.historySource).toBe('events');
    expect(count(rpc.methods, 'eth_call')).toBe(1);
  });

  it('drops a schedule replaced by MultiplierScheduleOverridden when only events tell the schedule', async () => {
    // A deployment without the schedule views: the events are all there is.
    const contract = fakeXStock(xStock(), ['newMultiplier', 'newMultiplierActivationTime', 'newMultiplierNonce']);
    const replaced = await fetchCorporateActions(node({ logs: EVENTS, contracts: { [TOKEN]: contract } }), xstock, { now: () => NOW });
    expect(replaced.scheduled).toEqual([{ value: (3n * WAD).toString(), activationTime: Number(nowSec + DAY), nonce: null }]);
    const withoutOverride = EVENTS.filter((_, i) => i !== 2);
    const both = await fetchCorporateActions(node({ logs: withoutOverride, contracts: { [TOKEN]: contract } }), xstock, { now: () => NOW });
    expect(both.scheduled.map((s) => s.value)).toEqual([(4n * WAD).toString(), (3n * WAD).toString()]);
  });

  it('shows nothing scheduled once a pending change is overridden by an immediate one, from events or from views', async () => {
    const HOUR_AGO = nowSec - 3600n;
    const state = xStock({
      pending: null,
      lastMultiplier: (5n * WAD) / 2n,
      lastTimeFeeApplied: HOUR_AGO,
      updates: [
        { previousMultiplier: WAD, newMultiplier: 2n * WAD, activationTime: nowSec - 10n * DAY },
        { previousMultiplier: 2n * WAD, newMultiplier: (5n * WAD) / 2n, activationTime: HOUR_AGO },
      ],
    });
    const logs = [
      xStockLog(TOKEN, { name: 'MultiplierUpdated', args: [2n * WAD] }, 10),
      xStockLog(TOKEN, { name: 'MultiplierScheduled', args: [3n * WAD, nowSec + DAY] }, 11),
      xStockLog(TOKEN, { name: 'MultiplierScheduleOverridden', args: [3n * WAD, nowSec + DAY, (5n * WAD) / 2n, HOUR_AGO] }, 12),
      xStockLog(TOKEN, { name: 'MultiplierUpdated', args: [(5n * WAD) / 2n] }, 12),
    ];
    const values = ['2', '2.5'].map((v) => ((BigInt(Number(v) * 10) * WAD) / 10n).toString());
    for (const options of [{ logs }, { logsRefused: true }]) {
      const actions = await fetchCorporateActions(node({ ...options, contracts: { [TOKEN]: fakeXStock(state) } }), xstock, { now: () => NOW });
      expect(actions.scheduled).toEqual([]);
      expect(actions.multiplierUpdates.map((u) => u.value)).toEqual(values);
    }
  });

  it('counts a schedule whose time has come as history, before any transaction stores it', async () => {
    const later = nowSec + DAY + 100n;
    const rpc = node({ logs: EVENTS, contracts: { [TOKEN]: fakeXStock(xStock({ now: later })) } });
    const actions = await fetchCorporateActions(rpc, xstock, { now: () => Number(later) * 1000 });
    expect(actions.scheduled).toEqual([]);
    expect(actions.multiplierUpdates.at(-1)).toEqual({
      value: (3n * WAD).toString(),
      activationTime: Number(nowSec + DAY),
      blockNumber: null,
      transactionHash: null,
    });
    // The fee clock restarts at the activation: no whole period since.
    expect(actions.fee?.periodsPassed).toBe('0');
  });

  it("judges what is pending by the block time the views answered for, not the caller's clock", async () => {
    const later = nowSec + DAY + 100n; // the chain is past the activation; the wallet's clock is not
    const contracts = { [TOKEN]: fakeXStock(xStock({ now: later })), [MULTICALL]: { getCurrentBlockTimestamp: () => later } };
    const actions = await fetchCorporateActions(node({ logsRefused: true, contracts }), xstock, { now: () => NOW });
    expect(actions.scheduled).toEqual([]);
    expect(actions.multiplierUpdates.map((u) => u.value)).toEqual([(2n * WAD).toString(), (3n * WAD).toString()]);
  });

  it('says the history could not be read when neither the events nor the update views answer', async () => {
    const contract = fakeXStock(xStock(), ['multiplierUpdatesLength', 'multiplierUpdates']);
    const actions = await fetchCorporateActions(node({ logsRefused: true, contracts: { [TOKEN]: contract } }), xstock, { now: () => NOW });
    expect(actions.historySource).toBeNull();
    expect(actions.scheduled).toEqual([PENDING]);
    expect(actions.errors.join(' ')).toMatch(/not available on this endpoint/);
  });
});
