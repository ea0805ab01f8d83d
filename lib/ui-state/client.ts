/**
 * The wallet pages' line to the background: request/response over one port, plus a
 * 'state-changed' push. The port comes from the entrypoint (lib/ has no browser APIs).
 */
import type { PortLike } from '../provider';

export interface UiError {
  code: string | number;
  message: string;
}

export class UiCallError extends Error {
  readonly code: string | number;
  constructor(error: UiError) {
    super(error.message);
    this.name = 'UiCallError';
    this.code = error.code;
  }
}

export interface WalletClient {
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  onStateChanged(listener: () => void): () => void;
}

export function createWalletClient(connect: () => PortLike): WalletClient {
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const listeners = new Set<() => void>();
  let port: PortLike | undefined;
  let nextId = 1;

  const ensurePort = () => {
    if (port) return port;
    const opened = connect();
    opened.onMessage.addListener((raw) => {
      const msg = raw as { id?: number; result?: unknown; error?: UiError; event?: string };
      if (msg.event === 'state-changed') {
        for (const listener of listeners) listener();
        return;
      }
      const entry = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!entry || msg.id === undefined) return;
      pending.delete(msg.id);
      if (msg.error) entry.reject(new UiCallError(msg.error));
      else entry.resolve(msg.result);
    });
    opened.onDisconnect.addListener(() => {
      port = undefined;
      for (const entry of pending.values())
        entry.reject(new UiCallError({ code: 'ui.disconnected', message: 'Sharekeep restarted; please try again.' }));
      pending.clear();
    });
    port = opened;
    return opened;
  };

  return {
    call(method, params = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ensurePort().postMessage({ id, method, params });
      });
    },
    onStateChanged(listener) {
      listeners.add(listener);
      ensurePort();
      return () => listeners.delete(listener);
    },
  };
}
