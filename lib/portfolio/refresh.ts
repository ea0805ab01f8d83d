/**
 * One portfolio refresh for one chain: every read in a single Multicall3 eth_call,
 * split only when `maxCallsPerBatch` asks for it or the node refuses the batch as too
 * big (gas, payload or response limits), in which case each half is retried.
 */
import type { Hex } from 'viem';
import { WalletError } from '../errors/index.ts';
import { type ChainDex, type RpcRequester, readChainId, type Token } from '../registry/index.ts';
import { MULTICALL3_ADDRESS } from './abis.ts';
import { buildPortfolioCalls, type DiscoveryReads, type PortfolioReadings, readPortfolioResults } from './calls.ts';
import { assembleSnapshot } from './holdings.ts';
import { marketStatus } from './market-hours.ts';
import { type Call3, type Call3Result, decodeAggregate3, encodeAggregate3Compact } from './multicall.ts';
import type { PortfolioIssue, PortfolioSnapshot } from './snapshot.ts';

export interface RefreshPortfolioParameters {
  rpc: RpcRequester;
  chainId: number;
  accounts: readonly string[];
  /** Registry tokens; those of other chains are ignored. */
  tokens: readonly Token[];
  multicall?: string;
  /** The chain's DEX factories and quote tokens: feedless tokens are priced from their deepest pool. */
  dex?: ChainDex;
  /**
   * Lower-case addresses of tokens without a reserve feed on this chain whose totalSupply is read
   * anyway, in the same batch: a reserve feed of the same token on another chain needs it (keep
   * the same Set while it holds, so the encoded batch is reused).
   */
  supplyOf?: ReadonlySet<string>;
  maxCallsPerBatch?: number;
  /**
   * Discovery reads carried in the same batch (no extra request): the chain's DShareFactory
   * listings and the metadata of listed addresses not yet known (keep the same object while
   * it holds, so the encoded batch is reused).
   */
  discovery?: DiscoveryReads;
  /** Called with what the discovery reads answered, and the block they belong to. */
  onDiscovery?: (found: Pick<PortfolioReadings, 'dShares' | 'probes' | 'blockNumber'>) => void;
  /** Ask the node for its chain id first (one more request) and refuse another chain. */
  expectChainId?: boolean;
  /** Epoch ms, from the caller's clock. */
  now: () => number;
}

const SIZE_LIMIT = /gas|too large|too big|size|limit|exceed|payload|response|timeout|timed out|413/i;

function isBatchTooBig(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  // -32005: limit exceeded; -32600: some nodes (anvil) refuse a body over their size limit as an invalid request.
  if (e?.code === -32005 || e?.code === -32600) return true;
  return typeof e?.message === 'string' && SIZE_LIMIT.test(e.message);
}

// A refresh with the same tokens and accounts sends the same batch: build and encode it once.
const prepared = new WeakMap<
  readonly Token[],
  {
    key: string;
    dex: ChainDex | undefined;
    supplyOf: ReadonlySet<string> | undefined;
    discovery: DiscoveryReads | undefined;
    built: ReturnType<typeof buildPortfolioCalls>;
  }
>();
const encoded = new WeakMap<Call3[], Hex>();

function preparedCalls(
  tokens: readonly Token[],
  accounts: readonly string[],
  multicall: string,
  dex: ChainDex | undefined,
  supplyOf: ReadonlySet<string> | undefined,
  discovery: DiscoveryReads | undefined,
) {
  const key = `${multicall}|${accounts.join(',')}`;
  const known = prepared.get(tokens);
  if (known?.key === key && known.dex === dex && known.supplyOf === supplyOf && known.discovery === discovery) return known.built;
  const built = buildPortfolioCalls(tokens, accounts, multicall, dex, supplyOf, discovery);
  prepared.set(tokens, { key, dex, supplyOf, discovery, built });
  return built;
}

async function aggregate(rpc: RpcRequester, multicall: string, calls: Call3[]): Promise<Call3Result[]> {
  let callData = encoded.get(calls);
  if (!callData) {
    callData = encodeAggregate3Compact(calls);
    encoded.set(calls, callData);
  }
  const data = await rpc.request({ method: 'eth_call', params: [{ to: multicall, data: callData }, 'latest'] });
  // One pass without a capture group: the answer can be megabytes of hex.
  if (typeof data !== 'string' || data.length % 2 !== 0 || !/^0x[0-9a-fA-F]*$/.test(data)) throw new Error('eth_call returned no bytes');
  if (data === '0x') throw new Error(`no Multicall3 contract at ${multicall}`);
  return decodeAggregate3(data as Hex, calls.length);
}

/** One aggregate3 eth_call, halved and retried only when the node refuses it as too big. */
export async function aggregateSplitting(rpc: RpcRequester, multicall: string, calls: Call3[]): Promise<Call3Result[]> {
  try {
    return await aggregate(rpc, multicall, calls);
  } catch (err) {
    if (calls.length < 2 || !isBatchTooBig(err)) throw err;
    const half = Math.ceil(calls.length / 2);
    const [first, second] = await Promise.all([
      aggregateSplitting(rpc, multicall, calls.slice(0, half)),
      aggregateSplitting(rpc, multicall, calls.slice(half)),
    ]);
    return [...first, ...second];
  }
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A snapshot for a refresh that got no answer; mergeWithLastGood keeps the previous holdings. */
export function failedSnapshot(chainId: number, err: unknown, nowMs: number): PortfolioSnapshot {
  const code = err instanceof WalletError ? err.code : 'portfolio.rpc_failed';
  const market = marketStatus(nowMs);
  return {
    chainId,
    fetchedAt: nowMs,
    blockNumber: null,
    status: 'failed',
    market: { status: market.status, nextOpen: market.nextOpen },
    accounts: [],
    errors: [{ code, message: messageOf(err) }],
  };
}

/**
 * Reads balances, factors, prices and reserves for every account and token of the
 * chain. Throws WalletError 'portfolio.wrong_chain' when `expectChainId` is set and the
 * node is on another chain; any other RPC failure gives a 'failed' snapshot.
 */
export async function refreshPortfolio(params: RefreshPortfolioParameters): Promise<PortfolioSnapshot> {
  const { rpc, chainId, accounts, multicall = MULTICALL3_ADDRESS, now } = params;
  const tokens = params.tokens.every((t) => t.chainId === chainId) ? params.tokens : params.tokens.filter((t) => t.chainId === chainId);
  if (params.expectChainId) {
    const actual = await readChainId(rpc);
    if (actual !== chainId) throw new WalletError('portfolio.wrong_chain', `The RPC node is on chain ${actual}, not ${chainId}.`);
  }
  const { calls, reads } = preparedCalls(tokens, accounts, multicall, params.dex, params.supplyOf, params.discovery);
  const size = params.maxCallsPerBatch && params.maxCallsPerBatch > 0 ? params.maxCallsPerBatch : calls.length;
  const batches: Call3[][] = [];
  if (size >= calls.length) batches.push(calls);
  else for (let i = 0; i < calls.length; i += size) batches.push(calls.slice(i, i + size));

  const issues: PortfolioIssue[] = [];
  const answers = await Promise.all(
    batches.map((batch) =>
      aggregateSplitting(rpc, multicall, batch).catch((err: unknown) => {
        issues.push({ code: 'portfolio.rpc_failed', message: messageOf(err) });
        return batch.map(() => null);
      }),
    ),
  );
  const nowMs = now();
  if (issues.length === batches.length) return failedSnapshot(chainId, new Error(issues[0].message), nowMs);
  const readings = readPortfolioResults(reads, answers.flat());
  if (params.discovery && params.onDiscovery) {
    const { dShares, probes, blockNumber } = readings;
    params.onDiscovery({ dShares, probes, blockNumber });
  }
  return assembleSnapshot({ chainId, tokens, accounts, readings, market: marketStatus(nowMs), nowMs, issues });
}
