// DEX prices for stocks without a feed: the fake node answers slot0, liquidity, getReserves and
// balanceOf with return data viem encodes from the real Uniswap V3 pool and V2 pair ABIs.
import { describe, expect, it } from 'vitest';
import {
  DEX_LIQUIDITY_FLOOR_USD,
  type DexPool,
  dexPoolsFor,
  type PortfolioSnapshot,
  parsePortfolioSnapshot,
  refreshPortfolio,
} from '../../../lib/portfolio/index.ts';
import type { ChainDex, QuoteToken, Token } from '../../../lib/registry/index.ts';
import { erc20, type FakeContract, fakeChain, feed } from './fake-chain.ts';

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}`;
const A = addr(0xacc);
const NOW = Date.UTC(2026, 0, 6, 15);
const E18 = 10n ** 18n;

const USDC: QuoteToken = { address: addr(0x5000), symbol: 'USDC', decimals: 6, usd: { kind: 'stable' } };
const DAI18: QuoteToken = { address: addr(0x5001), symbol: 'DAI', decimals: 18, usd: { kind: 'stable' } };
const ETH_USD = addr(0xfe);
const WETH: QuoteToken = { address: addr(0x5002), symbol: 'WETH', decimals: 18, usd: { kind: 'feed', feed: { address: ETH_USD } } };
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

const dexWith = (quotes: QuoteToken[]): ChainDex => ({
  chainId: 31337,
  source: 'devnet:test',
  verified: true,
  uniswapV3: { factory: addr(0xf3f3), poolInitCodeHash: hash(0x33), fees: [500, 3000, 10000] },
  uniswapV2: { factory: addr(0xf2f2), pairInitCodeHash: hash(0x22) },
  quotes,
});

const stock = (address: string, decimals = 18, extra: Partial<Token> = {}): Token => ({
  chainId: 31337,
  address,
  symbol: 'bACME',
  name: 'Backed Acme',
  decimals,
  issuer: 'dev',
  kind: 'stock',
  underlying: { ticker: 'ACME', name: 'Acme' },
  corporateActions: 'none',
  verified: true,
  ...extra,
});

function isqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) [x, y] = [y, (y + value / y) / 2n];
  return x;
}

/** A pool's state at `usd` dollars per whole token, holding `depth` whole quote tokens. */
type PoolState = { usd: number; depth: number; liquidity?: bigint; revert?: 'slot0' | 'liquidity' };

/** Fake contracts for the pools of `token` the wallet will look at; absent pools have no code. */
function poolContracts(token: Token, dex: ChainDex, states: Partial<Record<string, PoolState>>) {
  const contracts: Record<string, FakeContract> = {};
  const quoteBalances = new Map<string, Record<string, bigint>>();
  for (const pool of dexPoolsFor(token, dex)) {
    const state = states[`${pool.quote.symbol}:${pool.fee ?? 'v2'}`];
    if (!state) continue;
    const quoteUnit = 10n ** BigInt(pool.quote.decimals);
    const depth = BigInt(state.depth) * quoteUnit;
    // Quote units per token unit, as a fraction: usd (in cents) per whole token.
    const quotePerToken = { num: BigInt(Math.round(state.usd * 100)) * quoteUnit, den: 100n * 10n ** BigInt(token.decimals) };
    const tokenAmount = (depth * quotePerToken.den) / quotePerToken.num;
    const balances = quoteBalances.get(pool.quote.address) ?? {};
    balances[pool.address] = depth;
    quoteBalances.set(pool.quote.address, balances);
    if (pool.protocol === 'uniswap-v2') {
      contracts[pool.address] = { getReserves: () => (pool.tokenIsToken0 ? [tokenAmount, depth, 1] : [depth, tokenAmount, 1]) };
      continue;
    }
    const [num, den] = pool.tokenIsToken0 ? [quotePerToken.num, quotePerToken.den] : [quotePerToken.den, quotePerToken.num];
    const sqrtPriceX96 = isqrt((num << 192n) / den);
    contracts[pool.address] = {
      slot0: state.revert === 'slot0' ? 'revert' : () => [sqrtPriceX96, 0, 0, 1, 1, 0, true],
      liquidity: state.revert === 'liquidity' ? 'revert' : () => state.liquidity ?? 10n ** 20n,
    };
  }
  for (const [quote, balances] of quoteBalances) contracts[quote] = erc20(balances);
  return contracts;
}

async function priced(token: Token, dex: ChainDex, states: Partial<Record<string, PoolState>>, extra: Record<string, FakeContract> = {}) {
  const chain = fakeChain(31337, {
    [token.address]: erc20({ [A]: 3n * 10n ** BigInt(token.decimals) }),
    ...poolContracts(token, dex, states),
    ...extra,
  });
  const snapshot = await refreshPortfolio({ rpc: chain, chainId: 31337, accounts: [A], tokens: [token], dex, now: () => NOW });
  return { chain, snapshot, holding: snapshot.accounts[0].holdings[0] };
}

/** Dollars (8 decimals) as a number, for comparisons within rounding. */
const dollars = (answer: string | undefined) => Number(answer) / 1e8;
const poolAt = (token: Token, dex: ChainDex, key: string): DexPool =>
  dexPoolsFor(token, dex).find((p) => `${p.quote.symbol}:${p.fee ?? 'v2'}` === key)!;

const LOW = addr(0x10); // sorts before every quote token: token0
const HIGH = addr(0xffff); // sorts after: token1

describe('DEX prices', () => {
  it('takes the deepest pool by quote-side depth, across fee tiers and the V2 pair', async () => {
    const token = stock(LOW);
    const dex = dexWith([USDC]);
    const { holding } = await priced(token, dex, {
      'USDC:500': { usd: 251, depth: 50_000 },
      'USDC:3000': { usd: 250, depth: 300_000 },
      'USDC:v2': { usd: 249, depth: 20_000 },
    });
    expect(holding.price).toMatchObject({
      source: 'dex',
      decimals: 8,
      dex: { protocol: 'uniswap-v3', fee: 3000, quote: 'USDC', depth: '300000000000' },
    });
    expect(holding.price?.dex?.pool).toBe(poolAt(token, dex, 'USDC:3000').address);
    expect(holding.price?.dex?.depthUsd).toBe((300_000n * 10n ** 8n).toString());
    expect(dollars(holding.price?.answer)).toBeCloseTo(250, 6);
    // 3 tokens at $250.
    expect(Number(holding.value) / 1e8).toBeCloseTo(750, 5);
  });

  it('prices from a V2 pair when it is the deepest', async () => {
    const token = stock(HIGH);
    const dex = dexWith([USDC]);
    const { holding } = await priced(token, dex, { 'USDC:3000': { usd: 250, depth: 40_000 }, 'USDC:v2': { usd: 248, depth: 1_000_000 } });
    expect(holding.price?.dex).toMatchObject({ protocol: 'uniswap-v2', fee: null, pool: poolAt(token, dex, 'USDC:v2').address });
    expect(holding.price?.answer).toBe((248n * 10n ** 8n).toString());
  });

  it.each([
    { depth: 9_999, shown: false },
    { depth: 10_000, shown: true },
  ])('refuses a pool below the $10,000 floor (depth $$depth: priced $shown)', async ({ depth, shown }) => {
    expect(DEX_LIQUIDITY_FLOOR_USD).toBe(10_000n);
    const { holding, snapshot } = await priced(stock(LOW), dexWith([USDC]), { 'USDC:3000': { usd: 250, depth } });
    expect(holding.price?.source ?? 'none').toBe(shown ? 'dex' : 'none');
    expect(holding.value === null).toBe(!shown);
    // No price is not a failure: nothing is reported as unavailable.
    expect(holding.unavailable).toEqual([]);
    expect(snapshot.status).toBe('ok');
  });

  it.each([
    { tokenDecimals: 18, quote: USDC, order: 'token0', address: LOW },
    { tokenDecimals: 18, quote: USDC, order: 'token1', address: HIGH },
    { tokenDecimals: 6, quote: DAI18, order: 'token0', address: LOW },
    { tokenDecimals: 6, quote: DAI18, order: 'token1', address: HIGH },
    { tokenDecimals: 8, quote: USDC, order: 'token1', address: HIGH },
  ])('reads $tokenDecimals-decimal tokens against $quote.symbol ($quote.decimals decimals) as $order', async ({ tokenDecimals, quote, address }) => {
    const token = stock(address, tokenDecimals);
    const dex = dexWith([quote]);
    const pool = poolAt(token, dex, `${quote.symbol}:3000`);
    expect(pool.tokenIsToken0).toBe(address === LOW);
    const { holding } = await priced(token, dex, { [`${quote.symbol}:3000`]: { usd: 123.45, depth: 500_000 } });
    expect(dollars(holding.price?.answer)).toBeCloseTo(123.45, 6);
    expect(Number(holding.value) / 1e8).toBeCloseTo(3 * 123.45, 5);
    expect(holding.price?.dex?.depthUsd).toBe((500_000n * 10n ** 8n).toString());
  });

  it('values a WETH pool through the ETH / USD feed, and skips WETH when that feed fails', async () => {
    const token = stock(LOW);
    const dex = dexWith([USDC, WETH]);
    // 0.1 WETH per token at $2,500 an ether: $250; 100 WETH deep is $250,000, deeper than the USDC pool.
    const states = { 'WETH:3000': { usd: 0.1, depth: 100 }, 'USDC:3000': { usd: 251, depth: 50_000 } };
    const ok = await priced(token, dex, states, { [ETH_USD]: feed(2_500n * 10n ** 8n, 8, NOW / 1000) });
    expect(ok.holding.price?.dex).toMatchObject({ quote: 'WETH', depthUsd: (250_000n * 10n ** 8n).toString() });
    expect(dollars(ok.holding.price?.answer)).toBeCloseTo(250, 6);
    const failed = await priced(token, dex, states, { [ETH_USD]: { latestRoundData: 'revert', decimals: () => 8 } });
    expect(failed.holding.price?.dex?.quote).toBe('USDC');
  });

  it('loses only the pool whose call fails: the next deepest prices the token, balances still read', async () => {
    const token = stock(LOW);
    const dex = dexWith([USDC]);
    const { holding, snapshot } = await priced(token, dex, {
      'USDC:3000': { usd: 250, depth: 300_000, revert: 'slot0' },
      'USDC:10000': { usd: 252, depth: 80_000 },
    });
    expect(holding.amount).toBe((3n * E18).toString());
    expect(holding.price?.dex).toMatchObject({ fee: 10000 });
    expect(dollars(holding.price?.answer)).toBeCloseTo(252, 6);
    expect(snapshot.status).toBe('ok');
  });

  it('gives no price from a pool with no liquidity in range, whatever it holds', async () => {
    const { holding } = await priced(stock(LOW), dexWith([USDC]), { 'USDC:3000': { usd: 250, depth: 300_000, liquidity: 0n } });
    expect(holding.price).toBeNull();
  });

  it('keeps the feed of a token that has one and reads none of its pools', async () => {
    const token = stock(LOW, 18, { feeds: { price: { address: addr(0xf1) } } });
    const dex = dexWith([USDC]);
    const { chain, holding } = await priced(
      token,
      dex,
      { 'USDC:3000': { usd: 999, depth: 300_000 } },
      { [addr(0xf1)]: feed(200n * 10n ** 8n, 8, NOW / 1000) },
    );
    expect(holding.price).toMatchObject({ source: 'feed', answer: (200n * 10n ** 8n).toString() });
    // blockNumber, one balance, the feed's round and decimals: no pool calls.
    expect(chain.requests).toEqual([{ method: 'eth_call', calls: 4 }]);
  });

  it('adds the pool reads to the one Multicall3 request, and the snapshot survives storage', async () => {
    const { chain, snapshot } = await priced(stock(LOW), dexWith([USDC, DAI18]), { 'USDC:3000': { usd: 250, depth: 300_000 } });
    // blockNumber + balance + 2 quotes x (3 V3 pools x 3 reads + 1 V2 read), in one eth_call.
    expect(chain.requests).toEqual([{ method: 'eth_call', calls: 2 + 2 * (3 * 3 + 1) }]);
    const stored = parsePortfolioSnapshot(JSON.parse(JSON.stringify(snapshot))) as PortfolioSnapshot;
    expect(stored.accounts[0].holdings[0].price).toEqual(snapshot.accounts[0].holdings[0].price);
  });

  it('computes pool addresses with CREATE2 as the Uniswap factories do', () => {
    // Uniswap V3's WETH/USDC 0.05% pool and V2's USDC/WETH pair on Ethereum, from the official factories and init-code hashes.
    const dex: ChainDex = {
      chainId: 1,
      source: 'https://example.test',
      verified: false,
      uniswapV3: {
        factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
        poolInitCodeHash: '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54',
        fees: [500],
      },
      uniswapV2: {
        factory: '0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f',
        pairInitCodeHash: '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f',
      },
      quotes: [{ address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6, usd: { kind: 'stable' } }],
    };
    const weth = stock('0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2');
    expect(dexPoolsFor(weth, dex).map((p) => p.address)).toEqual([
      '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640',
      '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc',
    ]);
  });
});
