/**
 * The isolated-world relay: page messages on one named channel go to the background over a
 * runtime port, answers and events come back. It forwards only messages from its own window
 * with the request shape; the background decides everything else.
 *
 * It starts at document_idle, after the page's DOMContentLoaded, so the isolated world costs
 * the page's load nothing; it then tells the inpage provider it is ready.
 */
import { CHANNEL_TO_INPAGE, MAX_REQUEST_BYTES, type PortMessage, type RequestId, readPageRequest } from './protocol';

export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

export function startRelay(win: Window & typeof globalThis, connect: () => PortLike): void {
  const targetOrigin = win.location.origin === 'null' ? '*' : win.location.origin;
  const inFlight = new Set<RequestId>();
  let port: PortLike | undefined;

  const toPage = (message: PortMessage) => win.postMessage({ channel: CHANNEL_TO_INPAGE, ...message }, targetOrigin);
  const fail = (id: RequestId, code: number, message: string) => toPage({ kind: 'response', id, error: { code, message } });

  const ensurePort = (): PortLike => {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((message) => {
      const msg = message as PortMessage;
      if (msg?.kind === 'response') inFlight.delete(msg.id);
      if (msg?.kind === 'response' || msg?.kind === 'event') toPage(msg);
    });
    opened.onDisconnect.addListener(() => {
      port = undefined;
      // The background went away (update, restart): answer what it never will.
      for (const id of inFlight) fail(id, 4900, 'Sharekeep disconnected; please retry.');
      inFlight.clear();
    });
    port = opened;
    return opened;
  };

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win) return;
    const request = readPageRequest(event.data);
    if (!request) return;
    let size: number;
    try {
      size = JSON.stringify(request.payload).length;
    } catch {
      return fail(request.id, -32600, 'Request is not JSON.');
    }
    if (size > MAX_REQUEST_BYTES) return fail(request.id, -32600, 'Request is too large.');
    inFlight.add(request.id);
    try {
      ensurePort().postMessage({ id: request.id, payload: request.payload });
    } catch {
      port = undefined;
      inFlight.delete(request.id);
      fail(request.id, 4900, 'Sharekeep is not reachable; please retry.');
    }
  });

  // The inpage provider holds requests made before this script ran; this releases them.
  win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'ready' }, targetOrigin);
}
