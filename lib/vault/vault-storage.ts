import * as v from 'valibot';
import { WalletError } from '../errors';
import type { KeyValueStore } from '../ports';
import { corruptVault, type ParsedEnvelope, parseEnvelope, type VaultEnvelope } from './envelope';

/**
 * Crash-safe vault storage over a KeyValueStore. The vault lives in two slots; each holds
 * a generation number, the body (envelope + public index, as JSON text) and a SHA-256 of
 * that body. A save writes the new generation into one slot, and only once that write
 * has landed copies it into the other. Whatever point a save dies at - before, between
 * or during either write, or leaving a torn value behind - one slot still holds an intact
 * old or new vault, and a read takes the newest intact one.
 *
 * Before slots existed the vault was a bare envelope under `vault`; it is still read, and
 * removed once a slot holds its successor.
 */

export const VAULT_SLOT_KEYS = ['vault.slot.a', 'vault.slot.b'] as const;
export const LEGACY_VAULT_KEY = 'vault';

const SlotRecordSchema = v.object({
  generation: v.pipe(v.number(), v.integer(), v.minValue(1)),
  digest: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  body: v.string(),
});
type SlotRecord = v.InferOutput<typeof SlotRecordSchema>;

const SlotBodySchema = v.object({ vault: v.unknown(), publicIndex: v.unknown() });

export interface StoredVault {
  /** 0 for a legacy vault that has never been saved into a slot. */
  generation: number;
  envelope: ParsedEnvelope;
  /** Non-secret data saved beside the envelope (the account list), unvalidated. */
  publicIndex: unknown;
}

export interface VaultStorage {
  /** True when anything vault-like is stored, even if it is damaged. */
  exists(): Promise<boolean>;
  /** The newest intact vault, undefined when none is stored; throws vault.corrupt / vault.unsupported_version. */
  read(): Promise<StoredVault | undefined>;
  /**
   * Saves a new generation. With `expectedGeneration`, refuses ('vault.conflict') if someone
   * else saved since that generation was read. Storage failures -> 'vault.storage_failed'.
   */
  write(envelope: VaultEnvelope, publicIndex: unknown, options?: { expectedGeneration?: number }): Promise<number>;
}

interface IntactSlot {
  key: string;
  record: SlotRecord;
  body: v.InferOutput<typeof SlotBodySchema>;
}

async function sha256Hex(text: string): Promise<string> {
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readIntactSlot(key: string, raw: unknown): Promise<IntactSlot | undefined> {
  const record = v.safeParse(SlotRecordSchema, raw);
  if (!record.success || (await sha256Hex(record.output.body)) !== record.output.digest) return undefined;
  try {
    const body = v.safeParse(SlotBodySchema, JSON.parse(record.output.body));
    return body.success ? { key, record: record.output, body: body.output } : undefined;
  } catch {
    return undefined;
  }
}

function storageFailed(cause: unknown): WalletError {
  return new WalletError(
    'vault.storage_failed',
    'The wallet could not be saved (storage is full or unavailable). Your previous vault is unchanged.',
    { cause },
  );
}

export function createVaultStorage(local: KeyValueStore): VaultStorage {
  async function scan() {
    const raws = await Promise.all(VAULT_SLOT_KEYS.map((key) => local.get(key)));
    const intact: IntactSlot[] = [];
    for (const [i, key] of VAULT_SLOT_KEYS.entries()) {
      const slot = await readIntactSlot(key, raws[i]);
      if (slot) intact.push(slot);
    }
    intact.sort((a, b) => b.record.generation - a.record.generation);
    const legacy = await local.get(LEGACY_VAULT_KEY);
    const anyStored = raws.some((raw) => raw !== undefined) || legacy !== undefined;
    return { intact, newest: intact[0] as IntactSlot | undefined, legacy, anyStored };
  }

  async function put(key: string, value: unknown) {
    try {
      await local.set({ [key]: value });
    } catch (err) {
      throw storageFailed(err);
    }
  }

  return {
    async exists() {
      return (await scan()).anyStored;
    },

    async read() {
      const { newest, legacy, anyStored } = await scan();
      if (newest) return { generation: newest.record.generation, envelope: parseEnvelope(newest.body.vault), publicIndex: newest.body.publicIndex };
      if (legacy !== undefined) return { generation: 0, envelope: parseEnvelope(legacy), publicIndex: undefined };
      if (anyStored) throw corruptVault();
      return undefined;
    },

    async write(envelope, publicIndex, options = {}) {
      const { newest, legacy } = await scan();
      const current = newest?.record.generation ?? 0;
      if (options.expectedGeneration !== undefined && options.expectedGeneration !== current) {
        throw new WalletError('vault.conflict', 'The wallet was changed in another window. Nothing was saved; try again.');
      }
      const body = JSON.stringify({ vault: envelope, publicIndex });
      const record: SlotRecord = { generation: current + 1, digest: await sha256Hex(body), body };
      // First into the slot that does not hold the newest intact vault, so a torn write
      // there leaves the current vault readable.
      const [first, second] =
        newest?.key === VAULT_SLOT_KEYS[1] ? [VAULT_SLOT_KEYS[0], VAULT_SLOT_KEYS[1]] : [VAULT_SLOT_KEYS[1], VAULT_SLOT_KEYS[0]];
      await put(first, record);
      // The new vault is now durable. Copying it over the other slot retires the copy that
      // an old password or weaker parameters could still open; if that copy fails, the
      // save has still happened and the next one retries.
      await put(second, record).catch(() => undefined);
      if (legacy !== undefined) await local.remove(LEGACY_VAULT_KEY).catch(() => undefined);
      return record.generation;
    },
  };
}
