// Issue 10, item 15, written once for both browsers: the extension pages' CSP lets the wallet reach
// its node (here the devnet's, plain http on this machine) and https origins, and refuses plain
// http elsewhere and websockets. Both browsers fire securitypolicyviolation for a refused connection.
import { expect } from 'vitest';
import type { UiPage } from './driver.ts';

export type Attempt = { ok: boolean; answer?: unknown; violated: string[] };

/** Connects from the extension page; reports what it got and which CSP directives refused it. */
export function attempt(page: UiPage, url: string, kind: 'fetch' | 'websocket' = 'fetch'): Promise<Attempt> {
  return page.evaluate(
    async ([url, kind]) => {
      const violated: string[] = [];
      // Only connections: the page's SES lockdown probes eval, which script-src refuses, as it should.
      const listener = (e: SecurityPolicyViolationEvent) => {
        if (e.effectiveDirective === 'connect-src') violated.push(`${e.effectiveDirective} ${e.blockedURI}`);
      };
      document.addEventListener('securitypolicyviolation', listener);
      let ok = false;
      let answer: unknown;
      try {
        if (kind === 'websocket') {
          new WebSocket(url).close();
        } else {
          const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] });
          const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          answer = ((await res.json()) as { result?: unknown }).result;
          ok = true;
        }
      } catch {
        ok = false;
      }
      // The violation event is queued as a task: let it arrive.
      await new Promise((resolve) => setTimeout(resolve, 100));
      document.removeEventListener('securitypolicyviolation', listener);
      return { ok, answer, violated };
    },
    [url, kind] as const,
  );
}

/** `page`: an extension page; `rpcUrl`: the devnet's node. */
export function cspFlows(page: UiPage, rpcUrl: string) {
  return {
    async reachesTheNode() {
      expect(await attempt(page, rpcUrl)).toEqual({ ok: true, answer: '0x7a69', violated: [] });
    },

    async letsHttpsThrough() {
      // Nothing listens on port 1: the request fails on the network, not on the policy.
      expect((await attempt(page, 'https://127.0.0.1:1/')).violated).toEqual([]);
    },

    async refuses(url: string, kind: 'fetch' | 'websocket') {
      const outcome = await attempt(page, url, kind);
      expect(outcome.ok).toBe(false);
      expect(outcome.violated).toEqual([expect.stringMatching(/^connect-src /)]);
    },
  };
}

export const REFUSED = [
  ['plain http to another machine', 'http://192.0.2.1/rpc', 'fetch'],
  ['a websocket', 'ws://127.0.0.1:1/', 'websocket'],
  ['a data: URL', 'data:application/json,{}', 'fetch'],
] as const;
