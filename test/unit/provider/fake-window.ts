// A window for the provider tests: postMessage delivers to its own listeners asynchronously,
// as a browser does, with `source` set and transferred ports in `ports`; tests can also deliver
// messages from another source. MessageEvent and MessageChannel are fakes with the browser's
// shape (getters on the prototype), because Node's MessageEvent only accepts a MessagePort as
// source and Node's ports keep the process alive.

export class FakeMessageEvent extends Event {
  #data: unknown;
  #source: unknown;
  #ports: readonly FakePort[];
  constructor(data: unknown, source: unknown, ports: readonly FakePort[] = []) {
    super('message');
    this.#data = data;
    this.#source = source;
    this.#ports = Object.freeze([...ports]);
  }
  get data() {
    return this.#data;
  }
  get source() {
    return this.#source;
  }
  get ports() {
    return this.#ports;
  }
}

export class FakePort extends EventTarget {
  other?: FakePort;
  closed = false;
  sent: unknown[] = [];
  postMessage(data: unknown) {
    if (this.closed) return;
    this.sent.push(data);
    const clone = structuredClone(data);
    const target = this.other;
    queueMicrotask(() => {
      if (target && !target.closed) target.dispatchEvent(new FakeMessageEvent(clone, null));
    });
  }
  start() {}
  close() {
    this.closed = true;
  }
}

export class FakeMessageChannel {
  port1 = new FakePort();
  port2 = new FakePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}

export class FakeWindow extends EventTarget {
  location = { origin: 'https://dapp.example' };
  /** The document's origin: "null" in a sandboxed frame, while location.origin stays the URL's. */
  origin = 'https://dapp.example';
  crypto = globalThis.crypto;
  posted: unknown[] = [];
  /** Ports transferred with each message, one list per message. */
  transfers: FakePort[][] = [];
  /** Target origins given to postMessage, one per message. */
  targetOrigins: string[] = [];
  setTimeout = globalThis.setTimeout;
  MessageEvent = FakeMessageEvent;
  MessageChannel = FakeMessageChannel;
  MessagePort = FakePort;
  Event = Event;
  Promise = Promise;

  constructor(options: { sandboxed?: boolean } = {}) {
    super();
    if (options.sandboxed) this.origin = 'null';
  }

  postMessage(data: unknown, targetOrigin = '/', transfer: FakePort[] = []) {
    this.posted.push(data);
    this.transfers.push(transfer);
    this.targetOrigins.push(targetOrigin);
    // A browser drops a message whose target origin is not the document's own.
    if (targetOrigin !== '*' && targetOrigin !== '/' && targetOrigin !== this.origin) return;
    const clone = structuredClone(data);
    queueMicrotask(() => this.dispatchEvent(new FakeMessageEvent(clone, this, transfer)));
  }

  /** A message that did not come from this window (another frame or window). */
  deliverForeign(data: unknown) {
    this.dispatchEvent(new FakeMessageEvent(data, null));
  }
}

export const asWindow = (w: FakeWindow) => w as unknown as Window & typeof globalThis;

export const tick = () => new Promise((r) => setTimeout(r, 0));
