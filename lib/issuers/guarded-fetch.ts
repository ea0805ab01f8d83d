/**
 * An AllowlistedFetch built from a plain fetch: any URL whose origin the allowlist does not
 * name is refused before a byte is sent, redirects are refused (they could lead elsewhere),
 * no cookies go along, and a slow issuer times out.
 */
import type { AllowlistedFetch, Clock } from '../ports';
import { issuerError } from './errors';

type FetchLike = (url: string, init: RequestInit) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface GuardedFetchOptions {
  timeoutMs?: number;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

export function createAllowlistedFetch(
  fetchImpl: FetchLike,
  isAllowed: (origin: string) => boolean,
  clock: Pick<Clock, 'sleep'>,
  options: GuardedFetchOptions = {},
): AllowlistedFetch {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return async (url, init = {}) => {
    const origin = originOf(url);
    if (!origin || !isAllowed(origin)) {
      throw issuerError(
        'issuer.not_allowlisted',
        `Sharekeep talks only to issuers in its allowlist; ${origin ?? 'that address'} is not one. Nothing was sent.`,
      );
    }
    const controller = new AbortController();
    let settled = false;
    void clock.sleep(timeoutMs).then(() => settled || controller.abort());
    try {
      return await fetchImpl(url, { ...init, redirect: 'error', credentials: 'omit', signal: controller.signal });
    } finally {
      settled = true;
    }
  };
}
