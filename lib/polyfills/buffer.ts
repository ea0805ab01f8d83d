// @metamask/eth-sig-util expects Node's Buffer. The service worker has none: set it before
// anything that imports eth-sig-util is evaluated (import this module first).
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
