import { type Address, getAddress, isAddress } from 'viem';
import type { ValidTypedData } from './validate';

const ARRAY_SUFFIX = /\[\d*\]$/;
const MAX_DEPTH = 16;

/**
 * Every value of an `address`-typed field of `value` (of struct type `type`), nested
 * structs and arrays included. The guard looks each one up: in typed data Sharekeep
 * cannot describe, any of them may be the token the signature trades.
 */
export function addressFields(data: ValidTypedData, type: string, value: unknown): Address[] {
  const found = new Set<Address>();
  const walk = (t: string, v: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (ARRAY_SUFFIX.test(t)) {
      if (Array.isArray(v)) for (const item of v) walk(t.replace(ARRAY_SUFFIX, ''), item, depth + 1);
      return;
    }
    if (t === 'address') {
      if (typeof v === 'string' && isAddress(v, { strict: false })) found.add(getAddress(v));
      return;
    }
    const fields = data.types.get(t);
    if (!fields || typeof v !== 'object' || v === null) return;
    for (const field of fields) walk(field.type, (v as Record<string, unknown>)[field.name], depth + 1);
  };
  walk(type, value, 0);
  return [...found];
}

/** The address fields of the whole message. */
export const messageAddresses = (data: ValidTypedData): Address[] => addressFields(data, data.primaryType, data.message);
