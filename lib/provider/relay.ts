/**
 * The isolated-world relay: page requests go to the background over a runtime port, answers
 * and events come back. The inpage provider talks to it on a private MessageChannel handed
 * over in the 'ready' message; raw window.postMessage requests on the named channel are still
 * answered, on the window, where only page code listens.
 *
 * Ids: the background sees ids the relay assigns, so nothing a page writes can collide with
 * another request; a second request reusing an id still in flight on the same path is refused.
 * A sandboxed (opaque-origin) frame gets an EIP-1193 error for every request, never silence,
 * and the background is not woken for it.
 *
 * It starts at document_idle, after the page's DOMContentLoaded, so the isolated world costs
 * the page's load nothing; it then tells the inpage provider it is ready.
 */
import { RpcErrorCode } from '../errors';
import {
  CHANNEL_TO_INPAGE,
  MAX_REQUEST_BYTES,
  OPAQUE_ORIGIN_ERROR,
  type PortMessage,
  type RequestId,
  type RpcErrorObject,
  readPageRequest,
} from './protocol';

export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
}

/** One way back to the page: the private channel or the window. */
interface PagePath {
  send(message: PortMessage): void;
  inFlight: Set<RequestId>;
}

/** The request's payload as plain data of at most MAX_REQUEST_BYTES of JSON, or why not. */
function plainPayload(payload: unknown): { value: unknown } | { error: string } {
  const tooLarge = { error: 'Request is too large.' };
  const notJson = { error: 'Request is not JSON.' };
  if (typeof payload === 'string') {
    if (payload.length > MAX_REQUEST_BYTES) return tooLarge;
    try {
      const value: unknown = JSON.parse(payload);
      return typeof value === 'object' && value !== null ? { value } : notJson;
    } catch {
      return notJson;
    }
  }
  try {
    return JSON.stringify(payload).length > MAX_REQUEST_BYTES ? tooLarge : { value: payload };
  } catch {
    return notJson;
  }
}

export function startRelay(win: Window & typeof globalThis, connect: () => PortLike): void {
  // window.origin is the document's origin ("null" when sandboxed); location.origin is the URL's.
  const opaque = win.origin === 'null';
  const channel = new win.MessageChannel();
  const inFlight = new Map<number, { path: PagePath; id: RequestId }>();
  let nextId = 0;
  let port: PortLike | undefined;

  // '*' because a sandboxed frame's origin is "null", which no target origin matches; these
  // messages go to this same window, and secrets never travel this way.
  const windowPath: PagePath = { send: (m) => win.postMessage({ channel: CHANNEL_TO_INPAGE, ...m }, '*'), inFlight: new Set() };
  const channelPath: PagePath = { send: (m) => channel.port1.postMessage({ channel: CHANNEL_TO_INPAGE, ...m }), inFlight: new Set() };
  const fail = (path: PagePath, id: RequestId, error: RpcErrorObject) => path.send({ kind: 'response', id, error });

  const settle = (key: number) => {
    const entry = inFlight.get(key);
    inFlight.delete(key);
    entry?.path.inFlight.delete(entry.id);
    return entry;
  };

  const ensurePort = (): PortLike => {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((message) => {
      const msg = message as PortMessage;
      if (msg?.kind === 'event') return channelPath.send(msg);
      if (msg?.kind !== 'response' || typeof msg.id !== 'number') return;
      const entry = settle(msg.id);
      if (entry) entry.path.send({ ...msg, id: entry.id });
    });
    opened.onDisconnect.addListener(() => {
      port = undefined;
      // The background went away (update, restart): answer what it never will.
      for (const key of [...inFlight.keys()]) {
        const entry = settle(key);
        if (entry) fail(entry.path, entry.id, { code: RpcErrorCode.disconnected, message: 'Sharekeep disconnected; please retry.' });
      }
    });
    port = opened;
    return opened;
  };

  const relay = (path: PagePath, data: unknown) => {
    const request = readPageRequest(data);
    if (!request) return;
    if (opaque) return fail(path, request.id, OPAQUE_ORIGIN_ERROR);
    if (path.inFlight.has(request.id))
      return fail(path, request.id, { code: RpcErrorCode.invalidRequest, message: 'A request with this id is already in flight.' });
    const payload = plainPayload(request.payload);
    if ('error' in payload) return fail(path, request.id, { code: RpcErrorCode.invalidRequest, message: payload.error });
    const key = nextId++;
    inFlight.set(key, { path, id: request.id });
    path.inFlight.add(request.id);
    try {
      ensurePort().postMessage({ id: key, payload: payload.value });
    } catch {
      port = undefined;
      settle(key);
      fail(path, request.id, { code: RpcErrorCode.disconnected, message: 'Sharekeep is not reachable; please retry.' });
    }
  };

  channel.port1.addEventListener('message', (event: MessageEvent) => relay(channelPath, event.data));
  channel.port1.start();
  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source === win) relay(windowPath, event.data);
  });

  // The inpage provider holds requests made before this script ran; this releases them.
  win.postMessage({ channel: CHANNEL_TO_INPAGE, kind: 'ready' }, '*', [channel.port2]);
}
