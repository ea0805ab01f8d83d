import { type Address, getAddress, type Hex } from 'viem';

const TOKEN_BYTES = 20;
const HOP_BYTES = 23; // fee (3) + next token (20)
/** The shortest path a router executes: one pool. */
const ONE_POOL = TOKEN_BYTES + HOP_BYTES;

export interface V3Path {
  /** Tokens of the pools the router executes, in encoded order. */
  tokens: Address[];
  /** Bytes after the last pool, which the router never reads. */
  trailing: number;
}

/**
 * Reads a Uniswap V3 path (`token fee token fee token`) the way the routers execute
 * it: the first pool is read from the first 43 bytes, and the router moves on to the
 * next pool only while at least 66 bytes remain. Bytes past the last pool are
 * ignored, so a path with a short tail still trades its pools. Undefined when the
 * path is too short to hold one pool (the router rejects it).
 */
export function decodeV3Path(path: Hex): V3Path | undefined {
  const hex = path.slice(2);
  const bytes = hex.length / 2;
  if (bytes < ONE_POOL) return undefined;
  const hops = Math.floor((bytes - TOKEN_BYTES) / HOP_BYTES);
  const tokens: Address[] = [];
  for (let i = 0; i <= hops; i++) {
    const start = i * HOP_BYTES * 2;
    tokens.push(getAddress(`0x${hex.slice(start, start + TOKEN_BYTES * 2)}`));
  }
  return { tokens, trailing: bytes - TOKEN_BYTES - hops * HOP_BYTES };
}

/** Words for a path's ignored tail, when it has one. */
export function trailingPathMessage(path: V3Path): string | undefined {
  if (path.trailing === 0) return undefined;
  return `The swap path ends with ${path.trailing} extra bytes the router ignores; the pools before them are traded as shown.`;
}

/** The fee tier (hundredths of a bip) of pool `hop` (0 first) of a path `decodeV3Path` read. */
export function v3PathFee(path: Hex, hop: number): number {
  const start = 2 + (TOKEN_BYTES + hop * HOP_BYTES) * 2;
  return Number.parseInt(path.slice(start, start + 6), 16);
}
