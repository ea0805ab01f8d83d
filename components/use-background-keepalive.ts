import { useEffect } from 'react';

/**
 * How often a window with a request waiting asks the background something: well under the 30 s
 * after which Chrome stops an idle service worker and Firefox suspends an idle event page (an open
 * port or a pending fetch does not keep either alive), which would drop the request the user is
 * still reading.
 */
export const KEEPALIVE_MS = 20_000;

/** While `waiting`, calls `ping` every KEEPALIVE_MS so the background outlives a slow decision. */
export function useBackgroundKeepalive(waiting: boolean, ping: () => Promise<unknown>): void {
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void ping().catch(() => undefined), KEEPALIVE_MS);
    return () => clearInterval(timer);
  }, [waiting, ping]);
}
