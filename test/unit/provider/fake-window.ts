// A window for the provider tests: postMessage delivers to its own listeners asynchronously,
// as a browser does, with `source` set; tests can also deliver messages from another source.
export class FakeWindow extends EventTarget {
  location = { origin: 'https://dapp.example' };
  crypto = globalThis.crypto;
  posted: unknown[] = [];
  setTimeout = globalThis.setTimeout;

  postMessage(data: unknown) {
    this.posted.push(data);
    const clone = structuredClone(data);
    queueMicrotask(() => this.dispatchEvent(messageEvent(clone, this)));
  }

  /** A message that did not come from this window (another frame or window). */
  deliverForeign(data: unknown) {
    this.dispatchEvent(messageEvent(data, null));
  }
}

// Node's MessageEvent only accepts a MessagePort as source: build the event by hand.
function messageEvent(data: unknown, source: unknown): Event {
  return Object.assign(new Event('message'), { data, source });
}

export const asWindow = (w: FakeWindow) => w as unknown as Window & typeof globalThis;

export const tick = () => new Promise((r) => setTimeout(r, 0));
