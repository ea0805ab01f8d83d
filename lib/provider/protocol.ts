import { RpcErrorCode } from '../errors';
/**
 * The wire between the page (inpage provider), the content script and the background.
 * Page <-> content script: the relay hands the inpage provider one end of a private
 * MessageChannel in its 'ready' message; requests, answers and events then travel on it, so a
 * page script posting on the window can neither answer nor see the provider's requests. Raw
 * window.postMessage requests on the named channel are still answered, on the window.
 * Content script <-> background: one long-lived runtime port per frame.
 * Kept free of dependencies: the inpage and content scripts import it and must stay tiny.
 */

export const CHANNEL_TO_CONTENT = 'sharekeep:inpage->content';
export const CHANNEL_TO_INPAGE = 'sharekeep:content->inpage';
export const PROVIDER_PORT_NAME = 'sharekeep:provider';

/** Longest method name we bother to forward; anything longer is malformed. */
export const MAX_METHOD_LENGTH = 128;
/** Largest serialised request the content script forwards (1 MiB). */
export const MAX_REQUEST_BYTES = 1 << 20;

export type RequestId = string | number;

/** Sandboxed and other opaque-origin frames share the identity "null": Sharekeep serves none of them. */
export const OPAQUE_ORIGIN_ERROR = { code: RpcErrorCode.unauthorized, message: 'Sharekeep does not serve sandboxed frames.' } as const;

/**
 * An origin that names no site: an opaque origin serialises as "null" (a sandboxed frame, a
 * data: URL). It must never get a grant or an approval.
 */
export function isOpaqueOrigin(origin: string): boolean {
  return origin === 'null';
}

export interface RpcPayload {
  method: string;
  params?: unknown;
}

/** Page -> content script. */
/**
 * Page -> content script. The inpage provider sends the payload as JSON text, made in the page:
 * the relay then measures a string and parses it in its own world, where walking a page's object
 * would cost a Firefox content script a crossing per element (a million-element array took 0.7 s).
 * A raw frame may still carry the object itself.
 */
export interface PageRequestMessage {
  channel: typeof CHANNEL_TO_CONTENT;
  id: RequestId;
  payload: RpcPayload | string;
}

export interface RpcErrorObject {
  code: number;
  message: string;
  data?: unknown;
}

/** Background -> page (through the content script). 'ready' carries the relay's channel in its ports. */
export type ToPageMessage =
  | { channel: typeof CHANNEL_TO_INPAGE; kind: 'ready' }
  | { channel: typeof CHANNEL_TO_INPAGE; kind: 'response'; id: RequestId; result?: unknown; error?: RpcErrorObject }
  | { channel: typeof CHANNEL_TO_INPAGE; kind: 'event'; event: ProviderEventName; data: unknown };

export type ProviderEventName = 'connect' | 'disconnect' | 'accountsChanged' | 'chainChanged' | 'message';

/** Content script -> background on the port. */
export interface PortRequest {
  id: RequestId;
  payload: RpcPayload;
}

/** Background -> content script on the port. */
export type PortMessage =
  | { kind: 'response'; id: RequestId; result?: unknown; error?: RpcErrorObject }
  | { kind: 'event'; event: ProviderEventName; data: unknown };

function isRequestId(value: unknown): value is RequestId {
  return (typeof value === 'string' && value.length > 0 && value.length <= 64) || (typeof value === 'number' && Number.isSafeInteger(value));
}

/**
 * Checks the shape a page message must have before it is forwarded. Anything else is dropped
 * by the content script (when it has no usable id) or answered with -32600 by the background.
 */
export function readPageRequest(data: unknown): PageRequestMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const msg = data as Record<string, unknown>;
  if (msg.channel !== CHANNEL_TO_CONTENT || !isRequestId(msg.id)) return undefined;
  const payload = msg.payload;
  if (typeof payload !== 'string' && (typeof payload !== 'object' || payload === null)) return undefined;
  return msg as unknown as PageRequestMessage;
}

/** A port request as the background receives it: only the id is trusted to exist. */
export function readPortRequest(data: unknown): { id: RequestId; payload: unknown } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const msg = data as Record<string, unknown>;
  return isRequestId(msg.id) ? { id: msg.id, payload: msg.payload } : undefined;
}
