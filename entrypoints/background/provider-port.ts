// Pages reach the wallet through the relay's port, one per frame. The requesting site is the
// port's sender origin, never anything the page wrote into a message. Opaque origins ("null":
// sandboxed frames, data: URLs) name no site: each of their requests gets 4100, and they never
// reach the wallet, so there is no "Request from null" and no grant shared by all of them.
import { toHexChainId } from '@/lib/chains';
import { toRpcError } from '@/lib/errors';
import { isOpaqueOrigin, OPAQUE_ORIGIN_ERROR, PROVIDER_PORT_NAME, readPortRequest } from '@/lib/provider/protocol';
import type { Wallet } from '@/lib/wallet';

type Port = ReturnType<typeof browser.runtime.connect>;

/** The site a relay port speaks for, or undefined when the port is not our relay's. */
export function providerPortOrigin(port: Port): string | undefined {
  if (port.name !== PROVIDER_PORT_NAME || port.sender?.id !== browser.runtime.id || !port.sender.url) return undefined;
  return port.sender.origin ?? new URL(port.sender.url).origin;
}

export function serveProviderPort(port: Port, origin: string, wallet: Wallet, sites: Map<Port, string>) {
  if (isOpaqueOrigin(origin)) return refuseOpaqueOrigin(port);
  sites.set(port, origin);
  port.onDisconnect.addListener(() => sites.delete(port));
  // EIP-1193 'connect': the provider can now serve requests for this chain.
  wallet.settings
    .get()
    .then(({ activeChainId }) => port.postMessage({ kind: 'event', event: 'connect', data: { chainId: toHexChainId(activeChainId) } }));
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
}

function refuseOpaqueOrigin(port: Port) {
  port.onMessage.addListener((message: unknown) => {
    const request = readPortRequest(message);
    if (request) port.postMessage({ kind: 'response', id: request.id, error: OPAQUE_ORIGIN_ERROR });
  });
}
