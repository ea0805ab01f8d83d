/**
 * Reading a stored record through its schema. storage.local can hold anything: an older
 * version's shape, a half-written value, a content script's tampering. A record that does not
 * parse is never handed on as if it did: what can be salvaged is kept, the rest falls back to
 * its default, and the unreadable original is set aside under `<key>.corrupt` so nothing is
 * lost for good. A crash is never the answer to a bad record.
 */
import * as v from 'valibot';
import type { KeyValueStore } from './index';

export const CORRUPT_SUFFIX = '.corrupt';

export interface StoredRecord<T> {
  /** The record's schema: a stored value must parse whole to be used as is. */
  schema: v.GenericSchema<unknown, T>;
  fallback(): T;
  /** What can be kept from a value that does not parse whole (default: nothing). */
  salvage?(raw: unknown): T;
}

export async function readStored<T>(store: KeyValueStore, key: string, record: StoredRecord<T>): Promise<T> {
  const raw = await store.get(key);
  if (raw === undefined || raw === null) return record.fallback();
  const parsed = v.safeParse(record.schema, raw);
  if (parsed.success) return parsed.output;
  const kept = record.salvage?.(raw) ?? record.fallback();
  // Best effort: a failed write leaves the same salvage to be made on the next read.
  await store.set({ [key]: kept, [`${key}${CORRUPT_SUFFIX}`]: raw }).catch(() => undefined);
  return kept;
}

/** Keeps the entries of a stored list that parse, in order. */
export function validItems<T>(item: v.GenericSchema<unknown, T>) {
  return (raw: unknown): T[] => (Array.isArray(raw) ? raw.flatMap((x) => (v.is(item, x) ? [v.parse(item, x)] : [])) : []);
}

/** Keeps the entries of a stored map that parse (own keys only). */
export function validEntries<T>(entry: v.GenericSchema<unknown, T>) {
  return (raw: unknown): Record<string, T> => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
    const kept: Record<string, T> = {};
    for (const [key, value] of Object.entries(raw)) {
      const parsed = v.safeParse(entry, value);
      if (parsed.success) kept[key] = parsed.output;
    }
    return kept;
  };
}
