// The wallet's own pages talk to the background over the UI port of lib/ui-contract. Only pages
// of this extension may open it: content scripts share our extension id, so the URL decides.
import type { UiApi } from '@/lib/commands';
import type { UiError } from '@/lib/ui-contract';
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
      const error: UiError = {
        code: typeof code === 'string' || typeof code === 'number' ? code : 'internal',
        message: typeof text === 'string' ? text : 'Something went wrong.',
      };
      port.postMessage({ id: message.id, error });
    }
  });
}
