import { type Address, encodePacked, getCreate2Address, keccak256 } from 'viem';
import { oracleMultiplier, pastSplitMultiplier } from '../catalog.ts';
import type { DeployedStock } from './stocks.ts';
import { type DeployContext, E18, tokens, usdc } from './context.ts';

const poolShares = 1_000;
const userShares = 100;
const syntheticCollateral = usdc(1_000_000);

/** The Uniswap V2 pair address of token/USDC (or token/`quote`), known before the pair exists. */
export function pairAddress(ctx: DeployContext, token: Address, quote: Address = ctx.contracts.USDC): Address {
  const [token0, token1] = token.toLowerCase() < quote.toLowerCase() ? [token, quote] : [quote, token];
  return getCreate2Address({
    from: ctx.contracts.UniswapV2Factory,
    salt: keccak256(encodePacked(['address', 'address'], [token0, token1])),
    bytecodeHash: keccak256(ctx.npm.UniswapV2Pair.bytecode),
  });
}

/** USD value of whole tokens of a stock in USDC units, at its feed price (times its oracle multiplier). */
export function usdcValue(stock: DeployedStock, amount: bigint, multiplier: bigint): bigint {
  return (amount * stock.spec.price * multiplier) / E18 / E18 / 100n;
}

/**
 * Seeds account 0 with USDC and every stock (the multiplier token gets half, then the past 2:1
 * split doubles it), and opens a pool of each stock against USDC at its feed price.
 */
export async function seedMarket(ctx: DeployContext, stocks: DeployedStock[]): Promise<Record<string, Address>> {
  const { deployer, own, contracts, accounts } = ctx;
  const mintUsdc = (to: Address, amount: bigint) => deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [to, amount]);
  const mint = (stock: DeployedStock, to: Address, amount: bigint) => deployer.write(stock.token, own.OracleStock.abi, 'mint', [to, amount]);

  await mintUsdc(accounts.user, usdc(100_000));
  await mintUsdc(accounts['us-investor'], usdc(10_000));
  const multiplierStock = stocks.find((s) => s.spec.structure === 'multiplier');
  for (const stock of stocks) {
    if (stock.spec.structure === 'synthetic') await mintUsdc(stock.token, syntheticCollateral);
    const split = stock === multiplierStock ? pastSplitMultiplier / E18 : 1n;
    await mint(stock, accounts.user, tokens(userShares) / split);
  }
  if (multiplierStock) {
    await deployer.write(multiplierStock.token, own.MultiplierStock.abi, 'updateMultiplierValue', [pastSplitMultiplier, E18, 0n]);
  }

  const pairs: Record<string, Address> = {};
  for (const stock of stocks) pairs[stock.spec.symbol] = await openPool(ctx, stock);
  return pairs;
}

/** A proof-of-reserve answer (shares in custody, 8 decimals) for `supply` (18 decimals) at a backing ratio in basis points. */
export const reserveAnswer = (reserveBps: bigint, supply: bigint) => (supply * reserveBps) / 10_000n / 10n ** 10n;

/** Opens the Uniswap V2 pool of a stock against USDC at its feed price; returns the pair. */
export async function openPool(ctx: DeployContext, stock: DeployedStock): Promise<Address> {
  const { deployer, own, npm, contracts } = ctx;
  await deployer.write(contracts.UniswapV2Factory, npm.UniswapV2Factory.abi, 'createPair', [stock.token, contracts.USDC]);
  const pair = pairAddress(ctx, stock.token);
  const multiplier = stock.spec.structure === 'oracle-multiplier' ? oracleMultiplier : E18;
  await deployer.write(stock.token, own.OracleStock.abi, 'mint', [pair, tokens(poolShares)]);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [pair, usdcValue(stock, tokens(poolShares), multiplier)]);
  await deployer.write(pair, npm.UniswapV2Pair.abi, 'mint', [deployer.address]);
  contracts[`UniswapV2Pair:${stock.spec.symbol}`] = pair;
  return pair;
}

/** Proof-of-reserve feeds (shares in custody, 8 decimals) at the backing ratio each stock declares. */
export async function deployReserveFeeds(ctx: DeployContext, stocks: DeployedStock[]): Promise<Record<string, Address>> {
  const { deployer, own, contracts, client } = ctx;
  const feeds: Record<string, Address> = {};
  for (const stock of stocks) {
    if (stock.spec.reserveBps === null) continue;
    const supply = (await client.readContract({
      address: stock.token,
      abi: own.MultiplierStock.abi,
      functionName: 'totalSupply',
    })) as bigint;
    const reserves = reserveAnswer(stock.spec.reserveBps, supply);
    const feed = await deployer.deploy(`reserve feed ${stock.spec.symbol}`, own.DevnetAggregator, [
      deployer.address,
      8,
      `${stock.spec.symbol} Proof of Reserves`,
      reserves,
    ]);
    contracts[`ReserveFeed:${stock.spec.symbol}`] = feed;
    feeds[stock.spec.symbol] = feed;
  }
  return feeds;
}

/** A dividend distribution of USDC funded for the rebasing token's holders, open for 90 days. */
export async function deployDividends(ctx: DeployContext): Promise<void> {
  const { deployer, own, contracts, client } = ctx;
  contracts.DividendDistribution = await deployer.deploy('DividendDistribution', own.DividendDistribution, [deployer.address]);
  const funding = usdc(10_000);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [deployer.address, funding]);
  await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'approve', [contracts.DividendDistribution, funding]);
  const { timestamp } = await client.getBlock();
  await deployer.write(contracts.DividendDistribution, own.DividendDistribution.abi, 'createDistribution', [
    contracts.USDC,
    funding,
    timestamp + 90n * 86_400n,
  ]);
}
