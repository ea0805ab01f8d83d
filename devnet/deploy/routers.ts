import { type Address, erc20Abi, keccak256, zeroAddress, zeroHash } from 'viem';
import { oracleMultiplier, usd8 } from '../catalog.ts';
import type { DeployedStock } from './stocks.ts';
import { type DeployContext, E18, tokens } from './context.ts';
import { pairAddress, reserveAnswer } from './market.ts';

/** Permit2's address on every chain (REFERENCE.md section 2). Nothing is deployed there on the devnet. */
export const permit2Address: Address = '0x000000000022D473030F116dDEE9F6B43aC78BA3';

/** The dollar price of one ETH the WETH pools open at. */
export const ethUsd = usd8(2_500);
const poolShares = 1_000;

/** The structures that get a WETH pool: the xStocks-style and the Ondo-style stock. */
const wethPoolStructures = new Set(['multiplier', 'oracle-multiplier']);

/**
 * Routers that execute, from the real npm builds, so the wallet's decoders are checked against
 * contracts that run: Uniswap's Universal Router (2.1.0) over the devnet's V2 factory and WETH9,
 * with WETH pools for the xStocks-style and the Ondo-style stock so a buy with ETH goes through
 * it; and CoW Protocol's GPv2Settlement behind a GPv2AllowListAuthentication that admits one
 * solver, with the vault relayer the settlement creates, so a CoW order signed for the devnet
 * names a settlement contract that can settle it.
 *
 * Permit2 is left where it is on every chain (no npm package ships its bytecode: a step that
 * pays through it reverts here), and the V3 and V4 parts of the router stay unset.
 */
export async function deployRouters(ctx: DeployContext, stocks: DeployedStock[]): Promise<void> {
  const { deployer, npm, contracts, accounts } = ctx;
  for (const stock of stocks.filter((s) => wethPoolStructures.has(s.spec.structure))) await openWethPool(ctx, stock);

  contracts.UniversalRouter = await deployer.deploy('UniversalRouter', npm.UniversalRouter, [
    {
      permit2: permit2Address,
      weth9: contracts.WETH9,
      v2Factory: contracts.UniswapV2Factory,
      v3Factory: zeroAddress,
      pairInitCodeHash: keccak256(npm.UniswapV2Pair.bytecode),
      poolInitCodeHash: zeroHash,
      v4PoolManager: zeroAddress,
      v3NFTPositionManager: zeroAddress,
      v4PositionManager: zeroAddress,
      spokePool: zeroAddress,
    },
  ]);

  const authenticator = await deployer.deploy('GPv2AllowListAuthentication', npm.GPv2AllowListAuthentication);
  await deployer.write(authenticator, npm.GPv2AllowListAuthentication.abi, 'initializeManager', [deployer.address]);
  await deployer.write(authenticator, npm.GPv2AllowListAuthentication.abi, 'addSolver', [accounts.solver]);
  contracts.GPv2AllowListAuthentication = authenticator;
  // No Balancer vault on the devnet: orders trade ERC-20 balances, which the relayer pulls directly.
  contracts.GPv2Settlement = await deployer.deploy('GPv2Settlement', npm.GPv2Settlement, [authenticator, zeroAddress]);
  contracts.GPv2VaultRelayer = (await ctx.client.readContract({
    address: contracts.GPv2Settlement,
    abi: npm.GPv2Settlement.abi,
    functionName: 'vaultRelayer',
  })) as Address;
}

/** A stock/WETH pool of 1,000 tokens at the stock's feed price and ETH at $2,500. */
async function openWethPool(ctx: DeployContext, stock: DeployedStock): Promise<void> {
  const { deployer, own, npm, contracts, client } = ctx;
  await deployer.write(contracts.UniswapV2Factory, npm.UniswapV2Factory.abi, 'createPair', [stock.token, contracts.WETH9]);
  const pair = pairAddress(ctx, stock.token, contracts.WETH9);
  await deployer.write(stock.token, own.OracleStock.abi, 'mint', [pair, tokens(poolShares)]);
  // A multiplier token's balance already counts its multiplier; an Ondo-style one's lives in its oracle.
  const held = await client.readContract({ address: stock.token, abi: erc20Abi, functionName: 'balanceOf', args: [pair] });
  // Newly issued tokens are backed like the rest: the custodian's reserve feed reports the new supply at the same ratio.
  const reserveFeed = contracts[`ReserveFeed:${stock.spec.symbol}`];
  if (reserveFeed && stock.spec.reserveBps !== null) {
    const supply = await client.readContract({ address: stock.token, abi: erc20Abi, functionName: 'totalSupply' });
    await deployer.write(reserveFeed, own.DevnetAggregator.abi, 'updateAnswer', [reserveAnswer(stock.spec.reserveBps, supply)]);
  }
  const multiplier = stock.spec.structure === 'oracle-multiplier' ? oracleMultiplier : E18;
  const weth = (held * stock.spec.price * multiplier) / E18 / ethUsd;
  await deployer.write(contracts.WETH9, npm.WETH9.abi, 'deposit', [], weth);
  await deployer.write(contracts.WETH9, npm.WETH9.abi, 'transfer', [pair, weth]);
  await deployer.write(pair, npm.UniswapV2Pair.abi, 'mint', [deployer.address]);
  contracts[`UniswapV2Pair:${stock.spec.symbol}/WETH`] = pair;
}
