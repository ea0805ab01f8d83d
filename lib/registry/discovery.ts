/**
 * Tokens an issuer lists after a release: xStocks' factory emits `NewToken(address indexed
 * newToken, string name, string symbol)` for every token it creates (REFERENCE.md, from
 * DefiLlama's xStocks adapter), so a new xStock is found in that factory's logs, read through the
 * user's own RPC. A found token takes its issuer's facts and naming (AAPLx -> AAPL) but stays
 * unverified, and carries `discovery` so the wallet can say it was "found on chain via the
 * issuer's factory". Dinari's dShares are enumerated the same way at build time by getDShares()
 * (dinari.ts); this file reads only the factories that announce tokens by event.
 *
 * The log query covers a block range; a node that refuses a range as too large is asked for its
 * halves, within `maxRequests`. What was read before a refusal is kept, and `scannedTo` says how
 * far the read got, so the next scan resumes there and nothing is read twice.
 */
import { decodeEventLog, decodeFunctionResult, encodeEventTopics, encodeFunctionData, getAddress, type Hex, parseAbi } from 'viem';
import { type TokenListProfile, underlyingFromNaming, XSTOCKS_PROFILE } from './build/from-token-lists.ts';
import type { RpcRequester } from './rpc.ts';
import type { Token } from './schema.ts';

export const FOUND_ON_CHAIN_LABEL = "found on chain via the issuer's factory";

const factoryAbi = parseAbi(['event NewToken(address indexed newToken, string name, string symbol)']);
const decimalsAbi = parseAbi(['function decimals() view returns (uint8)']);
/** NewToken's topic, encoded on first use (not at the worker's start). */
let topic: Hex | undefined;
export const newTokenTopic = (): Hex => (topic ??= encodeEventTopics({ abi: factoryAbi, eventName: 'NewToken' })[0]);

/** The issuers whose factory announces each token by NewToken, with how they name them. */
const ANNOUNCING_ISSUERS: Readonly<Record<string, TokenListProfile>> = { [XSTOCKS_PROFILE.issuer]: XSTOCKS_PROFILE };

export const announcesTokens = (issuer: string) => issuer in ANNOUNCING_ISSUERS;

export interface ScanFactoryParameters {
  chainId: number;
  /** The factory, as the registry lists it (role 'factory'). */
  factory: string;
  issuer: string;
  fromBlock: number;
  toBlock: number;
  /** True for a token the wallet already knows (the registry, an earlier scan). */
  known(address: string): boolean;
  /** At most this many eth_getLogs requests (default 8). */
  maxRequests?: number;
}

export interface ScanFactoryResult {
  tokens: Token[];
  skipped: { address: string; reason: string }[];
  /** The last block read without a gap since fromBlock; fromBlock - 1 when none was. */
  scannedTo: number;
  /** Why the read stopped short of toBlock, if it did. */
  refused?: string;
}

const hex = (n: number) => `0x${n.toString(16)}`;

interface RawLog {
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
}

function parseLogs(answer: unknown): RawLog[] {
  if (!Array.isArray(answer)) throw new Error('eth_getLogs returned no list');
  return answer.filter(
    (l): l is RawLog =>
      typeof l === 'object' &&
      l !== null &&
      Array.isArray(l.topics) &&
      typeof l.data === 'string' &&
      typeof l.blockNumber === 'string' &&
      l.removed !== true,
  );
}

async function readDecimals(rpc: RpcRequester, address: string): Promise<number> {
  const data = await rpc.request({ method: 'eth_call', params: [{ to: address, data: encodeFunctionData({ abi: decimalsAbi }) }, 'latest'] });
  if (typeof data !== 'string' || data === '0x') throw new Error('no decimals()');
  const decimals = Number(decodeFunctionResult({ abi: decimalsAbi, data: data as Hex }));
  if (decimals > 36) throw new Error(`implausible decimals ${decimals}`);
  return decimals;
}

/** Reads NewToken logs of [from, to], halving a range the node refuses, in block order. */
async function readNewTokenLogs(rpc: RpcRequester, p: ScanFactoryParameters) {
  const logs: { token: string; name: string; symbol: string; blockNumber: number }[] = [];
  const pending: [number, number][] = [[p.fromBlock, p.toBlock]];
  let requests = 0;
  let scannedTo = p.fromBlock - 1;
  while (pending.length > 0) {
    const [from, to] = pending.shift()!;
    if (requests >= (p.maxRequests ?? 8)) return { logs, scannedTo, refused: 'too many log requests for the range' };
    requests++;
    let answer: RawLog[];
    try {
      answer = parseLogs(
        await rpc.request({
          method: 'eth_getLogs',
          params: [{ address: p.factory, topics: [newTokenTopic()], fromBlock: hex(from), toBlock: hex(to) }],
        }),
      );
    } catch (err) {
      if (to > from) {
        const middle = Math.floor((from + to) / 2);
        pending.unshift([from, middle], [middle + 1, to]);
        continue;
      }
      return { logs, scannedTo, refused: err instanceof Error ? err.message : String(err) };
    }
    for (const log of answer) {
      try {
        const { args } = decodeEventLog({ abi: factoryAbi, topics: log.topics as [Hex, ...Hex[]], data: log.data });
        logs.push({ token: getAddress(args.newToken), name: args.name, symbol: args.symbol, blockNumber: Number(BigInt(log.blockNumber)) });
      } catch {
        // Not a NewToken the ABI describes: not a token announcement.
      }
    }
    scannedTo = to;
  }
  return { logs, scannedTo };
}

/** The tokens the issuer's factory announced in [fromBlock, toBlock] that the wallet does not know yet. */
export async function scanFactoryTokens(rpc: RpcRequester, p: ScanFactoryParameters): Promise<ScanFactoryResult> {
  const profile = ANNOUNCING_ISSUERS[p.issuer];
  if (!profile || p.fromBlock > p.toBlock) return { tokens: [], skipped: [], scannedTo: Math.max(p.toBlock, p.fromBlock - 1) };
  const { logs, scannedTo, refused } = await readNewTokenLogs(rpc, p);
  const tokens: Token[] = [];
  const skipped: ScanFactoryResult['skipped'] = [];
  const seen = new Set<string>();
  for (const log of logs) {
    const key = log.token.toLowerCase();
    if (seen.has(key) || p.known(log.token)) continue;
    seen.add(key);
    const underlying = underlyingFromNaming(log.symbol, log.name, profile);
    if (!underlying) {
      skipped.push({ address: log.token, reason: `"${log.symbol}" "${log.name}" does not follow ${p.issuer}'s naming` });
      continue;
    }
    let decimals: number;
    try {
      decimals = await readDecimals(rpc, log.token);
    } catch (err) {
      skipped.push({ address: log.token, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    tokens.push({
      chainId: p.chainId,
      address: log.token,
      symbol: log.symbol,
      name: log.name,
      decimals,
      issuer: p.issuer,
      kind: 'stock',
      underlying,
      corporateActions: profile.corporateActions,
      verified: false,
      discovery: { via: 'issuer-factory', factory: getAddress(p.factory), blockNumber: log.blockNumber },
    });
  }
  return { tokens, skipped, scannedTo, ...(refused ? { refused } : {}) };
}
