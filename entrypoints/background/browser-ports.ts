// Browser versions of the ports lib/ is written against.
import { createHttpTransport } from '@/lib/chains';
import { createAllowlistedFetch } from '@/lib/issuers';
import { systemClock } from '@/lib/ports';
import type { AllowlistedFetch, KeyValueStore, RpcTransport } from '@/lib/ports';

type StorageArea = typeof browser.storage.local;

export function storagePort(area: StorageArea): KeyValueStore {
  return {
    async get<T>(key: string) {
      const found = await area.get(key);
      return found[key] as T | undefined;
    },
    set: (entries) => area.set(entries),
    remove: (keys) => area.remove(keys),
  };
}

/** JSON-RPC over fetch: no credentials, no redirects, a 15 s timeout and a size cap (lib/chains/http-transport.ts). */
export const fetchRpc: RpcTransport = createHttpTransport((url, init) => fetch(url, init), systemClock);

/** fetch() to issuer APIs: an origin the registry does not allowlist is refused before a byte is sent. */
export const issuerFetchPort = (isAllowlisted: (origin: string) => boolean): AllowlistedFetch =>
  createAllowlistedFetch((url, init) => fetch(url, init), isAllowlisted, systemClock);
