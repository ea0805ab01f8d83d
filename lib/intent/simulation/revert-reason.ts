import { decodeAbiParameters, type Hex } from 'viem';

const ERROR_STRING = '0x08c379a0';
const PANIC = '0x4e487b71';

/** Puts revert data in words: Error(string), Panic(uint256) or a custom error's selector. */
export function describeRevertData(data: Hex | undefined): string | undefined {
  if (!data || data === '0x') return undefined;
  const selector = data.slice(0, 10).toLowerCase();
  try {
    if (selector === ERROR_STRING) return decodeAbiParameters([{ type: 'string' }], `0x${data.slice(10)}`)[0];
    if (selector === PANIC) return `panic 0x${decodeAbiParameters([{ type: 'uint256' }], `0x${data.slice(10)}`)[0].toString(16)}`;
  } catch {
    // Fall through to the raw selector.
  }
  return data.length >= 10 ? `custom error ${selector}` : `revert data ${data}`;
}
