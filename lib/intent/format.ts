import { type Address, formatUnits, getAddress } from 'viem';
import type { DecodeContext, TokenRef } from './types';

/**
 * Amounts at or above 2^128 exceed the supply of any real token: an approval that
 * large is unlimited in effect, whether or not it is exactly the type's maximum.
 */
export const UNLIMITED_THRESHOLD = 2n ** 128n;

export function isUnlimited(amount: bigint): boolean {
  return amount >= UNLIMITED_THRESHOLD;
}

function groupThousands(decimal: string): string {
  const [whole, fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Words for tokens and amounts, using what the wallet knows about each token. */
export interface Describer {
  token(token: TokenRef): string;
  amount(token: TokenRef, amount: bigint): string;
  address(address: Address): string;
}

export function createDescriber(ctx: DecodeContext): Describer {
  const nativeSymbol = ctx.nativeSymbol ?? 'ETH';
  const info = (token: Address) => {
    try {
      return ctx.tokenInfo?.(token);
    } catch {
      return undefined;
    }
  };
  return {
    token(token) {
      if (token === 'native') return nativeSymbol;
      return info(token)?.symbol ?? `token ${getAddress(token)}`;
    },
    amount(token, amount) {
      if (token === 'native') return `${groupThousands(formatUnits(amount, 18))} ${nativeSymbol}`;
      const known = info(token);
      if (isUnlimited(amount)) return `an unlimited amount of ${known?.symbol ?? `token ${getAddress(token)}`}`;
      if (!known) return `${groupThousands(amount.toString())} base units of token ${getAddress(token)}`;
      return `${groupThousands(formatUnits(amount, known.decimals))} ${known.symbol}`;
    },
    address(address) {
      return getAddress(address);
    },
  };
}

const MAX_DATE_MS = 8.64e15;

/** A unix time in seconds as an ISO date, or words when it is beyond any calendar. */
export function describeTime(seconds: bigint | number): string {
  const ms = Number(seconds) * 1000;
  if (!Number.isFinite(ms) || ms > MAX_DATE_MS) return 'a time so far off it never comes';
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}
