import { type Address, getAddress, type Hex } from 'viem';

const TOKEN_BYTES = 20;
const FEE_BYTES = 3;

/**
 * Tokens of a Uniswap V3 path (`token fee token fee token`), in encoded order.
 * Undefined when the bytes do not have that shape.
 */
export function decodeV3Path(path: Hex): Address[] | undefined {
  const hex = path.slice(2);
  const bytes = hex.length / 2;
  const hops = (bytes - TOKEN_BYTES) / (TOKEN_BYTES + FEE_BYTES);
  if (!Number.isInteger(hops) || hops < 1) return undefined;
  const tokens: Address[] = [];
  for (let i = 0; i <= hops; i++) {
    const start = i * (TOKEN_BYTES + FEE_BYTES) * 2;
    tokens.push(getAddress(`0x${hex.slice(start, start + TOKEN_BYTES * 2)}`));
  }
  return tokens;
}
