/**
 * The wallet pages' line to the background: request/response over one port, plus a
 * 'state-changed' push. The port comes from the entrypoint (lib/ has no browser APIs).
 */
import type { PortLike } from '../provider';
import type { UiCommandName, UiError, UiParamsArg, UiResult } from '../ui-contract';

export class UiCallError extends Error {
  readonly code: string | number;
  constructor(error: UiError) {
    super(error.message);
    this.name = 'UiCallError';
    this.code = error.code;
  }
}

/** A typed command call: the method names the params it takes and the result it answers. */
export type UiCall = <K extends UiCommandName>(method: K, ...params: UiParamsArg<K>) => Promise<UiResult<K>>;

export interface WalletClient {
  call: UiCall;
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
      // The background restarted (or stopped): what the page shows may be gone with it, such as
      // a request waiting in the approval window. Listeners refetch, over a new port.
      for (const listener of listeners) listener();
    });
    port = opened;
    return opened;
  };

  return {
    call(method, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        ensurePort().postMessage({ id, method, params: args[0] ?? {} });
      });
    },
    onStateChanged(listener) {
      listeners.add(listener);
      ensurePort();
      return () => listeners.delete(listener);
    },
  };
}
