/**
 * The RpcTransport over HTTP, built from a plain fetch. A node is a stranger on the network:
 * no cookies or HTTP auth go to it, a redirect is refused (it could lead anywhere, and the
 * user configured this URL, not another), a node that does not answer in time is given up,
 * an answer is read only up to a size cap, and what is not JSON is refused. Every refusal is
 * an EIP-1193 error that says what happened.
 */
import type { Clock } from '../ports';
import { ProviderRpcError, RpcErrorCode } from '../errors';
import type { RpcTransport } from '../ports';

/** The part of a fetch Response this reads. */
export interface HttpResponseLike {
  status: number;
  type?: string;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | null;
}

export type HttpFetch = (url: string, init: RequestInit) => Promise<HttpResponseLike>;

export interface HttpTransportOptions {
  /** How long a node has to answer, body included, ms (default 15 s). */
  timeoutMs?: number;
  /** The largest answer read, bytes (default 10 MiB). */
  maxResponseBytes?: number;
}

export type RpcTransportFailure = 'unreachable' | 'timeout' | 'redirect' | 'http-status' | 'too-large' | 'not-json' | 'bad-url';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** A transport failure as a dApp receives it; `data.reason` names the case. */
export function rpcTransportError(reason: RpcTransportFailure, message: string, cause?: unknown): ProviderRpcError {
  const code = reason === 'not-json' || reason === 'too-large' ? RpcErrorCode.internal : RpcErrorCode.chainDisconnected;
  return new ProviderRpcError(code, message, { reason }, { cause });
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(3))} s`;

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.host : undefined;
  } catch {
    return undefined;
  }
}

/** Reads the body as text, refusing it once it passes `max` bytes. */
async function readCapped(response: HttpResponseLike, max: number, host: string): Promise<string> {
  const tooLarge = () => rpcTransportError('too-large', `The RPC at ${host} sent an answer larger than ${max} bytes; Sharekeep refused it.`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** `clock` times the answer out (lib/ keeps its timers behind the Clock port). */
export function createHttpTransport(fetchImpl: HttpFetch, clock: Pick<Clock, 'sleep'>, options: HttpTransportOptions = {}): RpcTransport {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_BYTES;

  return async (url, body) => {
    const host = hostOf(url);
    if (!host) throw rpcTransportError('bad-url', 'The RPC URL is not an http(s) URL; nothing was sent.');
    const controller = new AbortController();
    let timedOut = false;
    let settled = false;
    void clock.sleep(timeoutMs).then(() => {
      if (settled) return;
      timedOut = true;
      controller.abort();
    });
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        // 'manual', not 'error': a refused redirect then reads as one, not as a network failure.
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal: controller.signal,
      });
      if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
        throw rpcTransportError('redirect', `The RPC at ${host} answered with a redirect; Sharekeep does not follow redirects from a node.`);
      }
      const text = await readCapped(response, maxBytes, host);
      let answer: unknown;
      try {
        answer = JSON.parse(text);
      } catch {
        if (response.status < 200 || response.status >= 300) {
          throw rpcTransportError('http-status', `The RPC at ${host} answered HTTP ${response.status}.`);
        }
        throw rpcTransportError('not-json', `The RPC at ${host} answered something that is not JSON.`);
      }
      // A node may refuse with an HTTP error and a JSON-RPC error body: its error says more.
      const hasRpcError = typeof answer === 'object' && answer !== null && 'error' in answer;
      if ((response.status < 200 || response.status >= 300) && !hasRpcError) {
        throw rpcTransportError('http-status', `The RPC at ${host} answered HTTP ${response.status}.`);
      }
      return answer;
    } catch (err) {
      if (err instanceof ProviderRpcError) throw err;
      if (timedOut) throw rpcTransportError('timeout', `The RPC at ${host} did not answer within ${seconds(timeoutMs)}.`, err);
      throw rpcTransportError('unreachable', `The RPC at ${host} did not answer (${err instanceof Error ? err.message : 'network error'}).`, err);
    } finally {
      settled = true;
    }
  };
}
