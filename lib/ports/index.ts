/**
 * The outside world, as lib/ sees it. entrypoints/ pass browser-backed versions,
 * tests pass the in-memory ones from ./memory.ts.
 */

/** A key-value store with JSON-serialisable values (browser.storage.local / .session). */
export interface KeyValueStore {
  get<T = unknown>(key: string): Promise<T | undefined>;
  /** Writes every entry of `entries` atomically (one storage call). */
  set(entries: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Time and timers: lib/ reads both only through this port, so tests can drive them. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds (a manual clock moves its time instead of waiting). */
  sleep(ms: number): Promise<void>;
}

/** One JSON-RPC request to a node; rejects with the node's error. */
export type RpcTransport = (url: string, body: unknown) => Promise<unknown>;

/** A JSON-RPC method call on one node, answering its result or rejecting with an EIP-1193 error. The one calling style in lib/. */
export type RpcCall = (method: string, params?: unknown[]) => Promise<unknown>;

/**
 * fetch() restricted to origins the wallet allows (configured RPC URLs and
 * allowlisted issuer origins). Any other origin is refused before a byte is sent.
 */
export type AllowlistedFetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface WindowOpener {
  /** Opens (or focuses) the approval window. */
  openApproval(): Promise<void>;
}

export { CORRUPT_SUFFIX, readStored, type StoredRecord, validEntries, validItems } from './stored';
export { systemClock } from './system';
