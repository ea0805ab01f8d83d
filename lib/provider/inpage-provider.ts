/**
 * The EIP-1193 provider a page sees as window.ethereum, announced by EIP-6963.
 * It only sends requests to the content script and resolves them from its answers; every
 * decision happens in the background. The window is passed in so tests can use a fake one.
 *
 * It talks to the relay on the private MessageChannel the relay hands over in its 'ready'
 * message: the first one wins, and the message is hidden from the page's own listeners (ours
 * was added at document_start, before any of theirs). Answers and events are taken from that
 * channel only, so a page posting on the window cannot answer a request or fake an event.
 */
import { ProviderRpcError, RpcErrorCode } from '../errors';
import { createProviderInfo } from './eip6963';
import { captureIntrinsics } from './intrinsics';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE, type ProviderEventName, type RequestId } from './protocol';

type Listener = (...args: unknown[]) => void;

export interface Eip1193Provider {
  readonly isSharekeep: true;
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: Listener): Eip1193Provider;
  removeListener(event: string, listener: Listener): Eip1193Provider;
}

export function createInpageProvider(win: Window & typeof globalThis): Eip1193Provider {
  const js = captureIntrinsics(win);
  const pending = new Map<RequestId, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const listeners = new Map<string, Set<Listener>>();
  // The relay's channel, once it is ready; requests made before (the relay starts at document_idle) wait here.
  let relay: MessagePort | undefined;
  const queued: unknown[] = [];
  let nextId = 0;
  const idPrefix = `${Math.random().toString(36).slice(2)}-`;

  const emit = (event: string, data: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(data);
      } catch (err) {
        win.setTimeout(() => {
          throw err;
        });
      }
    }
  };

  const fromRelay = (event: MessageEvent) => {
    const msg = js.eventData(event);
    if (js.own(msg, 'channel') !== CHANNEL_TO_INPAGE) return;
    const kind = js.own(msg, 'kind');
    if (kind === 'response') {
      const id = js.own(msg, 'id') as RequestId;
      const entry = js.mapGet(pending, id) as { resolve(v: unknown): void; reject(e: unknown): void } | undefined;
      if (!entry) return;
      js.mapDelete(pending, id);
      const error = js.own(msg, 'error');
      if (error) entry.reject(new ProviderRpcError(js.own(error, 'code') as number, js.own(error, 'message') as string, js.own(error, 'data')));
      else entry.resolve(js.own(msg, 'result'));
    } else if (kind === 'event') {
      emit(js.own(msg, 'event') as ProviderEventName, js.own(msg, 'data'));
    }
  };

  win.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (js.eventSource(event) !== win) return;
      const msg = js.eventData(event);
      if (js.own(msg, 'channel') !== CHANNEL_TO_INPAGE || js.own(msg, 'kind') !== 'ready') return;
      // The channel is ours alone: no page listener sees this message or its port.
      js.stopImmediatePropagation(event);
      const port = js.eventPorts(event)[0];
      if (relay || !port) return;
      relay = port;
      js.portListen(port, 'message', fromRelay);
      js.portStart(port);
      for (const message of queued) js.portPost(port, message);
      queued.length = 0;
    },
    true,
  );

  const provider: Eip1193Provider = {
    isSharekeep: true,
    request(args) {
      if (typeof args !== 'object' || args === null || typeof args.method !== 'string' || args.method.length === 0) {
        return js.Promise.reject(new ProviderRpcError(RpcErrorCode.invalidRequest, 'Expected a request object with a non-empty string "method".'));
      }
      const id = idPrefix + nextId++;
      let message: unknown;
      try {
        // JSON text made here: plain data (structured clone would throw later on functions or
        // symbols), and the relay measures a string instead of walking a page object.
        message = { channel: CHANNEL_TO_CONTENT, id, payload: js.jsonStringify({ method: args.method, params: args.params }) };
      } catch {
        return js.Promise.reject(new ProviderRpcError(RpcErrorCode.invalidParams, 'Request parameters must be JSON-serialisable.'));
      }
      return new js.Promise((resolve, reject) => {
        js.mapSet(pending, id, { resolve, reject });
        if (relay) js.portPost(relay, message);
        else js.arrayPush(queued, message);
      });
    },
    on(event, listener) {
      if (typeof listener === 'function') {
        if (!listeners.has(event)) listeners.set(event, new Set());
        listeners.get(event)!.add(listener);
      }
      return provider;
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener);
      return provider;
    },
  };
  return provider;
}

/** Defines window.ethereum (unless a page or wallet made it non-configurable) and answers EIP-6963. */
export function installProvider(win: Window & typeof globalThis): Eip1193Provider {
  const provider = Object.freeze(createInpageProvider(win));
  // randomUUID exists only in secure contexts; a plain-http dApp still gets a provider.
  const info = createProviderInfo(() => (typeof win.crypto.randomUUID === 'function' ? win.crypto.randomUUID() : uuidV4(win.crypto)));
  const detail = Object.freeze({ info, provider });
  const announce = () => win.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }));
  win.addEventListener('eip6963:requestProvider', announce);
  announce();
  try {
    Object.defineProperty(win, 'ethereum', { value: provider, configurable: true, writable: false, enumerable: true });
  } catch {
    // Another wallet owns window.ethereum; EIP-6963 still lets dApps find Sharekeep.
  }
  return provider;
}

/** An RFC 4122 version-4 UUID from getRandomValues, which every context has. */
function uuidV4(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
