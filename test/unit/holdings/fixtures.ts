// A wallet with a small registry and a scripted node for the portfolio service tests: the
// node runs Multicall3 batches over fake contracts (test/unit/portfolio/fake-chain.ts) and
// answers eth_chainId, eth_blockNumber, eth_getLogs and a few direct views.
import { decodeFunctionData, encodeAbiParameters, encodeEventTopics, encodeFunctionResult, getAddress, type Hex, parseAbi } from 'viem';
import { WAD } from '../../../lib/portfolio/index.ts';
import type { RpcTransport } from '../../../lib/ports';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory';
import { parseRegistryData, type RegistryData } from '../../../lib/registry/index.ts';
import { createUiApi } from '../../../lib/commands';
import { createWallet } from '../../../lib/wallet';
import { erc20, type FakeContract, fakeChain, feed, MULTICALL } from '../portfolio/fake-chain.ts';

export const PHRASE = 'test test test test test test test test test test test junk';
export const ACCOUNT_0 = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
export const ACCOUNT_1 = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const PASSWORD = 'correct horse battery';
const addr = (n: number) => getAddress(`0x${n.toString(16).padStart(40, '0')}`);

export const TOKENS = {
  xstock: addr(0xa1),
  dshare: addr(0xa2),
  ondo: addr(0xa3),
  restricted: addr(0xa4),
  unheld: addr(0xa5),
  watched: addr(0xb1),
  usdc: addr(0xc1),
};
export const FEEDS = {
  xPrice: addr(0xf1),
  xReserve: addr(0xf2),
  dPrice: addr(0xf3),
  dReserve: addr(0xf4),
  oPrice: addr(0xf5),
  oMultiplier: addr(0xf6),
};
export const DISTRIBUTOR = addr(0xd1);
// Monday 2026-01-05 15:00 UTC (10:00 in New York): the market is open.
export const START = Date.UTC(2026, 0, 5, 15);
const FRESH = START / 1000 - 60;

const fact = <T>(value: T, verified = true) => ({ value, source: 'https://issuer.example/terms', verified });

export const REGISTRY: RegistryData = parseRegistryData({
  issuers: [
    {
      id: 'backed',
      name: 'Backed Example',
      legalEntity: fact('Backed Example AG'),
      jurisdiction: fact('CH'),
      structure: fact('custody-backed'),
      custodian: fact('Example Custody Ltd', false),
      proofOfReserve: fact('Chainlink PoR'),
      redemption: fact(null),
      rule: { kind: 'excluded', places: ['US'], forbids: ['all'], source: 'https://issuer.example/terms', read: '2026-01-02' },
      terms: 'https://issuer.example/terms',
      origins: [],
      contracts: [],
    },
    {
      id: 'synth',
      name: 'Synth Example',
      legalEntity: fact(null, false),
      jurisdiction: fact(null, false),
      structure: fact('synthetic', false),
      custodian: fact(null, false),
      proofOfReserve: fact(null, false),
      redemption: fact(null, false),
      rule: null,
      terms: 'https://synth.example',
      origins: [],
      contracts: [],
    },
  ],
  tokens: [
    {
      chainId: 31337,
      address: TOKENS.xstock,
      symbol: 'ACMEx',
      name: 'Acme xStock',
      decimals: 18,
      issuer: 'backed',
      kind: 'stock',
      underlying: { ticker: 'ACME', name: 'Acme Corp', exchange: 'NYSE', isin: 'US0000000001' },
      corporateActions: 'multiplier',
      feeds: { price: { address: FEEDS.xPrice, heartbeat: 3600 }, reserve: { address: FEEDS.xReserve } },
      verified: true,
    },
    {
      chainId: 31337,
      address: TOKENS.dshare,
      symbol: 'ACME.d',
      name: 'Acme dShare',
      decimals: 18,
      issuer: 'backed',
      kind: 'stock',
      underlying: { ticker: 'ACME', name: 'Acme Corp' },
      corporateActions: 'balance-per-share',
      feeds: { price: { address: FEEDS.dPrice, heartbeat: 3600 }, reserve: { address: FEEDS.dReserve } },
      verified: true,
    },
    {
      chainId: 31337,
      address: TOKENS.ondo,
      symbol: 'BETAon',
      name: 'Beta synthetic',
      decimals: 18,
      issuer: 'synth',
      kind: 'stock',
      underlying: { ticker: 'BETA', name: 'Beta Inc' },
      corporateActions: 'oracle-multiplier',
      feeds: { price: { address: FEEDS.oPrice, heartbeat: 3600 }, multiplierOracle: { address: FEEDS.oMultiplier } },
      verified: false,
    },
    {
      chainId: 31337,
      address: TOKENS.restricted,
      symbol: 'GAMMAr',
      name: 'Gamma restricted',
      decimals: 18,
      issuer: 'backed',
      kind: 'stock',
      underlying: { ticker: 'GAMMA', name: 'Gamma' },
      corporateActions: 'none',
      rule: { kind: 'allowed-only', places: ['US'], forbids: ['all'], source: 'https://issuer.example/gamma', read: '2026-01-02' },
      verified: true,
    },
    {
      chainId: 31337,
      address: TOKENS.unheld,
      symbol: 'ZEROx',
      name: 'Zero',
      decimals: 18,
      issuer: 'backed',
      kind: 'stock',
      underlying: { ticker: 'ZERO', name: 'Zero' },
      corporateActions: 'none',
      verified: true,
    },
    {
      chainId: 1,
      address: TOKENS.xstock,
      symbol: 'ACMEx',
      name: 'Acme xStock',
      decimals: 18,
      issuer: 'backed',
      kind: 'stock',
      underlying: { ticker: 'ACME', name: 'Acme Corp' },
      corporateActions: 'multiplier',
      verified: true,
    },
  ],
});

const views = parseAbi([
  'function distributions(uint256) view returns (address, uint256, uint256)',
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'event BalancePerShareSet(uint256 balancePerShare)',
  'event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount)',
]);

/** Contract state the tests change between refreshes. */
export function initialContracts(): Record<string, FakeContract> {
  return {
    [TOKENS.xstock]: erc20(
      { [ACCOUNT_0]: 2n * WAD, [ACCOUNT_1]: WAD },
      { multiplier: () => WAD, totalSupply: () => 100n * WAD, feePerPeriod: () => 10n ** 14n, periodLength: () => 86_400n },
    ),
    [TOKENS.dshare]: erc20({ [ACCOUNT_0]: 4n * WAD }, { balancePerShare: () => WAD, totalSupply: () => 50n * WAD }),
    [TOKENS.ondo]: erc20({ [ACCOUNT_0]: 10n * WAD }),
    [TOKENS.restricted]: erc20({ [ACCOUNT_0]: WAD }),
    [TOKENS.unheld]: erc20({}),
    [TOKENS.watched]: erc20({ [ACCOUNT_0]: 7n * 10n ** 6n }),
    [FEEDS.xPrice]: feed(20_000_000_000n, 8, FRESH), // $200
    [FEEDS.xReserve]: feed(100n * 10n ** 8n, 8, FRESH), // 100 shares for 100 tokens
    [FEEDS.dPrice]: feed(20_000_000_000n, 8, FRESH),
    [FEEDS.dReserve]: feed(46n * 10n ** 8n, 8, FRESH), // 46 shares for 50 tokens: 92%
    [FEEDS.oPrice]: feed(5_000_000_000n, 8, FRESH), // $50
    [FEEDS.oMultiplier]: feed((WAD * 11n) / 10n, 18, FRESH), // 1.1 shares per token
  };
}

export interface ScriptedNode {
  contracts: Record<string, FakeContract>;
  block: bigint;
  chainId: number;
  /** Every JSON-RPC method asked, in order. */
  methods: string[];
  down: boolean;
  /** Refuse eth_getLogs like a public endpoint that serves no log queries. */
  logsRefused: boolean;
  transport(url: string, body: unknown): Promise<unknown>;
}

export function scriptedNode(): ScriptedNode {
  const distributedTopics = encodeEventTopics({ abi: views, eventName: 'Distributed', args: { distributionId: 3n, account: ACCOUNT_0 } }) as Hex[];
  const logs = [
    {
      address: TOKENS.dshare,
      topics: encodeEventTopics({ abi: views, eventName: 'BalancePerShareSet' }) as Hex[],
      data: encodeAbiParameters([{ type: 'uint256' }], [WAD]),
      blockNumber: '0x5',
      transactionHash: `0x${'5'.padStart(64, '0')}`,
    },
    {
      address: DISTRIBUTOR,
      topics: distributedTopics,
      data: encodeAbiParameters([{ type: 'uint256' }], [24_500_000n]),
      blockNumber: '0x7',
      transactionHash: `0x${'7'.padStart(64, '0')}`,
    },
  ];
  const direct: Record<string, Record<string, () => unknown>> = {
    [DISTRIBUTOR]: { distributions: () => [TOKENS.usdc, 0n, 0n] },
    [TOKENS.usdc]: { symbol: () => 'USDC', decimals: () => 6 },
  };
  const node: ScriptedNode = {
    contracts: initialContracts(),
    block: 100n,
    chainId: 31337,
    methods: [],
    down: false,
    logsRefused: false,
    async transport(_url, body) {
      const { id, method, params } = body as { id: number; method: string; params: unknown[] };
      node.methods.push(method);
      if (node.down) throw new Error('fetch failed');
      const answer = async (): Promise<unknown> => {
        if (method === 'eth_chainId') return `0x${node.chainId.toString(16)}`;
        if (method === 'eth_blockNumber') return `0x${node.block.toString(16)}`;
        if (method === 'eth_getLogs') {
          if (node.logsRefused) throw Object.assign(new Error('eth_getLogs is disabled on this endpoint'), { code: -32601 });
          const [filter] = params as [{ address: string | string[]; topics: (Hex | Hex[] | null)[] }];
          const wanted = [filter.address].flat().map((a) => a.toLowerCase());
          return logs.filter(
            (l) => wanted.includes(l.address.toLowerCase()) && filter.topics.every((t, i) => t === null || [t].flat().includes(l.topics[i])),
          );
        }
        if (method === 'eth_call') {
          const [{ to, data }] = params as [{ to: string; data: Hex }];
          if (getAddress(to) === MULTICALL) return fakeChain(node.chainId, node.contracts, node.block).request({ method, params });
          const { functionName } = decodeFunctionData({ abi: views, data });
          const handler = direct[getAddress(to)]?.[functionName];
          if (!handler) throw Object.assign(new Error('execution reverted'), { code: 3 });
          // biome-ignore lint/suspicious/noExplicitAny: the answer's shape follows the function
          return encodeFunctionResult({ abi: views, functionName: functionName as any, result: handler() as any });
        }
        throw Object.assign(new Error(`method ${method} not found`), { code: -32601 });
      };
      try {
        return { jsonrpc: '2.0', id, result: await answer() };
      } catch (err) {
        const e = err as { code?: number; message: string };
        return { jsonrpc: '2.0', id, error: { code: e.code ?? -32000, message: e.message } };
      }
    },
  };
  return node;
}

/**
 * An onboarded wallet (two accounts from the test phrase, jurisdiction DE) with its UI command API.
 * `transport` and `rpcUrl` put a real transport (e.g. HTTP to a server serving `node`) in between.
 */
export async function portfolioWallet(
  options: {
    jurisdiction?: string;
    watched?: boolean;
    node?: ScriptedNode;
    transport?: RpcTransport;
    rpcUrl?: string;
    registry?: RegistryData;
    /** Networks the portfolio leaves out; by default Ethereum, whose registry token the single-chain tests do not read. */
    disabledChainIds?: number[];
  } = {},
) {
  const node = options.node ?? scriptedNode();
  const local = createMemoryStore();
  const clock = createManualClock(START);
  const wallet = createWallet({
    local,
    session: createMemoryStore(),
    clock,
    rpc: options.transport ?? node.transport,
    openApproval: async () => undefined,
    emit: () => undefined,
    stateChanged: () => undefined,
    loadRegistry: async () => options.registry ?? REGISTRY,
    dividendDistributors: { 31337: [DISTRIBUTOR] },
    kdfIterations: 1000,
    initialSettings: {
      activeChainId: 31337,
      disabledChainIds: options.disabledChainIds ?? [1],
      ...(options.rpcUrl ? { rpcOverrides: { 31337: options.rpcUrl } } : {}),
    },
  });
  await wallet.keys.createFromMnemonic(PHRASE, PASSWORD);
  await wallet.keys.addAccount();
  await wallet.settings.update({
    jurisdiction: options.jurisdiction ?? 'DE',
    watchedTokens: options.watched === false ? [] : [{ chainId: 31337, address: TOKENS.watched, symbol: 'ACMEx', decimals: 6 }],
  });
  const ui = createUiApi(wallet, { schedule: () => undefined }, clock);
  const call = <T>(method: string, params: Record<string, unknown> = {}) => ui.handle(method, params) as Promise<T>;
  return { wallet, node, local, clock, ui, call };
}
