// New xStocks found on chain: the issuer factory's NewToken logs read through the user's RPC,
// named by the issuer's naming, cached with how far each factory's log was read.
import { encodeAbiParameters, encodeEventTopics, type Hex, keccak256, parseAbi, toHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { createManualClock, createMemoryStore } from '../../../lib/ports/memory.ts';
import {
  createDiscoveredTokens,
  createRegistry,
  DISCOVERED_KEY,
  FOUND_ON_CHAIN_LABEL,
  packRegistry,
  type RpcRequester,
  scanFactoryTokens,
} from '../../../lib/registry/index.ts';
import { issuer, registryData, token } from './fixtures.ts';

const FACTORY = '0x9768D3956a850913fb74594eBf40DFf9b5b576F3';
const NEW = '0x00000000000000000000000000000000000000A1';
const KNOWN = '0xb23c6FA4d2B3d1B07A6B6e8b0a0A7a8f2E6A5bA1';
const event = parseAbi(['event NewToken(address indexed newToken, string name, string symbol)']);

const log = (tokenAddress: string, name: string, symbol: string, block: number) => ({
  address: FACTORY.toLowerCase(),
  topics: encodeEventTopics({ abi: event, eventName: 'NewToken', args: { newToken: tokenAddress.toLowerCase() as Hex } }),
  data: encodeAbiParameters([{ type: 'string' }, { type: 'string' }], [name, symbol]),
  blockNumber: `0x${block.toString(16)}`,
  transactionHash: `0x${'ab'.repeat(32)}`,
  logIndex: '0x0',
});

/** A node with these factory logs; it refuses a log query over more than `maxRange` blocks. */
function node(logs: ReturnType<typeof log>[], options: { maxRange?: number; refuseLogs?: boolean } = {}) {
  const asked: { method: string; from?: number; to?: number }[] = [];
  const rpc: RpcRequester = {
    async request({ method, params = [] }) {
      if (method === 'eth_getLogs') {
        const filter = params[0] as { address: string; topics: string[]; fromBlock: string; toBlock: string };
        const [from, to] = [Number(filter.fromBlock), Number(filter.toBlock)];
        asked.push({ method, from, to });
        if (options.refuseLogs) throw new Error('method eth_getLogs not allowed');
        if (options.maxRange !== undefined && to - from + 1 > options.maxRange) throw new Error('query exceeds max block range');
        expect(filter.topics).toEqual([keccak256(toHex('NewToken(address,string,string)'))]);
        return logs.filter((l) => l.address === filter.address.toLowerCase() && Number(l.blockNumber) >= from && Number(l.blockNumber) <= to);
      }
      asked.push({ method });
      if (method === 'eth_call') return encodeAbiParameters([{ type: 'uint8' }], [18]);
      throw new Error(`unexpected ${method}`);
    },
  };
  return { rpc, asked };
}

const scan = (rpc: RpcRequester, fromBlock = 0, toBlock = 1000, known = (a: string) => a.toLowerCase() === KNOWN.toLowerCase()) =>
  scanFactoryTokens(rpc, { chainId: 1, factory: FACTORY, issuer: 'xstocks', fromBlock, toBlock, known });

describe('xStocks found through their factory', () => {
  it('makes an announced token an unverified xStock, named as the issuer names it, marked as found on chain', async () => {
    const { rpc } = node([log(NEW, 'Palantir xStock', 'PLTRx', 700)]);
    const result = await scan(rpc);
    expect(result).toMatchObject({ scannedTo: 1000, skipped: [] });
    expect(result.tokens).toEqual([
      {
        chainId: 1,
        address: '0x00000000000000000000000000000000000000A1',
        symbol: 'PLTRx',
        name: 'Palantir xStock',
        decimals: 18,
        issuer: 'xstocks',
        kind: 'stock',
        underlying: { ticker: 'PLTR', name: 'Palantir' },
        corporateActions: 'multiplier',
        verified: false,
        discovery: { via: 'issuer-factory', factory: FACTORY, blockNumber: 700 },
      },
    ]);
    expect(FOUND_ON_CHAIN_LABEL).toBe("found on chain via the issuer's factory");
  });

  it('leaves out what the wallet knows and what does not follow the naming', async () => {
    const { rpc } = node([log(KNOWN, 'Apple xStock', 'AAPLx', 10), log(NEW, 'Mystery Coin', 'MYST', 20)]);
    const result = await scan(rpc);
    expect(result.tokens).toEqual([]);
    expect(result.skipped).toEqual([{ address: '0x00000000000000000000000000000000000000A1', reason: expect.stringMatching(/naming/) }]);
  });

  it('asks for the halves of a range the node refuses as too large, and finds tokens in each', async () => {
    const second = '0x00000000000000000000000000000000000000b2';
    const { rpc, asked } = node([log(NEW, 'Palantir xStock', 'PLTRx', 100), log(second, 'Coinbase xStock', 'COINx', 900)], { maxRange: 500 });
    const result = await scan(rpc, 0, 999);
    expect(result.tokens.map((t) => t.symbol)).toEqual(['PLTRx', 'COINx']);
    expect(result.scannedTo).toBe(999);
    expect(asked.filter((a) => a.method === 'eth_getLogs').map((a) => [a.from, a.to])).toEqual([
      [0, 999],
      [0, 499],
      [500, 999],
    ]);
  });

  it('stops where the node refuses logs and says so, having read nothing past that', async () => {
    const { rpc, asked } = node([log(NEW, 'Palantir xStock', 'PLTRx', 100)], { refuseLogs: true });
    const result = await scan(rpc, 50, 50);
    expect(result).toEqual({ tokens: [], skipped: [], scannedTo: 49, refused: 'method eth_getLogs not allowed' });
    expect(asked).toHaveLength(1);
  });

  it('keeps a found token out of the bundle', () => {
    const found = token({ verified: false, discovery: { via: 'issuer-factory', factory: FACTORY, blockNumber: 1 } });
    expect(() => packRegistry(registryData([found]))).toThrow(/found on chain/);
  });
});

describe('the cache of tokens found on chain', () => {
  const registry = createRegistry({
    issuers: [
      issuer({ id: 'xstocks', contracts: [{ chainId: 1, address: FACTORY, role: 'factory', verified: false, source: 'https://example.org' }] }),
    ],
    tokens: [token({ issuer: 'xstocks', address: KNOWN })],
  });

  it('remembers what it found and how far it read, and resumes from there after the interval', async () => {
    const local = createMemoryStore();
    const clock = createManualClock();
    const discovered = createDiscoveredTokens({ local, clock, intervalMs: 60_000 });
    const chain = node([log(NEW, 'Palantir xStock', 'PLTRx', 100)]);
    expect((await discovered.scan(registry, 1, chain.rpc, 200)).map((t) => t.symbol)).toEqual(['PLTRx']);
    expect((await discovered.cached()).map((t) => t.symbol)).toEqual(['PLTRx']);

    // Within the interval: no request at all.
    const before = chain.asked.length;
    expect(await discovered.scan(registry, 1, chain.rpc, 300)).toEqual([]);
    expect(chain.asked).toHaveLength(before);

    // After it: only the blocks since the last scan; a worker restart (a new cache over the same store) reads on from the cursor.
    clock.advance(60_000);
    const restarted = createDiscoveredTokens({ local, clock, intervalMs: 60_000 });
    expect(await restarted.scan(registry, 1, chain.rpc, 300)).toEqual([]);
    expect(chain.asked.at(-1)).toEqual({ method: 'eth_getLogs', from: 201, to: 300 });
    expect((await restarted.cached()).map((t) => t.symbol)).toEqual(['PLTRx']);
  });

  it('reads nothing on a chain where no issuer factory announces tokens', async () => {
    const chain = node([]);
    const discovered = createDiscoveredTokens({ local: createMemoryStore(), clock: createManualClock() });
    expect(await discovered.scan(registry, 56, chain.rpc, 100)).toEqual([]);
    expect(chain.asked).toEqual([]);
  });

  it('keeps the chains whose stored entry parses when another does not', async () => {
    const good = {
      scannedTo: { [FACTORY.toLowerCase()]: 10 },
      tokens: [token({ issuer: 'xstocks', address: NEW, symbol: 'PLTRx', verified: false })],
    };
    const local = createMemoryStore({ [DISCOVERED_KEY]: { 1: good, 56: { scannedTo: 'nonsense' } } });
    const discovered = createDiscoveredTokens({ local, clock: createManualClock() });
    expect((await discovered.cached()).map((t) => t.symbol)).toEqual(['PLTRx']);
    expect(local.dump()[`${DISCOVERED_KEY}.corrupt`]).toBeDefined();
  });
});
