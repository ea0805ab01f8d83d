import { type Address, getAddress, isAddressEqual } from 'viem';
import type { AssetMovement, IntentWarning, TokenRef } from '../types';
import type { DecodeEnv, IntentDraft } from './decoder';

/** Placeholder recipients routers use: 1 means "the caller", 2 means "the router itself". */
export const MSG_SENDER = '0x0000000000000000000000000000000000000001';
export const ADDRESS_THIS = '0x0000000000000000000000000000000000000002';
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

export type RecipientRole = 'user' | 'router' | 'other';

export interface SwapFlowOptions {
  /** Addresses, besides the router's own, that mean "keep it in the router". */
  routerAliases?: string[];
}

export interface SwapFlow {
  /** Tokens taken from the user. */
  pay(token: TokenRef, amount: bigint, bound?: 'max'): void;
  /** Tokens sent to `recipient`; only the user's count as received. */
  receive(token: TokenRef, amount: bigint, recipient: Address, bound?: 'min'): void;
  roleOf(recipient: Address): RecipientRole;
  warn(warning: IntentWarning): void;
  /** Merges nested findings (a multicall's inner calls). */
  absorb(draft: IntentDraft): void;
  hasPayments(): boolean;
  finish(fallbackSummary: string): IntentDraft;
}

function addTo(list: AssetMovement[], token: TokenRef, amount: bigint, bound?: 'min' | 'max') {
  const same = list.find((m) => (m.token === 'native' || token === 'native' ? m.token === token : isAddressEqual(m.token, token)));
  if (same) {
    same.amount += amount;
    if (bound === 'min') same.min = true;
    if (bound === 'max') same.max = true;
    return;
  }
  list.push({ token: token === 'native' ? 'native' : getAddress(token), amount, ...(bound ? { [bound]: true } : {}) });
}

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * Collects what a router call takes from the user and gives back, whatever order
 * its steps come in, and words it as one swap sentence.
 */
export function createSwapFlow(env: DecodeEnv, options: SwapFlowOptions = {}): SwapFlow {
  const assetsOut: AssetMovement[] = [];
  const assetsIn: AssetMovement[] = [];
  const warnings: IntentWarning[] = [];
  const elsewhere: string[] = [];
  const { tx, d } = env;
  const routerAddresses = [ADDRESS_THIS, ...(tx.to ? [tx.to] : []), ...(options.routerAliases ?? [])];

  const roleOf = (recipient: Address): RecipientRole => {
    if (isAddressEqual(recipient, tx.from) || isAddressEqual(recipient, MSG_SENDER)) return 'user';
    if (routerAddresses.some((a) => isAddressEqual(recipient, a as Address))) return 'router';
    return 'other';
  };

  const describe = (movements: AssetMovement[], word: 'at least' | 'at most') =>
    joinWords(movements.map((m) => `${(word === 'at least' ? m.min : m.max) ? `${word} ` : ''}${d.amount(m.token, m.amount)}`));

  return {
    pay: (token, amount, bound) => addTo(assetsOut, token, amount, bound),
    receive(token, amount, recipient, bound) {
      const role = roleOf(recipient);
      if (role === 'user') addTo(assetsIn, token, amount, bound);
      if (role === 'other') {
        elsewhere.push(`${bound === 'min' ? 'at least ' : ''}${d.amount(token, amount)} to ${d.address(recipient)}`);
        warnings.push({
          code: 'recipient-not-sender',
          message: `The proceeds go to ${d.address(recipient)}, not to your account.`,
        });
      }
    },
    roleOf,
    warn: (warning) => warnings.push(warning),
    absorb(draft) {
      for (const m of draft.assetsOut ?? []) addTo(assetsOut, m.token, m.amount, m.max ? 'max' : undefined);
      for (const m of draft.assetsIn ?? []) addTo(assetsIn, m.token, m.amount, m.min ? 'min' : undefined);
      warnings.push(...(draft.warnings ?? []));
    },
    hasPayments: () => assetsOut.length > 0,
    finish(fallbackSummary) {
      let summary = fallbackSummary;
      if (assetsOut.length > 0 && (assetsIn.length > 0 || elsewhere.length > 0)) {
        const gets = [assetsIn.length > 0 ? describe(assetsIn, 'at least') : '', ...elsewhere].filter(Boolean);
        summary = `Swap ${describe(assetsOut, 'at most')} for ${joinWords(gets)}.`;
      } else if (assetsOut.length > 0) {
        summary = `Pay ${describe(assetsOut, 'at most')} into a swap whose proceeds are not sent to you.`;
      } else if (assetsIn.length > 0) {
        summary = `Receive ${describe(assetsIn, 'at least')}.`;
      }
      return { kind: 'swap', summary, assetsOut, assetsIn, warnings };
    },
  };
}
