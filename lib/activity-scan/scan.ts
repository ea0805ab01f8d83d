/**
 * Reading one account's incoming transfers of tracked tokens from the chain's logs:
 * `Transfer(address,address,uint256)` with the account as topic 2, from the tracked token
 * contracts, in chunks of a bounded block range. The first scan looks a bounded window back;
 * later ones start after the last block read. A node that refuses logs ends the scan where it
 * got to: what was read is kept, nothing is lost.
 */
import * as v from 'valibot';
import { pad } from 'viem';
import type { Clock, RpcCall } from '../ports';
import type { IncomingEntry, IncomingLog } from '../state';

export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

export interface ScanLimits {
  /** How many blocks back the first scan reads, and at most any scan reads (a long absence skips older blocks). */
  window: number;
  /** Blocks per eth_getLogs request. */
  chunk: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = { window: 50_000, chunk: 5_000 };

export interface ScanTarget {
  chainId: number;
  account: string;
  /** Token contracts the portfolio tracks on the chain. */
  tokens: readonly string[];
  /** Whether a transfer of `token` from `from` is an issuer's payout. */
  isPayout(token: string, from: string): boolean;
}

export type ScanOutcome =
  | { status: 'ok'; found: number; scannedTo: number }
  /** The node refused or garbled logs; `scannedTo` is the last block read before it (undefined: none). */
  | { status: 'refused'; found: number; scannedTo?: number; message: string };

const HEX = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]+$/));
const WORD = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/));
const LogSchema = v.object({
  address: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/)),
  topics: v.array(WORD),
  data: WORD,
  blockNumber: HEX,
  transactionHash: WORD,
  logIndex: HEX,
  removed: v.optional(v.boolean()),
});
const LogsSchema = v.array(v.unknown());

const hex = (n: number) => `0x${n.toString(16)}`;
const topicAddress = (topic: string) => `0x${topic.slice(26)}`.toLowerCase();

class LogsRefused extends Error {}

/** Reads the logs of one block range; a malformed log is dropped, a malformed answer refuses. */
async function readChunk(rpc: RpcCall, target: ScanTarget, from: number, to: number, seenAt: number): Promise<IncomingEntry[]> {
  let answer: unknown;
  try {
    answer = await rpc('eth_getLogs', [
      {
        address: [...target.tokens],
        topics: [TRANSFER_TOPIC, null, pad(target.account.toLowerCase() as `0x${string}`)],
        fromBlock: hex(from),
        toBlock: hex(to),
      },
    ]);
  } catch (err) {
    throw new LogsRefused(err instanceof Error ? err.message : 'no answer');
  }
  const logs = v.safeParse(LogsSchema, answer);
  if (!logs.success) throw new LogsRefused('its answer to eth_getLogs was not a list of logs');
  const tokens = new Set(target.tokens.map((t) => t.toLowerCase()));
  const account = target.account.toLowerCase();
  const found: IncomingEntry[] = [];
  for (const raw of logs.output) {
    const parsed = v.safeParse(LogSchema, raw);
    if (!parsed.success) continue;
    const log = parsed.output;
    const [topic, fromTopic, toTopic] = log.topics;
    // A node may answer more than was asked: only transfers to the account from tracked tokens count.
    if (log.removed || log.topics.length !== 3 || topic.toLowerCase() !== TRANSFER_TOPIC) continue;
    if (!tokens.has(log.address.toLowerCase()) || topicAddress(toTopic) !== account) continue;
    const blockNumber = Number(log.blockNumber);
    if (blockNumber < from || blockNumber > to) continue;
    const token = log.address.toLowerCase();
    const sender = topicAddress(fromTopic);
    found.push({
      hash: log.transactionHash.toLowerCase(),
      logIndex: Number(log.logIndex),
      chainId: target.chainId,
      blockNumber,
      token,
      from: sender,
      to: account,
      amount: BigInt(log.data).toString(),
      payout: target.isPayout(token, sender),
      seenAt,
    });
  }
  return found;
}

export interface ScanDeps {
  rpc: RpcCall;
  log: IncomingLog;
  clock: Clock;
}

/** Scans the blocks one account has not been scanned for yet, and stores what it finds. */
export async function scanIncoming(deps: ScanDeps, target: ScanTarget, limits: ScanLimits = DEFAULT_SCAN_LIMITS): Promise<ScanOutcome> {
  let latest: number;
  try {
    const answer = await deps.rpc('eth_blockNumber');
    if (!v.is(HEX, answer)) throw new Error('its block number was not a number');
    latest = Number(answer);
  } catch (err) {
    return {
      status: 'refused',
      found: 0,
      message: `The network's node did not say its latest block (${err instanceof Error ? err.message : 'no answer'}).`,
    };
  }
  const cursor = await deps.log.cursor(target.chainId, target.account);
  const start = Math.max(cursor === undefined ? 0 : cursor + 1, latest - limits.window + 1, 0);
  if (start > latest || target.tokens.length === 0) {
    await deps.log.record(target.chainId, target.account, latest, []);
    return { status: 'ok', found: 0, scannedTo: latest };
  }
  let found = 0;
  let scannedTo: number | undefined = cursor;
  for (let from = start; from <= latest; from += limits.chunk) {
    const to = Math.min(from + limits.chunk - 1, latest);
    try {
      const entries = await readChunk(deps.rpc, target, from, to, deps.clock.now());
      await deps.log.record(target.chainId, target.account, to, entries);
      found += entries.length;
      scannedTo = to;
    } catch (err) {
      if (!(err instanceof LogsRefused)) throw err;
      return {
        status: 'refused',
        found,
        scannedTo,
        message: `The network's node refused to serve logs (${err.message.slice(0, 200)}): incoming transfers from block ${from} on are not shown yet.`,
      };
    }
  }
  return { status: 'ok', found, scannedTo: latest };
}
