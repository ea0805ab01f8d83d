import type { KeyValueStore } from '../../../lib/ports';

/**
 * Wraps a store so that its Nth write (set or remove, counting from 1) fails the way a
 * crash or a full disk would, then every later write fails too: the "process" is dead.
 *  - 'throw': nothing is written.
 *  - 'torn':  each entry is replaced by the first half of its JSON text, then it throws.
 *  - 'torn-fields': each string field inside the value is cut in half, then it throws.
 */
export type FaultMode = 'throw' | 'torn' | 'torn-fields';
export const FAULT_MODES: FaultMode[] = ['throw', 'torn', 'torn-fields'];

export function createFaultyStore(inner: KeyValueStore, failAt: number, mode: FaultMode): KeyValueStore & { writes(): number } {
  let writes = 0;
  const nextWriteSurvives = () => {
    writes += 1;
    return writes < failAt;
  };
  const crash = () => new Error(`simulated crash at write ${failAt}`);
  return {
    get: (key) => inner.get(key),
    async set(entries) {
      if (nextWriteSurvives()) return inner.set(entries);
      if (writes === failAt && mode !== 'throw') {
        const torn = Object.fromEntries(
          Object.entries(entries).map(([k, value]) => [
            k,
            mode === 'torn' ? JSON.stringify(value).slice(0, JSON.stringify(value).length / 2) : tearFields(value),
          ]),
        );
        await inner.set(torn);
      }
      throw crash();
    },
    async remove(keys) {
      if (nextWriteSurvives()) return inner.remove(keys);
      throw crash();
    },
    writes: () => writes,
  };
}

function tearFields(value: unknown): unknown {
  if (typeof value === 'string') return value.slice(0, Math.floor(value.length / 2));
  if (Array.isArray(value)) return value.map(tearFields);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tearFields(v)]));
  return value;
}

/** A store that is full: every write is refused the way browsers refuse over quota. */
export function createFullStore(inner: KeyValueStore): KeyValueStore {
  return {
    get: (key) => inner.get(key),
    set: async () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    },
    remove: (keys) => inner.remove(keys),
  };
}
