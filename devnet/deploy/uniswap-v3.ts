import { type Address, encodeAbiParameters, getCreate2Address, keccak256, maxUint256, zeroAddress } from 'viem';
import { dexStocks, type DexStockSpec } from '../catalog.ts';
import type { DexDeployment, DevnetPool, DevnetToken } from '../types.ts';
import { type DeployContext, E18, tokens } from './context.ts';
import { pairAddress } from './market.ts';

/** The tier the devnet opens its pools in (0.3%, tick spacing 60). */
export const POOL_FEE = 3000;
/** The widest range a 60-spaced position may take (TickMath's MIN_TICK/MAX_TICK rounded in). */
export const FULL_RANGE = { lower: -887_220, upper: 887_220 };
/** Account 0 holds 100 of every devnet stock. */
const userShares = 100;

/** Integer square root (floor), for sqrtPriceX96. */
export function sqrt(value: bigint): bigint {
  if (value < 2n) return value;
  let x = value;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + value / x) / 2n;
  }
  return x;
}

/** A V3 pool's address, as the factory CREATE2s it and the periphery's PoolAddress computes it. */
export function v3PoolAddress(ctx: DeployContext, tokenA: Address, tokenB: Address, fee: number): Address {
  const [token0, token1] = tokenA.toLowerCase() < tokenB.toLowerCase() ? [tokenA, tokenB] : [tokenB, tokenA];
  return getCreate2Address({
    from: ctx.contracts.UniswapV3Factory,
    salt: keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'address' }, { type: 'uint24' }], [token0, token1, fee])),
    bytecodeHash: keccak256(ctx.npm.UniswapV3Pool.bytecode),
  });
}

/** Uniswap V3 from its npm builds: the factory, SwapRouter, NonfungiblePositionManager and QuoterV2. */
async function deployUniswapV3(ctx: DeployContext): Promise<void> {
  const { deployer, npm, contracts } = ctx;
  contracts.UniswapV3Factory = await deployer.deploy('UniswapV3Factory', npm.UniswapV3Factory);
  contracts.SwapRouter = await deployer.deploy('SwapRouter', npm.SwapRouter, [contracts.UniswapV3Factory, contracts.WETH9]);
  // No token descriptor: it only renders the position NFT's tokenURI.
  contracts.NonfungiblePositionManager = await deployer.deploy('NonfungiblePositionManager', npm.NonfungiblePositionManager, [
    contracts.UniswapV3Factory,
    contracts.WETH9,
    zeroAddress,
  ]);
  contracts.QuoterV2 = await deployer.deploy('QuoterV2', npm.QuoterV2, [contracts.UniswapV3Factory, contracts.WETH9]);
}

/** Opens a full-range V3 position of `amount` tokens and their worth in USDC, at the spec's price. */
async function openV3Pool(ctx: DeployContext, spec: DexStockSpec, token: Address): Promise<DevnetPool> {
  const { deployer, own, npm, contracts } = ctx;
  const manager = contracts.NonfungiblePositionManager;
  const amount = tokens(spec.v3PoolShares);
  const quote = (amount * spec.price) / E18 / 100n;
  const tokenIsToken0 = token.toLowerCase() < contracts.USDC.toLowerCase();
  const [token0, token1] = tokenIsToken0 ? [token, contracts.USDC] : [contracts.USDC, token];
  const [amount0, amount1] = tokenIsToken0 ? [amount, quote] : [quote, amount];
  // token1 units per token0 unit, as a Q64.96 square root.
  const sqrtPriceX96 = sqrt((amount1 << 192n) / amount0);

  await deployer.write(token, own.BackedStyleToken.abi, 'mint', [deployer.address, amount]);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [deployer.address, quote]);
  await deployer.write(token, own.BackedStyleToken.abi, 'approve', [manager, maxUint256]);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'approve', [manager, maxUint256]);
  await deployer.write(manager, npm.NonfungiblePositionManager.abi, 'createAndInitializePoolIfNecessary', [token0, token1, POOL_FEE, sqrtPriceX96]);
  const { timestamp } = await ctx.client.getBlock();
  await deployer.write(manager, npm.NonfungiblePositionManager.abi, 'mint', [
    {
      token0,
      token1,
      fee: POOL_FEE,
      tickLower: FULL_RANGE.lower,
      tickUpper: FULL_RANGE.upper,
      amount0Desired: amount0,
      amount1Desired: amount1,
      amount0Min: 0n,
      amount1Min: 0n,
      recipient: deployer.address,
      deadline: timestamp + 3600n,
    },
  ]);
  const address = v3PoolAddress(ctx, token, contracts.USDC, POOL_FEE);
  contracts[`UniswapV3Pool:${spec.symbol}/USDC:${POOL_FEE}`] = address;
  const quoteDepth = (await ctx.client.readContract({
    address: contracts.USDC,
    abi: own.DevnetUSDC.abi,
    functionName: 'balanceOf',
    args: [address],
  })) as bigint;
  return { symbol: spec.symbol, quote: 'USDC', token, fee: POOL_FEE, address, quoteDepth: quoteDepth.toString() };
}

/** A V2 pair of the token against USDC at the spec's price. */
async function openV2Pair(ctx: DeployContext, spec: DexStockSpec, token: Address, shares: number): Promise<Address> {
  const { deployer, own, npm, contracts } = ctx;
  await deployer.write(contracts.UniswapV2Factory, npm.UniswapV2Factory.abi, 'createPair', [token, contracts.USDC]);
  const pair = pairAddress(ctx, token);
  await deployer.write(token, own.BackedStyleToken.abi, 'mint', [pair, tokens(shares)]);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [pair, (tokens(shares) * spec.price) / E18 / 100n]);
  await deployer.write(pair, npm.UniswapV2Pair.abi, 'mint', [deployer.address]);
  contracts[`UniswapV2Pair:${spec.symbol}`] = pair;
  return pair;
}

/**
 * Backed bToken-style stocks without a price feed (account 0 holds some of each), Uniswap V3,
 * and the pools that price those stocks: a deep V3 pool and a shallower V2 pair for bCOIN, a V3
 * pool below the wallet's liquidity floor for bIB01. Deployed after everything else, so no
 * earlier address moves.
 */
export async function deployDexMarket(ctx: DeployContext): Promise<{ tokens: DevnetToken[]; dex: DexDeployment }> {
  const { deployer, own, contracts, accounts } = ctx;
  await deployUniswapV3(ctx);
  const deployed: DevnetToken[] = [];
  const pools: DevnetPool[] = [];
  for (const spec of dexStocks) {
    const blocklist = await deployer.deploy(`blocklist ${spec.symbol}`, own.Blocklist, [deployer.address]);
    contracts[`Blocklist:${spec.symbol}`] = blocklist;
    const token = await deployer.deploy(spec.symbol, own.BackedStyleToken, [spec.name, spec.symbol, deployer.address, blocklist]);
    contracts[spec.symbol] = token;
    await deployer.write(token, own.BackedStyleToken.abi, 'mint', [accounts.user, tokens(userShares)]);
    pools.push(await openV3Pool(ctx, spec, token));
    const pair = spec.v2PoolShares === null ? null : await openV2Pair(ctx, spec, token, spec.v2PoolShares);
    deployed.push({
      symbol: spec.symbol,
      name: spec.name,
      address: token,
      decimals: 18,
      structure: 'plain',
      issuer: 'backed',
      underlying: spec.underlying,
      priceFeed: null,
      reserveFeed: null,
      multiplierOracle: null,
      pair,
    });
  }
  return {
    tokens: deployed,
    dex: {
      uniswapV3: {
        factory: contracts.UniswapV3Factory,
        swapRouter: contracts.SwapRouter,
        quoterV2: contracts.QuoterV2,
        positionManager: contracts.NonfungiblePositionManager,
        poolInitCodeHash: keccak256(ctx.npm.UniswapV3Pool.bytecode),
        pools,
      },
      uniswapV2: { factory: contracts.UniswapV2Factory, pairInitCodeHash: keccak256(ctx.npm.UniswapV2Pair.bytecode) },
      stablecoins: [{ address: contracts.USDC, symbol: 'USDC', decimals: 6 }],
      protocols: [],
    },
  };
}
