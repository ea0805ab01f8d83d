// The wallet's own pages talk to the background over a port named sharekeep:ui. Only pages
// of this extension may open it: content scripts share our extension id, so the URL decides.
import type { createUiApi } from '@/lib/commands';

export const UI_PORT_NAME = 'sharekeep:ui';

type UiApi = ReturnType<typeof createUiApi>;
type Port = ReturnType<typeof browser.runtime.connect>;

export function isExtensionPage(port: Port): boolean {
  const url = port.sender?.url;
  return port.sender?.id === browser.runtime.id && !!url && url.startsWith(browser.runtime.getURL('/')) && !port.sender?.tab?.url?.startsWith('http');
}

export function serveUiPort(port: Port, api: UiApi, ports: Set<Port>) {
  ports.add(port);
  port.onDisconnect.addListener(() => ports.delete(port));
  port.onMessage.addListener(async (message: { id?: unknown; method?: unknown; params?: unknown }) => {
    if (typeof message?.id !== 'number' || typeof message.method !== 'string') return;
    try {
      port.postMessage({ id: message.id, result: (await api.handle(message.method, message.params)) ?? null });
    } catch (err) {
      const { code, message: text } = err as { code?: unknown; message?: unknown };
      port.postMessage({
        id: message.id,
        error: {
          code: typeof code === 'string' || typeof code === 'number' ? code : 'internal',
          message: typeof text === 'string' ? text : 'Something went wrong.',
        },
      });
    }
  });
}
