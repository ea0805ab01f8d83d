/** The device's status words, as sentences that say what to do next. */
import { WalletError } from '../errors';

const BY_STATUS: Record<number, [code: string, message: string]> = {
  27013: ['hardware.rejected', 'You rejected the request on your Ledger. Nothing was signed.'],
  21781: ['hardware.locked', 'Your Ledger is locked. Unlock it with your PIN and try again.'],
  25873: ['hardware.app_closed', 'Open the Ethereum app on your Ledger and try again.'],
  28160: ['hardware.app_closed', 'Open the Ethereum app on your Ledger and try again.'],
  27904: ['hardware.app_closed', 'Open the Ethereum app on your Ledger (an up-to-date version) and try again.'],
  27264: ['hardware.blind_signing', 'Your Ledger refused this data: turn on "Blind signing" in the Ethereum app settings and try again.'],
};

export function deviceError(err: unknown): WalletError {
  if (err instanceof WalletError) return err;
  const status = (err as { statusCode?: unknown })?.statusCode;
  const known = typeof status === 'number' ? BY_STATUS[status] : undefined;
  if (known) return new WalletError(known[0], known[1], { cause: err });
  const name = (err as { name?: unknown })?.name;
  if (name === 'TransportOpenUserCancelled' || name === 'NotFoundError')
    return new WalletError('hardware.not_connected', 'No Ledger was chosen. Connect it, unlock it and open the Ethereum app.', { cause: err });
  if (name === 'DisconnectedDevice' || name === 'DisconnectedDeviceDuringOperation')
    return new WalletError('hardware.disconnected', 'The Ledger was disconnected. Reconnect it and try again.', { cause: err });
  const detail = err instanceof Error ? err.message : String(err);
  return new WalletError('hardware.failed', `The Ledger did not answer as expected (${detail}). Reconnect it and try again.`, { cause: err });
}
