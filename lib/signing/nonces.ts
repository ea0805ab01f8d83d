/**
 * Nonces that never repeat, even across a service-worker restart. The node's pending count is
 * the truth, except when our last transaction has not reached it yet: then the next nonce
 * follows the one we used (kept in storage). If the node no longer knows our last transaction
 * (dropped, or a local chain was reset) the node's count wins again. Per account, nonce
 * assignment is serialised.
 */
import * as v from 'valibot';
import type { Hex } from 'viem';
import { type KeyValueStore, readStored, validEntries } from '../ports';

const KEY = 'nonces.used';

interface UsedNonce {
  nonce: number;
  hash: Hex;
}

const UsedNonceSchema = v.object({
  nonce: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  hash: v.custom<Hex>((h) => typeof h === 'string' && /^0x[0-9a-fA-F]{1,64}$/.test(h)),
}) satisfies v.GenericSchema<unknown, UsedNonce>;

// A lost record only means the node's pending count decides the next nonce, as on a first send.
const STORED = { schema: v.record(v.string(), UsedNonceSchema), fallback: () => ({}), salvage: validEntries(UsedNonceSchema) };

export interface NonceSource {
  pendingCount(): Promise<number>;
  knowsTransaction(hash: Hex): Promise<boolean>;
}

export interface NonceManager {
  /** Runs `send` with the next nonce; the nonce counts as used only if `send` returns a hash. */
  withNextNonce(chainId: number, address: string, chain: NonceSource, send: (nonce: number) => Promise<Hex>): Promise<Hex>;
}

export function createNonceManager(store: KeyValueStore): NonceManager {
  const queues = new Map<string, Promise<unknown>>();
  const load = (): Promise<Record<string, UsedNonce>> => readStored(store, KEY, STORED);

  return {
    withNextNonce(chainId, address, chain, send) {
      const key = `${chainId}:${address.toLowerCase()}`;
      const run = async () => {
        const last = (await load())[key];
        const pending = await chain.pendingCount();
        let next = pending;
        if (last && last.nonce >= pending && (await chain.knowsTransaction(last.hash))) next = last.nonce + 1;
        const hash = await send(next);
        // Sent is sent: a record that cannot be saved (storage full) must not turn into an error
        // the dApp would retry. Without it the node's pending count decides the next nonce.
        await load()
          .then((used) => store.set({ [KEY]: { ...used, [key]: { nonce: next, hash } } }))
          .catch(() => undefined);
        return hash;
      };
      const current = (queues.get(key) ?? Promise.resolve()).then(run, run);
      queues.set(
        key,
        current.catch(() => undefined),
      );
      return current;
    },
  };
}
