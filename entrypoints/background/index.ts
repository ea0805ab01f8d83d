import '@/lib/polyfills/buffer';
import { toRpcError } from '@/lib/errors';
import { PROVIDER_PORT_NAME, readPortRequest } from '@/lib/provider/protocol';
import { createWallet } from '@/lib/wallet';
import { fetchRpc, openApprovalWindow, storagePort } from './browser-ports';

export default defineBackground(() => {
  const wallet = createWallet({
    local: storagePort(browser.storage.local),
    session: storagePort(browser.storage.session),
    clock: Date,
    rpc: fetchRpc,
    openApproval: openApprovalWindow,
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') browser.tabs.create({ url: browser.runtime.getURL('/onboarding.html') });
  });

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== PROVIDER_PORT_NAME || port.sender?.id !== browser.runtime.id || !port.sender.url) return port.disconnect();
    const origin = port.sender.origin ?? new URL(port.sender.url).origin;
    port.onMessage.addListener(async (message: unknown) => {
      const request = readPortRequest(message);
      if (!request) return;
      try {
        const result = await wallet.handleProviderRequest({ origin }, request.payload);
        port.postMessage({ kind: 'response', id: request.id, result: result ?? null });
      } catch (err) {
        port.postMessage({ kind: 'response', id: request.id, error: toRpcError(err) });
      }
    });
  });

  // Read by `npm run bench`: how long the worker took from script start to listening.
  (globalThis as { sharekeepReadyMs?: number }).sharekeepReadyMs = performance.now();
});
