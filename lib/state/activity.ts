/** The activity list the popup shows: transactions we sent and how they ended. */
import * as v from 'valibot';
import { type KeyValueStore, readStored, validItems } from '../ports';

/**
 * 'cancelled': a cancel with the same nonce was mined instead of the transaction. 'dropped': the
 * nonce was used by a transaction this wallet did not send (or a reorg dropped this one and
 * another took its nonce), or it never reached the node because the wallet stopped while sending
 * it: it can never be mined.
 */
export type ActivityStatus = 'pending' | 'confirmed' | 'failed' | 'cancelled' | 'dropped';

/** What was signed, as a speed-up or cancel must repeat or outbid it (amounts in wei, decimal). */
export interface SentRecord {
  to?: string;
  value: string;
  data?: string;
  gas: string;
  type: 'eip1559' | 'legacy';
  maxFeePerGas?: string;
  maxPriorityFeePerGas?: string;
  gasPrice?: string;
}

export interface ActivityEntry {
  hash: string;
  chainId: number;
  from: string;
  to?: string;
  origin: string;
  summary: string;
  status: ActivityStatus;
  createdAt: number;
  nonce: number;
  sent?: SentRecord;
  /** Hashes this entry's transaction replaced (same nonce), oldest first: any of them may be the one mined. */
  replaced?: string[];
  /** How the latest replacement came about. */
  replacement?: 'speed-up' | 'cancel';
  /**
   * The entry's latest transaction was signed and handed to the node, which has not said it took
   * it. Written before the send, so a worker stopped mid-send still lists what it may have sent.
   */
  unacknowledged?: true;
  /** An issuer request's payout (a mint's tokens, a redemption's stablecoin), as the issuer service tracks it: pending until it arrives, then the amount received. */
  payout?: ActivityPayout;
}

export interface ActivityPayout {
  state: 'pending' | 'received';
  symbol: string;
  decimals: number;
  /** Base units received (decimal string), once received. */
  amount?: string;
  /** When it is due, in words ("when the issuer fills the order", "within T+3"). */
  when?: string;
}

/** A transaction sent in place of a pending one, with the same nonce. */
export interface Replacement {
  hash: string;
  kind: 'speed-up' | 'cancel';
  sent: SentRecord;
  unacknowledged?: true;
}

const KEY = 'activity';

const HASH = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{1,64}$/));
const WEI = v.pipe(v.string(), v.regex(/^\d{1,78}$/));

const SentSchema = v.object({
  to: v.optional(v.string()),
  value: WEI,
  data: v.optional(v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]*$/))),
  gas: WEI,
  type: v.picklist(['eip1559', 'legacy']),
  maxFeePerGas: v.optional(WEI),
  maxPriorityFeePerGas: v.optional(WEI),
  gasPrice: v.optional(WEI),
}) satisfies v.GenericSchema<unknown, SentRecord>;

const EntrySchema = v.object({
  hash: HASH,
  chainId: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  from: v.string(),
  to: v.optional(v.string()),
  origin: v.string(),
  summary: v.string(),
  status: v.picklist(['pending', 'confirmed', 'failed', 'cancelled', 'dropped']),
  createdAt: v.number(),
  // -1: the nonce was not recorded (entries written before it was).
  nonce: v.pipe(v.number(), v.integer(), v.minValue(-1)),
  sent: v.optional(SentSchema),
  replaced: v.optional(v.array(HASH)),
  replacement: v.optional(v.picklist(['speed-up', 'cancel'])),
  unacknowledged: v.optional(v.literal(true)),
  payout: v.optional(
    v.object({
      state: v.picklist(['pending', 'received']),
      symbol: v.pipe(v.string(), v.maxLength(16)),
      decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
      amount: v.optional(WEI),
      when: v.optional(v.pipe(v.string(), v.maxLength(200))),
    }),
  ),
}) satisfies v.GenericSchema<unknown, ActivityEntry>;

const STORED = { schema: v.array(EntrySchema), fallback: (): ActivityEntry[] => [], salvage: validItems(EntrySchema) };
const MAX_ENTRIES = 200;

export interface ActivityLog {
  list(): Promise<ActivityEntry[]>;
  add(entry: ActivityEntry): Promise<void>;
  setStatus(hash: string, status: ActivityStatus): Promise<void>;
  /** The entry whose transaction is `previous` now follows its replacement `hash`; `previous` is kept among `replaced`. */
  replace(previous: string, replacement: Replacement): Promise<void>;
  /** The entry that knows `hash` (current or replaced) ends with that transaction mined. */
  settle(hash: string, status: ActivityStatus): Promise<void>;
  /** The node took the entry's latest transaction `hash`. */
  acknowledge(hash: string): Promise<void>;
  /**
   * The node refused `hash`: a replacement gives way to the transaction it replaced; a first
   * transaction leaves the list (it was never sent).
   */
  withdraw(hash: string): Promise<void>;
  /** True while this worker is still sending `hash`: its silence from the node is not yet news. */
  sending(hash: string): boolean;
  /** Everyone we sent to before, lower-cased, for the send form's address checks. */
  recipients(from: string): Promise<string[]>;
  /** The payout the entry of `hash` (a redemption) waits for, or received. */
  notePayout(hash: string, payout: ActivityPayout): Promise<void>;
}

const knows = (entry: ActivityEntry, hash: string) => entry.hash === hash || (entry.replaced ?? []).includes(hash);

export function createActivityLog(store: KeyValueStore): ActivityLog {
  const load = () => readStored(store, KEY, STORED);
  // Hashes this worker wrote as unacknowledged and is still sending; a restarted worker has none.
  const inFlight = new Set<string>();
  const track = (entry: { hash: string; unacknowledged?: true }) => {
    if (entry.unacknowledged) inFlight.add(entry.hash);
  };
  return {
    list: load,
    async add(entry) {
      track(entry);
      await store.set({ [KEY]: [entry, ...(await load())].slice(0, MAX_ENTRIES) });
    },
    async setStatus(hash, status) {
      const entries = await load();
      const entry = entries.find((e) => e.hash === hash);
      if (!entry || entry.status === status) return;
      entry.status = status;
      await store.set({ [KEY]: entries });
    },
    async replace(previous, replacement) {
      const { hash, kind, sent, unacknowledged } = replacement;
      track(replacement);
      const entries = await load();
      const entry = entries.find((e) => e.hash === previous);
      if (!entry) return;
      entry.replaced = [...(entry.replaced ?? []), previous];
      Object.assign(entry, { hash, replacement: kind, sent });
      if (unacknowledged) entry.unacknowledged = true;
      else delete entry.unacknowledged;
      await store.set({ [KEY]: entries });
    },
    async acknowledge(hash) {
      inFlight.delete(hash);
      const entries = await load();
      const entry = entries.find((e) => e.hash === hash);
      if (!entry?.unacknowledged) return;
      delete entry.unacknowledged;
      await store.set({ [KEY]: entries });
    },
    async withdraw(hash) {
      inFlight.delete(hash);
      const entries = await load();
      const entry = entries.find((e) => e.hash === hash);
      if (!entry) return;
      const previous = entry.replaced?.at(-1);
      if (previous) {
        // The transaction it replaced is still the one the node has.
        entry.replaced = entry.replaced?.slice(0, -1);
        if (entry.replaced?.length === 0) delete entry.replaced;
        entry.hash = previous;
        delete entry.replacement;
        delete entry.unacknowledged;
        await store.set({ [KEY]: entries });
      } else {
        await store.set({ [KEY]: entries.filter((e) => e !== entry) });
      }
    },
    sending: (hash) => inFlight.has(hash),
    async settle(hash, status) {
      const entries = await load();
      const entry = entries.find((e) => knows(e, hash));
      if (!entry) return;
      if (entry.hash !== hash) {
        // An earlier transaction of the entry was mined, not its replacement: the entry follows it.
        entry.replaced = [...(entry.replaced ?? []).filter((h) => h !== hash), entry.hash];
        entry.hash = hash;
        delete entry.replacement;
      }
      entry.status = entry.replacement === 'cancel' && status === 'confirmed' ? 'cancelled' : status;
      delete entry.unacknowledged;
      await store.set({ [KEY]: entries });
    },
    async notePayout(hash, payout) {
      const entries = await load();
      const entry = entries.find((e) => knows(e, hash));
      if (!entry) return;
      entry.payout = payout;
      await store.set({ [KEY]: entries });
    },
    async recipients(from) {
      const mine = (await load()).filter((e) => e.from.toLowerCase() === from.toLowerCase() && e.to);
      return [...new Set(mine.map((e) => e.to!.toLowerCase()))];
    },
  };
}
