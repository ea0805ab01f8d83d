/**
 * Incoming token transfers found in the chain's logs (issue 14), and how far each account's
 * scan has read on each chain, so a refresh reads only new blocks. Bounded: the newest entries
 * are kept.
 */
import * as v from 'valibot';
import { type KeyValueStore, readStored, validEntries, validItems } from '../ports';

export interface IncomingEntry {
  /** The transaction that carried the transfer. */
  hash: string;
  /** The log's index in its block: one transaction may carry several transfers. */
  logIndex: number;
  chainId: number;
  blockNumber: number;
  token: string;
  from: string;
  /** The user's account that received it. */
  to: string;
  /** Raw token units, decimal. */
  amount: string;
  /** Sent by an issuer's contract or payout address in a stablecoin: a dividend or redemption payout. */
  payout: boolean;
  /** When the wallet first saw it (ms since epoch). */
  seenAt: number;
}

const KEY = 'activity.incoming';
const CURSORS_KEY = 'activity.incoming.cursors';
export const MAX_INCOMING = 200;

const ADDRESS = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/));
const BLOCK = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

const IncomingSchema = v.object({
  hash: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/)),
  logIndex: BLOCK,
  chainId: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  blockNumber: BLOCK,
  token: ADDRESS,
  from: ADDRESS,
  to: ADDRESS,
  amount: v.pipe(v.string(), v.regex(/^\d{1,78}$/)),
  payout: v.boolean(),
  seenAt: v.number(),
}) satisfies v.GenericSchema<unknown, IncomingEntry>;

const ENTRIES = { schema: v.array(IncomingSchema), fallback: (): IncomingEntry[] => [], salvage: validItems(IncomingSchema) };
const CURSORS = { schema: v.record(v.string(), BLOCK), fallback: (): Record<string, number> => ({}), salvage: validEntries(BLOCK) };

const cursorKey = (chainId: number, account: string) => `${chainId}:${account.toLowerCase()}`;
const identity = (e: Pick<IncomingEntry, 'chainId' | 'hash' | 'logIndex'>) => `${e.chainId}:${e.hash.toLowerCase()}:${e.logIndex}`;

export interface IncomingLog {
  /** Newest block first. */
  list(): Promise<IncomingEntry[]>;
  /** The last block scanned for an account on a chain; undefined before its first scan. */
  cursor(chainId: number, account: string): Promise<number | undefined>;
  /** Adds what a scan found (a transfer already known is kept once) and moves the account's cursor. */
  record(chainId: number, account: string, scannedTo: number, found: readonly IncomingEntry[]): Promise<void>;
}

export function createIncomingLog(store: KeyValueStore): IncomingLog {
  const load = () => readStored(store, KEY, ENTRIES);
  const cursors = () => readStored(store, CURSORS_KEY, CURSORS);
  return {
    list: load,
    async cursor(chainId, account) {
      return (await cursors())[cursorKey(chainId, account)];
    },
    async record(chainId, account, scannedTo, found) {
      const byId = new Map((await load()).map((e) => [identity(e), e]));
      for (const entry of found) if (!byId.has(identity(entry))) byId.set(identity(entry), entry);
      const entries = [...byId.values()].sort((a, b) => b.blockNumber - a.blockNumber || b.logIndex - a.logIndex).slice(0, MAX_INCOMING);
      await store.set({ [KEY]: entries, [CURSORS_KEY]: { ...(await cursors()), [cursorKey(chainId, account)]: scannedTo } });
    },
  };
}
