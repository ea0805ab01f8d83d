/**
 * Changes to settings that decide what the guard allows, kept beside the activity list so the
 * user sees them: each change of jurisdiction, and each time the wallet put back a copy that
 * something other than the wallet had rewritten.
 */
import * as v from 'valibot';
import { type KeyValueStore, readStored, validItems } from '../ports';

export interface SettingChange {
  kind: 'jurisdiction-declared' | 'jurisdiction-changed' | 'jurisdiction-restored';
  /** The value before (for a restore: the rewritten copy that was undone). */
  from?: string;
  to: string;
  at: number;
}

const KEY = 'activity.settings';
const MAX_CHANGES = 50;

const ChangeSchema = v.object({
  kind: v.picklist(['jurisdiction-declared', 'jurisdiction-changed', 'jurisdiction-restored']),
  from: v.optional(v.pipe(v.string(), v.maxLength(16))),
  to: v.pipe(v.string(), v.maxLength(16)),
  at: v.number(),
}) satisfies v.GenericSchema<unknown, SettingChange>;

const STORED = { schema: v.array(ChangeSchema), fallback: (): SettingChange[] => [], salvage: validItems(ChangeSchema) };

export interface SettingChangeLog {
  list(): Promise<SettingChange[]>;
  /** Best effort: a full storage must not undo the change itself. */
  record(change: SettingChange): Promise<void>;
}

export function createSettingChangeLog(store: KeyValueStore): SettingChangeLog {
  const list = () => readStored(store, KEY, STORED);
  return {
    list,
    async record(change) {
      await list()
        .then((changes) => store.set({ [KEY]: [change, ...changes].slice(0, MAX_CHANGES) }))
        .catch(() => undefined);
    },
  };
}
