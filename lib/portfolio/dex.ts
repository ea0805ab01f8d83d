/**
 * A stock without a price feed is priced from the deepest on-chain pool of it against a quote
 * token (USDC, USDT, or WETH where an ETH / USD feed is known): Uniswap V3 pools of each fee tier
 * and the Uniswap V2 pair, their addresses computed offline with CREATE2, read in the
 * portfolio's own Multicall3 batch. Depth is the quote token held by the pool, in USD; a price
 * from a pool below DEX_LIQUIDITY_FLOOR_USD is refused (a few dollars would move it).
 */
import { encodeFunctionData, type Hex } from 'viem';
import { type ChainDex, type QuoteToken, type Token, uniswapV2Pair, uniswapV3Pool } from '../registry/index.ts';
import { erc20Abi, uniswapV2PairAbi, uniswapV3PoolAbi } from './abis.ts';
import { uintWord } from './multicall.ts';

/** The least quote-side depth, in whole USD, a pool needs before the wallet shows its price. */
export const DEX_LIQUIDITY_FLOOR_USD = 10_000n;
/** DEX prices and depths are in USD with this many decimals (as the feeds' values are). */
export const DEX_PRICE_DECIMALS = 8;

export type DexProtocol = 'uniswap-v3' | 'uniswap-v2';

export interface DexPool {
  protocol: DexProtocol;
  address: `0x${string}`;
  /** The V3 fee tier (hundredths of a bip); null for a V2 pair. */
  fee: number | null;
  quote: QuoteToken;
  /** The priced token sorts first (token0) in the pool. */
  tokenIsToken0: boolean;
}

export type DexField = 'slot0' | 'liquidity' | 'quoteBalance' | 'reserves';

/** What one refresh read of one pool; a field is null when its call failed. */
export interface DexPoolReading {
  pool: DexPool;
  sqrtPriceX96?: bigint | null;
  liquidity?: bigint | null;
  quoteBalance?: bigint | null;
  reserves?: readonly [bigint, bigint] | null;
}

export interface DexPrice {
  /** USD per whole token, DEX_PRICE_DECIMALS decimals. */
  answer: bigint;
  protocol: DexProtocol;
  pool: string;
  fee: number | null;
  quote: string;
  /** Quote tokens the pool holds, in the quote token's decimals. */
  depth: bigint;
  depthDecimals: number;
  /** That depth in USD, DEX_PRICE_DECIMALS decimals. */
  depthUsd: bigint;
}

const lower = (a: string) => a.toLowerCase() as `0x${string}`;

/** Every pool of the token against each quote token the chain's DEX entry lists. */
export function dexPoolsFor(token: Token, dex: ChainDex): DexPool[] {
  const pools: DexPool[] = [];
  const address = lower(token.address);
  for (const quote of dex.quotes) {
    const other = lower(quote.address);
    if (other === address) continue;
    const tokenIsToken0 = address < other;
    const [token0, token1] = tokenIsToken0 ? [address, other] : [other, address];
    for (const fee of dex.uniswapV3?.fees ?? []) {
      const pool = uniswapV3Pool(dex, token0, token1, fee)!;
      pools.push({ protocol: 'uniswap-v3', address: lower(pool), fee, quote, tokenIsToken0 });
    }
    const pair = uniswapV2Pair(dex, token0, token1);
    if (pair) pools.push({ protocol: 'uniswap-v2', address: lower(pair), fee: null, quote, tokenIsToken0 });
  }
  return pools;
}

/** Encoded on the first refresh, not at the worker's start. */
let encoded: ReturnType<typeof encodeReads> | undefined;
const encodedReads = () => (encoded ??= encodeReads());
const encodeReads = () => ({
  slot0: encodeFunctionData({ abi: uniswapV3PoolAbi, functionName: 'slot0' }),
  liquidity: encodeFunctionData({ abi: uniswapV3PoolAbi, functionName: 'liquidity' }),
  getReserves: encodeFunctionData({ abi: uniswapV2PairAbi, functionName: 'getReserves' }),
});
const balanceOfPool = (pool: `0x${string}`) => encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [pool] });

/** The calls that read a pool: slot0, liquidity and the quote token's balance of a V3 pool; a V2 pair's reserves. */
export function dexPoolCalls(pool: DexPool): { target: `0x${string}`; callData: Hex; field: DexField }[] {
  if (pool.protocol === 'uniswap-v2') return [{ target: pool.address, callData: encodedReads().getReserves, field: 'reserves' }];
  return [
    { target: pool.address, callData: encodedReads().slot0, field: 'slot0' },
    { target: pool.address, callData: encodedReads().liquidity, field: 'liquidity' },
    { target: lower(pool.quote.address), callData: balanceOfPool(pool.address), field: 'quoteBalance' },
  ];
}

const MAX_160 = (1n << 160n) - 1n;
const MAX_112 = (1n << 112n) - 1n;

/** Decodes one pool read; throws on data that is not what the function returns. */
export function decodeDexField(field: DexField, data: Hex): bigint | readonly [bigint, bigint] {
  switch (field) {
    case 'slot0': {
      const sqrt = uintWord(data);
      if (sqrt > MAX_160) throw new Error('sqrtPriceX96 out of range');
      return sqrt;
    }
    case 'reserves': {
      const reserves = [uintWord(data), uintWord(data, 1)] as const;
      if (reserves[0] > MAX_112 || reserves[1] > MAX_112) throw new Error('reserve out of range');
      return reserves;
    }
    default:
      return uintWord(data);
  }
}

/** Records a decoded (or failed: null) field of a pool under its token. */
export function recordDexField(
  readings: Map<number, DexPoolReading[]>,
  token: number,
  pool: DexPool,
  field: DexField,
  value: bigint | readonly [bigint, bigint] | null,
): void {
  const list = readings.get(token) ?? [];
  if (list.length === 0) readings.set(token, list);
  let reading = list.find((r) => r.pool === pool);
  if (!reading) {
    reading = { pool };
    list.push(reading);
  }
  if (field === 'reserves') reading.reserves = value as readonly [bigint, bigint] | null;
  else if (field === 'slot0') reading.sqrtPriceX96 = value as bigint | null;
  else reading[field] = value as bigint | null;
}

/** USD per whole quote token: 1 for a stablecoin, its feed's answer otherwise (null when the feed failed). */
export type QuoteUsd = { answer: bigint; decimals: number } | null;

const ONE_DOLLAR: QuoteUsd = { answer: 1n, decimals: 0 };
const Q192 = 1n << 192n;
const ten = (n: number) => 10n ** BigInt(n);

/** Price and depth of one pool, or null when it has no usable answer (a failed read, no liquidity). */
export function poolPrice(reading: DexPoolReading, tokenDecimals: number, quoteUsd: QuoteUsd): DexPrice | null {
  const { pool } = reading;
  if (!quoteUsd || quoteUsd.answer <= 0n) return null;
  // The token's price in quote units per token unit, as the fraction num / den.
  let num: bigint;
  let den: bigint;
  let depth: bigint;
  if (pool.protocol === 'uniswap-v3') {
    const { sqrtPriceX96: sqrt, liquidity, quoteBalance } = reading;
    if (!sqrt || !liquidity || quoteBalance == null) return null;
    // sqrtPriceX96^2 / 2^192 is token1 units per token0 unit.
    [num, den] = pool.tokenIsToken0 ? [sqrt * sqrt, Q192] : [Q192, sqrt * sqrt];
    depth = quoteBalance;
  } else {
    if (!reading.reserves) return null;
    const [r0, r1] = reading.reserves;
    const [tokenReserve, quoteReserve] = pool.tokenIsToken0 ? [r0, r1] : [r1, r0];
    if (tokenReserve === 0n || quoteReserve === 0n) return null;
    [num, den] = [quoteReserve, tokenReserve];
    depth = quoteReserve;
  }
  const usdScale = quoteUsd.answer * ten(DEX_PRICE_DECIMALS);
  const quoteScale = ten(pool.quote.decimals + quoteUsd.decimals);
  return {
    answer: (num * ten(tokenDecimals) * usdScale) / (den * quoteScale),
    protocol: pool.protocol,
    pool: pool.address,
    fee: pool.fee,
    quote: pool.quote.symbol,
    depth,
    depthDecimals: pool.quote.decimals,
    depthUsd: (depth * usdScale) / quoteScale,
  };
}

/**
 * The price of the deepest pool by quote-side USD depth, or null when no pool answers or the
 * deepest holds less than the floor. `quoteUsd` gives each quote token's worth.
 */
export function deepestDexPrice(
  readings: readonly DexPoolReading[] | undefined,
  tokenDecimals: number,
  quoteUsd: (quote: QuoteToken) => QuoteUsd,
): DexPrice | null {
  let best: DexPrice | null = null;
  for (const reading of readings ?? []) {
    const price = poolPrice(reading, tokenDecimals, quoteUsd(reading.pool.quote));
    if (price && price.answer > 0n && (!best || price.depthUsd > best.depthUsd)) best = price;
  }
  if (!best || best.depthUsd < DEX_LIQUIDITY_FLOOR_USD * ten(DEX_PRICE_DECIMALS)) return null;
  return best;
}

/** The quote token's worth from the batch's feed readings. */
export function quoteUsdFrom(feeds: ReadonlyMap<string, { answer: bigint; decimals: number } | null>): (quote: QuoteToken) => QuoteUsd {
  return (quote) => (quote.usd.kind === 'stable' ? ONE_DOLLAR : (feeds.get(quote.usd.feed.address.toLowerCase()) ?? null));
}
