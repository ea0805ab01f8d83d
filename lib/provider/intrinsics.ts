/**
 * The built-ins the MAIN-world provider reads messages and keeps requests with, captured when
 * it is installed at document_start, before any page script runs. A page that later patches
 * MessageEvent.prototype (to hand the provider its own port), Map.prototype.set (to grab a
 * pending request's resolve) or Promise cannot reach the provider's channel through them.
 */

// Turns a method into a function taking `this` first; bound now, so a later patch of
// Function.prototype.call does not reach it.
const uncurry = <A extends unknown[], R>(fn: (...args: A) => R) => Function.prototype.call.bind(fn) as unknown as (self: unknown, ...args: A) => R;

function getter(proto: object, key: string): (self: unknown) => unknown {
  const get = Object.getOwnPropertyDescriptor(proto, key)?.get;
  if (!get) throw new TypeError(`no ${key} getter to capture`);
  return uncurry(get);
}

export function captureIntrinsics(win: Window & typeof globalThis) {
  const eventProto = win.MessageEvent.prototype;
  const portProto = win.MessagePort.prototype;
  const hasOwn = Object.hasOwn;
  return Object.freeze({
    eventData: getter(eventProto, 'data'),
    eventSource: getter(eventProto, 'source'),
    eventPorts: getter(eventProto, 'ports') as (e: unknown) => readonly MessagePort[],
    stopImmediatePropagation: uncurry(win.Event.prototype.stopImmediatePropagation),
    portPost: uncurry(portProto.postMessage as (message: unknown) => void),
    portListen: uncurry(portProto.addEventListener as (type: string, listener: (event: MessageEvent) => void) => void),
    portStart: uncurry(portProto.start),
    Promise: win.Promise as PromiseConstructor,
    mapGet: uncurry(Map.prototype.get),
    mapSet: uncurry(Map.prototype.set),
    mapDelete: uncurry(Map.prototype.delete),
    arrayPush: uncurry(Array.prototype.push),
    jsonStringify: JSON.stringify,
    /** An own property of a message, never one a page planted on Object.prototype. */
    own: (obj: unknown, key: string): unknown =>
      typeof obj === 'object' && obj !== null && hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined,
  });
}

export type Intrinsics = ReturnType<typeof captureIntrinsics>;
