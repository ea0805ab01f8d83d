// The Ledger over WebHID, for extension pages only (never the service worker): loaded with
// `await import('../shared/ledger-device')` when a hardware account is used, so no other
// bundle carries Ledger's code. The logic is lib/ledger's; this file only opens the device.
import './buffer-global';
import type Transport from '@ledgerhq/hw-transport';
import TransportWebHID from '@ledgerhq/hw-transport-webhid';
import type { DerivationScheme, HardwareSignature, HardwareSignTask } from '@/lib/hardware';
import { deviceError, type LedgerAccount, ledgerAccounts, signOnLedger } from '@/lib/ledger';
import { WalletError } from '@/lib/errors';

export const webHidAvailable = (nav: Navigator = navigator) => 'hid' in nav;

/**
 * Opens the Ledger: one this page may already use, or (only from a click, which the browser's
 * device chooser needs) the one the user picks. Undefined when none is allowed yet and `ask` is false.
 */
async function open(ask: boolean): Promise<Transport | undefined> {
  if (!webHidAvailable())
    throw new WalletError('hardware.no_webhid', 'This browser cannot reach a Ledger (no WebHID). Use Chrome or another Chromium browser.');
  try {
    const connected = await TransportWebHID.openConnected();
    if (connected) return connected;
    return ask ? await TransportWebHID.request() : undefined;
  } catch (err) {
    throw deviceError(err);
  }
}

async function withDevice<T>(ask: boolean, run: (transport: Transport) => Promise<T>): Promise<T | undefined> {
  const transport = await open(ask);
  if (!transport) return undefined;
  try {
    return await run(transport);
  } finally {
    await transport.close().catch(() => undefined);
  }
}

export const readLedgerAccounts = (scheme: DerivationScheme, start: number, count: number): Promise<LedgerAccount[] | undefined> =>
  withDevice(true, (t) => ledgerAccounts(t, scheme, start, count));

/** Undefined when the page has no device yet and `ask` is false: the user must click to pick one. */
export const signWithLedger = (task: HardwareSignTask, ask: boolean): Promise<HardwareSignature | undefined> =>
  withDevice(ask, (t) => signOnLedger(t, task));
