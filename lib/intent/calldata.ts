import { type AbiFunction, decodeFunctionData, encodeFunctionData, type Hex } from 'viem';
import type { IntentWarning } from './types';

export interface DecodedCall {
  item: AbiFunction;
  functionName: string;
  args: readonly unknown[];
  /** Findings about the encoding itself (extra bytes, dirty padding). */
  warnings: IntentWarning[];
}

export type StrictDecodeResult =
  | { status: 'decoded'; call: DecodedCall }
  | { status: 'unknown-selector' }
  | { status: 'malformed'; functionName: string; message: string };

export function isWellFormedHex(data: string): data is Hex {
  return /^0x(?:[0-9a-fA-F]{2})*$/.test(data);
}

/**
 * Decodes calldata for one of the functions in `bySelector`, refusing anything a
 * contract's ABI decoder would refuse: arguments shorter than their types need, or
 * offsets pointing outside the data. A naive parser that pads short data with zeros
 * can be made to show one amount while the contract reads another; this one cannot.
 * The decoded arguments are re-encoded: bytes after them, or bytes that differ from
 * the canonical encoding (such as dirty address padding), are reported as warnings.
 */
export function decodeStrict(bySelector: Map<Hex, AbiFunction>, data: Hex): StrictDecodeResult {
  const selector = data.slice(0, 10).toLowerCase() as Hex;
  const item = bySelector.get(selector);
  if (!item) return { status: 'unknown-selector' };
  let args: readonly unknown[];
  try {
    args = decodeFunctionData({ abi: [item], data }).args ?? [];
  } catch {
    return {
      status: 'malformed',
      functionName: item.name,
      message: `The data calls ${item.name} but its arguments are truncated or malformed; a contract would misread it.`,
    };
  }
  const canonical = encodeFunctionData({ abi: [item], functionName: item.name, args } as Parameters<typeof encodeFunctionData>[0]).toLowerCase();
  const given = data.toLowerCase();
  const warnings: IntentWarning[] = [];
  if (!given.startsWith(canonical.slice(0, Math.min(canonical.length, given.length)))) {
    warnings.push({
      code: 'non-canonical-calldata',
      message: `The ${item.name} arguments are not encoded the standard way (for example non-zero padding); contracts may read them differently.`,
    });
  } else if (given.length > canonical.length) {
    warnings.push({
      code: 'trailing-calldata',
      message: `${(given.length - canonical.length) / 2} extra bytes follow the ${item.name} arguments; they are ignored by the decoder.`,
    });
  }
  return { status: 'decoded', call: { item, functionName: item.name, args, warnings } };
}
