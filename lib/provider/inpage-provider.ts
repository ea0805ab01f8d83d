/**
 * The EIP-1193 provider a page sees as window.ethereum, announced by EIP-6963.
 * It only posts requests to the content script and resolves them from its answers; every
 * decision happens in the background. The window is passed in so tests can use a fake one.
 */
import { createProviderInfo } from './eip6963';
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE, type RequestId, type ToPageMessage } from './protocol';

type Listener = (...args: unknown[]) => void;

export interface Eip1193Provider {
  readonly isSharekeep: true;
  request(args: { method: string; params?: unknown }): Promise<unknown>;
  on(event: string, listener: Listener): Eip1193Provider;
  removeListener(event: string, listener: Listener): Eip1193Provider;
}

class RpcError extends Error {
  code: number;
  data?: unknown;
  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.code = code;
    if (data !== undefined) this.data = data;
  }
}

export function createInpageProvider(win: Window & typeof globalThis): Eip1193Provider {
  const pending = new Map<RequestId, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const listeners = new Map<string, Set<Listener>>();
  const targetOrigin = win.location.origin === 'null' ? '*' : win.location.origin;
  // Requests made before the relay (document_idle) is listening wait here.
  let queued: unknown[] | undefined = [];
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

  win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== win) return;
    const msg = event.data as ToPageMessage | null;
    if (!msg || msg.channel !== CHANNEL_TO_INPAGE) return;
    if (msg.kind === 'ready') {
      const waiting = queued ?? [];
      queued = undefined;
      for (const message of waiting) win.postMessage(message, targetOrigin);
    } else if (msg.kind === 'response') {
      const entry = pending.get(msg.id);
      if (!entry) return;
      pending.delete(msg.id);
      if (msg.error) entry.reject(new RpcError(msg.error.code, msg.error.message, msg.error.data));
      else entry.resolve(msg.result);
    } else if (msg.kind === 'event') {
      emit(msg.event, msg.data);
    }
  });

  const provider: Eip1193Provider = {
    isSharekeep: true,
    request(args) {
      if (typeof args !== 'object' || args === null || typeof args.method !== 'string' || args.method.length === 0) {
        return Promise.reject(new RpcError(-32600, 'Expected a request object with a non-empty string "method".'));
      }
      const id = idPrefix + nextId++;
      let message: unknown;
      try {
        // structured clone would throw later on functions or symbols; JSON makes the request plain data now.
        message = JSON.parse(JSON.stringify({ channel: CHANNEL_TO_CONTENT, id, payload: { method: args.method, params: args.params } }));
      } catch {
        return Promise.reject(new RpcError(-32602, 'Request parameters must be JSON-serialisable.'));
      }
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        if (queued) queued.push(message);
        else win.postMessage(message, targetOrigin);
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
  const info = createProviderInfo(() => win.crypto.randomUUID());
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
