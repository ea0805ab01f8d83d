// Ledger's libraries expect Node's Buffer as a global; the pages get the `buffer` package's.
// Imported first by ledger-device.ts, so it runs before they load.
import { Buffer } from 'buffer';

const scope = globalThis as { Buffer?: unknown };
scope.Buffer ??= Buffer;
