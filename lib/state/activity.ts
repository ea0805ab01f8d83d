/** The activity list the popup shows: transactions we sent and how they ended. */
import * as v from 'valibot';
import { type KeyValueStore, readStored, validItems } from '../ports';

export type ActivityStatus = 'pending' | 'confirmed' | 'failed';

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
}

const KEY = 'activity';

const EntrySchema = v.object({
  hash: v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{1,64}$/)),
  chainId: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  from: v.string(),
  to: v.optional(v.string()),
  origin: v.string(),
  summary: v.string(),
  status: v.picklist(['pending', 'confirmed', 'failed']),
  createdAt: v.number(),
  // -1: the nonce was not recorded (entries written before it was).
  nonce: v.pipe(v.number(), v.integer(), v.minValue(-1)),
}) satisfies v.GenericSchema<unknown, ActivityEntry>;

const STORED = { schema: v.array(EntrySchema), fallback: (): ActivityEntry[] => [], salvage: validItems(EntrySchema) };
const MAX_ENTRIES = 200;

export interface ActivityLog {
  list(): Promise<ActivityEntry[]>;
  add(entry: ActivityEntry): Promise<void>;
  setStatus(hash: string, status: ActivityStatus): Promise<void>;
  /** Everyone we sent to before, lower-cased, for the send form's address checks. */
  recipients(from: string): Promise<string[]>;
}

export function createActivityLog(store: KeyValueStore): ActivityLog {
  const load = () => readStored(store, KEY, STORED);
  return {
    list: load,
    async add(entry) {
      await store.set({ [KEY]: [entry, ...(await load())].slice(0, MAX_ENTRIES) });
    },
    async setStatus(hash, status) {
      const entries = await load();
      const entry = entries.find((e) => e.hash === hash);
      if (!entry || entry.status === status) return;
      entry.status = status;
      await store.set({ [KEY]: entries });
    },
    async recipients(from) {
      const mine = (await load()).filter((e) => e.from.toLowerCase() === from.toLowerCase() && e.to);
      return [...new Set(mine.map((e) => e.to!.toLowerCase()))];
    },
  };
}
