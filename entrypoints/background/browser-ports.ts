// Browser versions of the ports lib/ is written against.
import { createAllowlistedFetch } from '@/lib/issuers';
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

export const fetchRpc: RpcTransport = async (url, body) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`RPC answered HTTP ${res.status}`);
  return res.json();
};

/** fetch() to issuer APIs: an origin the registry does not allowlist is refused before a byte is sent. */
export const issuerFetchPort = (isAllowlisted: (origin: string) => boolean): AllowlistedFetch =>
  createAllowlistedFetch((url, init) => fetch(url, init), isAllowlisted);
