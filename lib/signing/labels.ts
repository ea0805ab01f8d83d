/**
 * Names for the contracts and accounts a request names (issue 14): the user's own accounts, the
 * registry's issuer contracts and the protocol contracts the wallet decodes. The approval window
 * shows them beside the raw address, never instead of it.
 */
import { isAddress } from 'viem';
import { PROTOCOL_CONTRACTS } from '../intent';
import type { Registry } from '../registry';
import type { SigningDeps } from './deps';

const ROLE_NAMES: Record<string, string> = {
  mint: 'mint contract',
  redeem: 'redemption contract',
  'mint-redeem': 'mint and redemption contract',
  factory: 'token factory',
  'redemption-deposit': 'redemption deposit address',
  payout: 'payout address',
};

/** What sending tokens to an issuer's deposit address means: a redemption, paid out later. */
function depositTerms({ issuer, role }: { issuer: { redemptionByDeposit?: { settlementDays: number } }; role: string }): string {
  const days = issuer.redemptionByDeposit?.settlementDays;
  if (role !== 'redemption-deposit') return '';
  return days === undefined ? ': tokens sent here are redeemed' : `: tokens sent here are redeemed, paid out in stablecoins within T+${days}`;
}

/** Lower-cased address -> what it is, for every address in `addresses` the wallet knows. */
export async function contractLabels(
  deps: Pick<SigningDeps, 'keys' | 'registry'>,
  chainId: number,
  addresses: readonly (string | undefined)[],
): Promise<Record<string, string>> {
  const wanted = [...new Set(addresses.filter((a): a is string => !!a && isAddress(a, { strict: false })).map((a) => a.toLowerCase()))];
  if (!wanted.length) return {};
  const accounts = new Map((await deps.keys.listAccounts()).map((a) => [a.address.toLowerCase(), a.name]));
  const registry: Registry | undefined = deps.registry();
  const labels: Record<string, string> = {};
  for (const address of wanted) {
    const account = accounts.get(address);
    const issuer = registry?.issuerContract(chainId, address);
    const protocol = PROTOCOL_CONTRACTS.find((c) => c.address.toLowerCase() === address);
    const label = account
      ? `Your account "${account}"`
      : issuer
        ? `${issuer.issuer.name} ${ROLE_NAMES[issuer.role] ?? 'contract'}${depositTerms(issuer)}${issuer.verified ? '' : ' (unverified)'}`
        : protocol?.name;
    if (label) labels[address] = label;
  }
  return labels;
}
