import { type Address, getAddress, isAddressEqual } from 'viem';
import type { AssetMovement, Delivery, IntentWarning, TokenRef } from '../types';
import type { DecodeEnv, IntentDraft } from './decoder';

/** Placeholder recipients routers use: 1 means "the caller", 2 means "the router itself". */
export const MSG_SENDER = '0x0000000000000000000000000000000000000001';
export const ADDRESS_THIS = '0x0000000000000000000000000000000000000002';
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** The largest share (1%) read as an interface fee rather than proceeds going elsewhere. */
const FEE_BIPS = 100n;

export type RecipientRole = 'user' | 'router' | 'other';

export interface SwapFlowOptions {
  /** Addresses, besides the router's own, that mean "keep it in the router". */
  routerAliases?: string[];
  /**
   * The router pays `to` exactly as given (Uniswap V2 Router02 and its forks): 1 and 2 are
   * addresses like any other, not placeholders, and proceeds sent to the router itself are
   * left there for anyone to take. Only the signer counts as the user.
   */
  literalRecipients?: boolean;
}

export interface SwapFlow {
  /** Tokens taken from the user. */
  pay(token: TokenRef, amount: bigint, bound?: 'max'): void;
  /**
   * Proceeds sent to `recipient`: the user's count as received; another address's are
   * still bought by the user (a delivery the guard judges as an acquisition).
   */
  receive(token: TokenRef, amount: bigint, recipient: Address, bound?: 'min'): void;
  /** `bips` (1/100 of a percent) of what the router holds of `token`, sent to `recipient`. */
  receivePortion(token: TokenRef, bips: bigint, recipient: Address): void;
  /** The user's own tokens moved to `recipient` (a pool, the router, someone else). */
  transfer(token: TokenRef, amount: bigint, recipient: Address): void;
  /** Tokens a step trades whose direction or amount is not known. */
  trade(tokens: Address[]): void;
  /** Addresses named in a step Sharekeep could not decode. */
  mention(addresses: Address[]): void;
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

const refOf = (token: TokenRef): TokenRef => (token === 'native' ? 'native' : getAddress(token));

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
  const deliveries: Delivery[] = [];
  const traded: Address[] = [];
  const mentioned: Address[] = [];
  const involved: Address[] = [];
  const { tx, d } = env;
  const literal = options.literalRecipients === true;
  const routerAddresses = literal ? [] : [ADDRESS_THIS, ...(tx.to ? [tx.to] : []), ...(options.routerAliases ?? [])];

  const roleOf = (recipient: Address): RecipientRole => {
    if (isAddressEqual(recipient, tx.from) || (!literal && isAddressEqual(recipient, MSG_SENDER))) return 'user';
    if (routerAddresses.some((a) => isAddressEqual(recipient, a as Address))) return 'router';
    return 'other';
  };

  // A floor of 0 is an amount the router settles when it runs (a V4 open delta, a portion).
  const bounded = (token: TokenRef, amount: bigint, word: string | false) =>
    word === 'at least ' && amount === 0n ? `${d.token(token)} (amount set when it executes)` : `${word || ''}${d.amount(token, amount)}`;
  const describe = (movements: AssetMovement[], word: 'at least' | 'at most') =>
    joinWords(movements.map((m) => bounded(m.token, m.amount, (word === 'at least' ? m.min : m.max) ? `${word} ` : false)));

  return {
    pay: (token, amount, bound) => addTo(assetsOut, token, amount, bound),
    receive(token, amount, recipient, bound) {
      const role = roleOf(recipient);
      if (role === 'user') addTo(assetsIn, token, amount, bound);
      if (role === 'other') {
        elsewhere.push(`${bounded(token, amount, bound === 'min' ? 'at least ' : false)} to ${d.address(recipient)}`);
        deliveries.push({ token: refOf(token), amount, to: getAddress(recipient), reason: 'proceeds', ...(bound ? { min: true } : {}) });
        warnings.push({
          code: 'recipient-not-sender',
          message: `The proceeds go to ${d.address(recipient)}, not to your account.`,
        });
      }
    },
    receivePortion(token, bips, recipient) {
      const role = roleOf(recipient);
      const share = `${Number(bips) / 100}% of the router's ${d.token(token)}`;
      if (role === 'user') addTo(assetsIn, token, 0n, 'min');
      if (role === 'other') {
        elsewhere.push(`${share} to ${d.address(recipient)}`);
        deliveries.push({ token: refOf(token), amount: 0n, to: getAddress(recipient), reason: 'proceeds', min: true });
        // Interfaces take a fee of a fraction of a percent this way; more than that is worth a warning.
        warnings.push({
          code: bips <= FEE_BIPS ? 'fee-portion' : 'recipient-not-sender',
          message: `${share} goes to ${d.address(recipient)}, not to your account.`,
        });
      }
    },
    transfer(token, amount, recipient) {
      addTo(assetsOut, token, amount);
      if (roleOf(recipient) === 'other') deliveries.push({ token: refOf(token), amount, to: getAddress(recipient), reason: 'transfer' });
    },
    trade: (tokens) => traded.push(...tokens),
    mention: (addresses) => mentioned.push(...addresses),
    roleOf,
    warn: (warning) => warnings.push(warning),
    absorb(draft) {
      for (const m of draft.assetsOut ?? []) addTo(assetsOut, m.token, m.amount, m.max ? 'max' : undefined);
      for (const m of draft.assetsIn ?? []) addTo(assetsIn, m.token, m.amount, m.min ? 'min' : undefined);
      warnings.push(...(draft.warnings ?? []));
      deliveries.push(...(draft.deliveries ?? []));
      traded.push(...(draft.traded ?? []));
      involved.push(...(draft.tokens ?? []));
      mentioned.push(...(draft.mentioned ?? []));
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
      return { kind: 'swap', summary, assetsOut, assetsIn, warnings, deliveries, traded, mentioned, tokens: involved };
    },
  };
}
