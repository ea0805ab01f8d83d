// Browser versions of the ports lib/ is written against.
import type { KeyValueStore, RpcTransport } from '@/lib/ports';

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

export async function openApprovalWindow(): Promise<void> {
  const url = browser.runtime.getURL('/approval.html');
  const [existing] = await browser.tabs.query({ url });
  if (existing?.windowId !== undefined) {
    await browser.windows.update(existing.windowId, { focused: true });
    return;
  }
  await browser.windows.create({ url, type: 'popup', width: 380, height: 640 });
}
