import { type Address, getAddress, isAddressEqual } from 'viem';
import type { IntentBody, SimulationResult } from '../intent';

/**
 * How a request touches a token, as far as the guard can tell.
 * - acquire: the user buys or receives it; acquire-elsewhere: the user buys it for another address;
 * - redeem: handed back to the issuer; sell, approve, trade (a swap step trades it either way), sell-to-contract (sent to a contract,
 *   as a sale through a pool begins), moved (the dry run shows it moving in a call that is no transfer);
 * - named: it appears in data Sharekeep could not interpret;
 * - send: a plain transfer; involve: the contract is touched in some other way.
 */
export type Role =
  | 'acquire'
  | 'acquire-elsewhere'
  | 'redeem'
  | 'sell'
  | 'approve'
  | 'trade'
  | 'sell-to-contract'
  | 'moved'
  | 'named'
  | 'send'
  | 'involve';

export type RoleIntent = Pick<IntentBody, 'assetsOut' | 'assetsIn' | 'approvals' | 'tokens' | 'warnings' | 'deliveries' | 'traded' | 'mentioned'> & {
  kind: string;
};

export interface TokenUse {
  roles: Set<Role>;
  /** Where a delivery went: the recipient of proceeds or of a transfer to a contract. */
  to?: Address;
}

export type Uses = Map<Address, TokenUse>;

const TRANSFER_KINDS = new Set(['native-transfer', 'erc20-transfer', 'erc20-transfer-from']);
/** Kinds and findings that mean the decoder did not explain the whole request. */
const UNDECODED_KINDS = new Set(['contract-call', 'unknown', 'unknown-typed-data']);
const UNDECODED_WARNINGS = new Set([
  'unknown-method',
  'unknown-router-command',
  'undecoded-router-command',
  'invalid-path',
  'malformed-calldata',
  'non-canonical-calldata',
]);

/** Whether some of what the request does is not decoded. */
export function isUndecoded(intent: RoleIntent): boolean {
  return UNDECODED_KINDS.has(intent.kind) || intent.warnings.some((w) => UNDECODED_WARNINGS.has(w.code));
}

function add(uses: Uses, token: Address | 'native', role: Role, to?: Address) {
  if (token === 'native') return;
  const key = getAddress(token);
  const use = uses.get(key) ?? { roles: new Set<Role>() };
  use.roles.add(role);
  if (to && !use.to) use.to = to;
  uses.set(key, use);
}

export interface CollectParameters {
  intent: RoleIntent;
  simulation?: SimulationResult;
  /** Addresses known to hold code. */
  contracts?: readonly Address[];
}

export function collectUses({ intent, simulation, contracts = [] }: CollectParameters): Uses {
  const uses: Uses = new Map();
  const transfer = TRANSFER_KINDS.has(intent.kind);
  // Tokens handed back to their issuer are redeemed, which a rule may word apart from selling.
  const outgoing: Role = transfer ? 'send' : intent.kind === 'issuer-redeem' ? 'redeem' : 'sell';
  for (const m of intent.assetsIn) add(uses, m.token, 'acquire');
  for (const m of intent.assetsOut) add(uses, m.token, outgoing);
  for (const a of intent.approvals) add(uses, a.token, 'approve');
  for (const t of intent.traded ?? []) add(uses, t, 'trade');
  for (const d of intent.deliveries ?? []) {
    if (d.reason === 'proceeds') add(uses, d.token, 'acquire-elsewhere', d.to);
    else if (contracts.some((c) => isAddressEqual(c, d.to))) add(uses, d.token, 'sell-to-contract', d.to);
  }
  // The simulation sees what the decoders may miss: tokens an unknown router really moves.
  if (simulation?.ok) {
    for (const c of simulation.changes) add(uses, c.token, c.delta > 0n ? 'acquire' : outgoing);
    for (const t of simulation.moved ?? []) add(uses, t, transfer ? 'send' : 'moved');
  }
  for (const t of intent.mentioned ?? []) add(uses, t, 'named');
  for (const t of intent.tokens) add(uses, t, 'involve');
  return uses;
}

/** Roles that trade the token: a restricted token in any of them blocks the request. */
export const TRADING: Role[] = ['acquire', 'acquire-elsewhere', 'redeem', 'sell', 'approve', 'trade', 'sell-to-contract', 'moved'];

/** The words for what the request would do with the token, most serious first. */
export function describeUse(use: TokenUse, address: (a: Address) => string): string {
  const { roles, to } = use;
  if (roles.has('acquire')) return 'buy or receive it';
  if (roles.has('acquire-elsewhere')) return `buy it, even though the proceeds go to another address (${address(to!)})`;
  if (roles.has('sell-to-contract')) return `send it to a contract (${address(to!)}), which is how a sale through a pool starts`;
  if (roles.has('redeem')) return 'redeem it';
  if (roles.has('sell')) return 'sell or trade it';
  if (roles.has('trade')) return 'trade it in a swap';
  if (roles.has('moved')) return 'move it, as the dry run shows, in a call that is not a plain transfer';
  return 'let another party spend it';
}
