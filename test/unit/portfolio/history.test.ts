import { decodeFunctionData, encodeAbiParameters, encodeEventTopics, encodeFunctionResult, getAddress, type Hex, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import { fetchCorporateActions, WAD } from '../../../lib/portfolio/index.ts';
import type { RpcRequester, Token } from '../../../lib/registry/index.ts';

const abi = parseAbi([
  'event MultiplierUpdated(uint256 value)',
  'event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime)',
  'event BalancePerShareSet(uint256 balancePerShare)',
  'event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount)',
  'function feePerPeriod() view returns (uint256)',
  'function periodLength() view returns (uint256)',
  'function multiplierUpdatesLength() view returns (uint256)',
  'function multiplierUpdates(uint256) view returns (uint256, uint256, uint256)',
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

type EventLog = { address: string; topics: Hex[]; data: Hex; blockNumber: Hex; transactionHash: Hex };
const log = (address: string, topics: Hex[], data: Hex, block: number): EventLog => ({
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

const LOGS = [
  log(TOKEN, encodeEventTopics({ abi, eventName: 'MultiplierUpdated' }) as Hex[], u256(2n * WAD), 10),
  log(TOKEN, encodeEventTopics({ abi, eventName: 'MultiplierScheduled' }) as Hex[], u256(4n * WAD, nowSec + 86_400n), 11),
  log(TOKEN, encodeEventTopics({ abi, eventName: 'MultiplierScheduled' }) as Hex[], u256(2n * WAD, nowSec - 86_400n), 9),
  log(TOKEN, encodeEventTopics({ abi, eventName: 'BalancePerShareSet' }) as Hex[], u256(3n * WAD), 12),
  log(
    DISTRIBUTOR,
    encodeEventTopics({ abi, eventName: 'Distributed', args: { distributionId: 5n, account: HOLDER } }) as Hex[],
    u256(1_500_000n),
    13,
  ),
];

/** A node that filters logs the way eth_getLogs does (address and topics), and answers views. */
function node(options: { logsFail?: boolean } = {}): RpcRequester & { methods: string[] } {
  const methods: string[] = [];
  return {
    methods,
    async request({ method, params }) {
      methods.push(method);
      if (method === 'eth_getLogs') {
        if (options.logsFail) throw new Error('query returned more than 10000 results');
        const [filter] = params as [{ address: string | string[]; topics: (Hex | Hex[] | null)[] }];
        const addresses = [filter.address].flat().map((a) => a.toLowerCase());
        return LOGS.filter(
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
      if (method === 'eth_call') {
        const [{ data }] = params as [{ data: Hex }];
        const { functionName, args } = decodeFunctionData({ abi, data });
        if (functionName === 'feePerPeriod') return encodeFunctionResult({ abi, functionName, result: WAD / 10_000n });
        if (functionName === 'periodLength') return encodeFunctionResult({ abi, functionName, result: 86_400n });
        if (functionName === 'multiplierUpdatesLength') return encodeFunctionResult({ abi, functionName, result: 3n });
        if (functionName === 'multiplierUpdates') {
          const i = args[0] as bigint;
          return encodeFunctionResult({ abi, functionName, result: [i * WAD, (i + 1n) * WAD, 1000n * i] });
        }
      }
      throw new Error(`unexpected ${method}`);
    },
  };
}

describe('fetchCorporateActions', () => {
  it('lists multiplier updates, pending schedules only, and the yearly fee', async () => {
    const actions = await fetchCorporateActions(node(), token('multiplier'), { now: () => NOW });
    expect(actions.multiplierUpdates).toEqual([{ value: (2n * WAD).toString(), blockNumber: '10', transactionHash: expect.stringMatching(/^0x/) }]);
    expect(actions.scheduled).toEqual([{ value: (4n * WAD).toString(), activationTime: Number(nowSec + 86_400n) }]);
    expect(actions.annualFeeBps).toBe('358');
    expect(actions.errors).toEqual([]);
  });

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

  it('reads the multiplier history from the contract when the node refuses the log query', async () => {
    const actions = await fetchCorporateActions(node({ logsFail: true }), token('multiplier'), { now: () => NOW });
    // index 0 is the 1e18 sentinel, so updates 1 and 2
    expect(actions.multiplierUpdates.map((u) => u.value)).toEqual([(2n * WAD).toString(), (3n * WAD).toString()]);
    expect(actions.errors[0]).toMatch(/10000 results/);
  });
});
