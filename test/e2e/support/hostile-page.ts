// The scripts of a page that attacks the provider channel, run in the page by either browser's
// driver (each takes one argument object): forged answers to a request in flight, a channel of its
// own offered as the relay's, and raw frames reusing an id in flight.
import { CHANNEL_TO_CONTENT, CHANNEL_TO_INPAGE } from '../../../lib/provider/protocol.ts';

type Outcome = { result?: unknown; code?: number; message?: string };
export type HostileWindow = { __real?: Outcome; __forged: number; __rawAnswers: Outcome[] };

export const CHANNELS = { toContent: CHANNEL_TO_CONTENT, toInpage: CHANNEL_TO_INPAGE };

/** Asks eth_requestAccounts and forges every answer it can to it; the real outcome lands in window.__real. */
export function forgeAnswers({ toContent, toInpage }: typeof CHANNELS): void {
  const w = window as unknown as HostileWindow;
  w.__forged = 0;
  const forge = (id: unknown) => {
    // A request reusing the id (the relay used to forward it, and eth_chainId answers at once) and a direct answer.
    window.postMessage({ channel: toContent, id, payload: { method: 'eth_chainId' } }, '*');
    window.postMessage({ channel: toInpage, kind: 'response', id, result: ['0x000000000000000000000000000000000000dEaD'] }, '*');
    w.__forged++;
  };
  window.addEventListener('message', (e) => {
    const m = e.data as { channel?: string; id?: unknown; payload?: { method?: string } } | null;
    if (m?.channel === toContent && m.payload?.method === 'eth_requestAccounts') forge(m.id);
  });
  // A channel of its own, offered as if it were the relay's: whatever reaches it gets a forged answer.
  const own = new MessageChannel();
  own.port1.onmessage = (e) => {
    own.port1.postMessage({ channel: toInpage, kind: 'response', id: e.data.id, result: ['0x000000000000000000000000000000000000dEaD'] });
    w.__forged++;
  };
  window.postMessage({ channel: toInpage, kind: 'ready' }, '*', [own.port2]);
  window.ethereum!.request({ method: 'eth_requestAccounts' }).then(
    (result) => {
      w.__real = { result };
    },
    (e: { code: number; message: string }) => {
      w.__real = { code: e.code, message: e.message };
    },
  );
}

/** Posts a raw eth_requestAccounts frame with id 'raw-1' and collects the relay's answers to that id in window.__rawAnswers. */
export function rawRequest({ toContent, toInpage }: typeof CHANNELS): void {
  const w = window as unknown as HostileWindow;
  w.__rawAnswers = [];
  window.addEventListener('message', (e) => {
    const m = e.data as { channel?: string; kind?: string; id?: unknown; result?: unknown; error?: { code: number } } | null;
    if (m?.channel === toInpage && m.kind === 'response' && m.id === 'raw-1') {
      w.__rawAnswers.push(m.error ? { code: m.error.code } : { result: m.result });
    }
  });
  window.postMessage({ channel: toContent, id: 'raw-1', payload: { method: 'eth_requestAccounts' } }, '*');
}

/** A second raw frame reusing the id 'raw-1' while the first is in flight. */
export function reuseRawId({ toContent }: typeof CHANNELS): void {
  window.postMessage({ channel: toContent, id: 'raw-1', payload: { method: 'eth_chainId' } }, '*');
}

export const realOutcome = () => (window as unknown as HostileWindow).__real;
export const rawAnswers = () => (window as unknown as HostileWindow).__rawAnswers;
