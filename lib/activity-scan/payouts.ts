/** Which incoming transfers are issuer payouts: a registry stablecoin sent by an issuer's contract or payout address. */
import type { Registry } from '../registry';

export function isIssuerPayout(registry: Registry | undefined, payers: readonly string[], chainId: number, token: string, from: string): boolean {
  if (registry?.findToken(chainId, token)?.kind !== 'stablecoin') return false;
  const sender = from.toLowerCase();
  return registry.issuerContract(chainId, sender) !== undefined || payers.some((p) => p.toLowerCase() === sender);
}
