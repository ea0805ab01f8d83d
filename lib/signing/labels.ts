/**
 * Names for the contracts and accounts a request names (issue 14): the user's own accounts, the
 * registry's issuer contracts, the protocol contracts the wallet decodes (and a chain's routers its
 * registry entry names), and the names the user
 * gave in the address book. The approval window shows them beside the raw address, never
 * instead of it. The wallet's own names win over the user's, and a user's name may not read
 * like one of them (the one rule, contactNameProblem).
 */
import { isAddress } from 'viem';
import { PROTOCOL_CONTRACTS } from '../intent';
import { symbolSkeleton, visibleText } from '../names';
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

export type LabelDeps = Pick<SigningDeps, 'keys' | 'registry'> & Partial<Pick<SigningDeps, 'contacts'>>;

const issuerLabel = (issuer: NonNullable<ReturnType<Registry['issuerContract']>>) =>
  `${issuer.issuer.name} ${ROLE_NAMES[issuer.role] ?? 'contract'}${depositTerms(issuer)}${issuer.verified ? '' : ' (unverified)'}`;

/** How an address-book name is shown: said to be the user's, its invisible characters written out. */
export const contactLabel = (name: string) => `"${visibleText(name)}" (your address book)`;

/** Lower-cased address -> what it is, for every address in `addresses` the wallet knows. */
export async function contractLabels(deps: LabelDeps, chainId: number, addresses: readonly (string | undefined)[]): Promise<Record<string, string>> {
  const wanted = [...new Set(addresses.filter((a): a is string => !!a && isAddress(a, { strict: false })).map((a) => a.toLowerCase()))];
  if (!wanted.length) return {};
  const accounts = new Map((await deps.keys.listAccounts()).map((a) => [a.address.toLowerCase(), a.name]));
  const contacts: Record<string, string> = (await deps.contacts?.().catch(() => ({}))) ?? {};
  const registry: Registry | undefined = deps.registry();
  const labels: Record<string, string> = {};
  for (const address of wanted) {
    const account = accounts.get(address);
    const issuer = registry?.issuerContract(chainId, address);
    const protocol =
      PROTOCOL_CONTRACTS.find((c) => c.address.toLowerCase() === address) ??
      registry?.dexOn(chainId)?.protocols?.find((c) => c.address.toLowerCase() === address);
    const contact = contacts[address];
    const label = account
      ? `Your account "${account}"`
      : issuer
        ? issuerLabel(issuer)
        : (protocol?.name ?? (contact ? contactLabel(contact) : undefined));
    if (label) labels[address] = label;
  }
  return labels;
}

/**
 * Why a name may not go in the address book, or undefined when it may: a name that reads like
 * (has the confusable skeleton of) one of the user's account names, an issuer, an issuer
 * contract's or a protocol contract's label would let a stranger's address pass for a known one.
 */
export async function contactNameProblem(deps: LabelDeps, name: string): Promise<string | undefined> {
  const skeleton = symbolSkeleton(name);
  if (!skeleton) return 'Enter a name with visible letters.';
  const accounts = (await deps.keys.listAccounts()).map((a) => a.name);
  const account = accounts.find((n) => symbolSkeleton(n) === skeleton || symbolSkeleton(`Your account "${n}"`) === skeleton);
  if (account !== undefined) return `"${visibleText(name)}" reads like your account "${account}": choose another name.`;
  const registry = deps.registry();
  const known = [
    ...PROTOCOL_CONTRACTS.map((c) => c.name),
    ...(registry?.data.dexes ?? []).flatMap((dex) => (dex.protocols ?? []).map((c) => c.name)),
    ...(registry?.data.issuers ?? []).flatMap((issuer) => [
      issuer.name,
      ...issuer.contracts.map((c) => issuerLabel({ issuer, role: c.role, verified: c.verified })),
    ]),
  ];
  const contract = known.find((n) => symbolSkeleton(n) === skeleton);
  if (contract !== undefined) return `"${visibleText(name)}" reads like the known contract "${contract}": choose another name.`;
  return undefined;
}
