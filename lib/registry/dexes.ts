/**
 * Where the wallet may look for a DEX price on a chain: the Uniswap V3 and V2 factories (with
 * the init-code hash their pools are created with, so a pool's address is computed offline)
 * and the quote tokens a stock is priced against, each entry with its source.
 *
 * A quote token is worth $1 ('stable') or what a USD feed says (WETH against ETH / USD); a
 * quote token whose worth has no source is not listed at all.
 */
import { type Address, encodeAbiParameters, encodePacked, getCreate2Address, type Hex, keccak256 } from 'viem';
import * as v from 'valibot';

const address = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/, 'an address is 0x and 40 hex digits'));
const hash = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/, 'an init-code hash is 0x and 64 hex digits'));
const sourceUrl = v.pipe(v.string(), v.regex(/^(https:\/\/|devnet:)/, 'a source is an https URL or devnet:'));

/** Uniswap V3's fee tiers that hold stock liquidity (0.05%, 0.3%, 1%), in hundredths of a bip. */
export const UNISWAP_V3_FEES = [500, 3000, 10000] as const;

export const QuoteTokenSchema = v.object({
  address,
  symbol: v.pipe(v.string(), v.minLength(1)),
  decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(36)),
  /** What one whole quote token is worth in USD. */
  usd: v.union([
    v.object({ kind: v.literal('stable') }),
    v.object({ kind: v.literal('feed'), feed: v.object({ address, heartbeat: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))) }) }),
  ]),
});

export const ChainDexSchema = v.object({
  chainId: v.pipe(v.number(), v.integer(), v.minValue(1)),
  source: sourceUrl,
  verified: v.boolean(),
  uniswapV3: v.optional(
    v.object({
      factory: address,
      poolInitCodeHash: hash,
      fees: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000_000))), v.minLength(1)),
    }),
  ),
  uniswapV2: v.optional(v.object({ factory: address, pairInitCodeHash: hash })),
  quotes: v.array(QuoteTokenSchema),
  /** The chain's router and settlement contracts, named for the approval window (`contract-label`). */
  protocols: v.optional(v.array(v.object({ address, name: v.pipe(v.string(), v.minLength(1)) }))),
});

export type QuoteToken = v.InferOutput<typeof QuoteTokenSchema>;
export type ChainDex = v.InferOutput<typeof ChainDexSchema>;

/**
 * The DEX factories of real chains the wallet prices from. Only entries with a source belong
 * here: neither the shared reference nor the registry data names a Uniswap factory or a quote
 * token of a real chain yet, so on those chains a stock without a price feed shows no price.
 */
export const SOURCED_DEXES: readonly ChainDex[] = [];

/** The Uniswap V2 pair of two tokens on the chain, as its factory CREATE2s it; undefined when the chain lists no V2. */
export function uniswapV2Pair(dex: ChainDex | undefined, tokenA: string, tokenB: string): Address | undefined {
  if (!dex?.uniswapV2) return undefined;
  const [a, b] = [tokenA.toLowerCase() as Address, tokenB.toLowerCase() as Address];
  const [token0, token1] = a < b ? [a, b] : [b, a];
  const salt = keccak256(encodePacked(['address', 'address'], [token0, token1]));
  return getCreate2Address({ from: dex.uniswapV2.factory as Address, salt, bytecodeHash: dex.uniswapV2.pairInitCodeHash as Hex });
}

/** The Uniswap V3 pool of two tokens and a fee tier on the chain, as its factory CREATE2s it; undefined when the chain lists no V3. */
export function uniswapV3Pool(dex: ChainDex | undefined, tokenA: string, tokenB: string, fee: number): Address | undefined {
  if (!dex?.uniswapV3) return undefined;
  const [a, b] = [tokenA.toLowerCase() as Address, tokenB.toLowerCase() as Address];
  const [token0, token1] = a < b ? [a, b] : [b, a];
  const salt = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee]));
  return getCreate2Address({ from: dex.uniswapV3.factory as Address, salt, bytecodeHash: dex.uniswapV3.poolInitCodeHash as Hex });
}
