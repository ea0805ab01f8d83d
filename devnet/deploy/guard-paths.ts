import { type Address, erc20Abi, keccak256, type LocalAccount, maxUint256, zeroAddress } from 'viem';
import { oracleMultiplier, stocks, usd8 } from '../catalog.ts';
import type { DeployContext } from './context.ts';
import { E18, tokens } from './context.ts';
import { reserveAnswer } from './market.ts';
import { ethUsd, permit2Address } from './routers.ts';
import { countries, registerInvestors } from './trex.ts';
import { FULL_RANGE, POOL_FEE, sqrt, v3PoolAddress } from './uniswap-v3.ts';
import { unlistedTokens } from './unlisted.ts';

/** The stocks the guard's path matrix trades: the xStocks-style, the Ondo-style and the unlisted ERC-3643 one. */
export const guardPathTokens = ['TSLAx', 'NVDAon', 'KSTR'] as const;
const v3PoolShares = 200;

/**
 * The paths left for the guard to hold on, after everything else (no earlier address moves):
 * - a Uniswap V3 pool against WETH for TSLAx, NVDAon and KSTR (so SwapRouter and the Universal
 *   Router's V3 step buy them with ETH, which both wrap themselves);
 * - a Universal Router (2.1.0) whose V3 part is wired to the devnet's factory and the real
 *   UniswapV3Pool init-code hash; `contracts.UniversalRouter` now names it (its V2 part is wired
 *   as the first one's was);
 * - DevnetOpaqueRouter, a router of the devnet's own whose function no decoder knows;
 * - KSTR's identity registry admits, as verified DE investors, every contract that receives KSTR
 *   on these paths (its V3 pool, the CoW settlement that holds it mid-settlement, the routers,
 *   QuoterV2) and the deployer that funds the pool, as the real token would require; account 0
 *   gets 10 KSTR.
 */
export async function deployGuardPaths(ctx: DeployContext, claimSigner: LocalAccount): Promise<void> {
  const { deployer, npm, own, contracts, client } = ctx;
  contracts.UniversalRouter = await deployer.deploy('UniversalRouter (V2 and V3)', npm.UniversalRouter, [
    {
      permit2: permit2Address,
      weth9: contracts.WETH9,
      v2Factory: contracts.UniswapV2Factory,
      v3Factory: contracts.UniswapV3Factory,
      pairInitCodeHash: keccak256(npm.UniswapV2Pair.bytecode),
      poolInitCodeHash: keccak256(npm.UniswapV3Pool.bytecode),
      v4PoolManager: zeroAddress,
      v3NFTPositionManager: zeroAddress,
      v4PositionManager: zeroAddress,
      spokePool: zeroAddress,
    },
  ]);
  contracts.DevnetOpaqueRouter = await deployer.deploy('DevnetOpaqueRouter', own.DevnetOpaqueRouter);

  const kstr = { token: contracts.KSTR, identityRegistry: contracts['IdentityRegistry:KSTR'], compliance: contracts['ModularCompliance:KSTR'] };
  const holders = [
    v3PoolAddress(ctx, kstr.token, contracts.WETH9, POOL_FEE),
    contracts.GPv2Settlement,
    contracts.UniversalRouter,
    contracts.SwapRouter,
    // QuoterV2 quotes by running the swap to itself, then reverting.
    contracts.QuoterV2,
    contracts.DevnetOpaqueRouter,
  ];
  await registerInvestors(
    ctx,
    kstr,
    claimSigner,
    holders.map((wallet) => ({ wallet, country: countries.DE })),
  );
  // ONCHAINID will not make the deployer an identity it manages itself: it funds the pool under the
  // DE investor's identity (registered for KSTR already), which carries the KYC claim.
  const investorIdentity = (await client.readContract({
    address: contracts.IdFactory,
    abi: npm.IdFactory.abi,
    functionName: 'getIdentity',
    args: [ctx.accounts['de-investor']],
  })) as Address;
  await deployer.write(kstr.identityRegistry, npm.IdentityRegistry.abi, 'registerIdentity', [deployer.address, investorIdentity, countries.DE]);

  // Account 0 holds some KSTR too, as it holds every listed stock, so it can sell it (send it to a pair).
  await deployer.write(kstr.token, own.OracleStock.abi, 'mint', [ctx.accounts.user, tokens(10)]);

  for (const symbol of guardPathTokens) {
    await openWethV3Pool(ctx, symbol, contracts[symbol], usdPerToken(symbol));
  }
}

/** USD per token unit (8 decimals, times 1e18 for the Ondo-style oracle multiplier). */
function usdPerToken(symbol: (typeof guardPathTokens)[number]): bigint {
  if (symbol === 'KSTR') return usd8(unlistedTokens.KSTR.price) * E18;
  const spec = stocks.find((s) => s.symbol === symbol)!;
  return spec.price * (spec.structure === 'oracle-multiplier' ? oracleMultiplier : E18);
}

/** A full-range 0.3% V3 pool of `v3PoolShares` tokens against their worth in WETH at ETH $2,500. */
async function openWethV3Pool(ctx: DeployContext, symbol: string, token: Address, usdPerUnit: bigint): Promise<void> {
  const { deployer, own, npm, contracts, client } = ctx;
  const manager = contracts.NonfungiblePositionManager;
  const weth = contracts.WETH9;
  const balance = () => client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [deployer.address] });
  const before = await balance();
  // Every devnet stock (T-REX too) mints through its agent's mint(to, amount).
  await deployer.write(token, own.OracleStock.abi, 'mint', [deployer.address, tokens(v3PoolShares)]);
  // A multiplier token's balance already counts its multiplier.
  const amount = (await balance()) - before;
  const spec = stocks.find((s) => s.symbol === symbol);
  const reserveFeed = contracts[`ReserveFeed:${symbol}`];
  if (reserveFeed && spec?.reserveBps) {
    // Newly issued tokens are backed like the rest: the reserve feed reports the new supply at the same ratio.
    const supply = await client.readContract({ address: token, abi: erc20Abi, functionName: 'totalSupply' });
    await deployer.write(reserveFeed, own.DevnetAggregator.abi, 'updateAnswer', [reserveAnswer(spec.reserveBps, supply)]);
  }
  const wethAmount = (amount * usdPerUnit) / E18 / ethUsd;
  await deployer.write(weth, npm.WETH9.abi, 'deposit', [], wethAmount);

  const tokenIsToken0 = token.toLowerCase() < weth.toLowerCase();
  const [token0, token1] = tokenIsToken0 ? [token, weth] : [weth, token];
  const [amount0, amount1] = tokenIsToken0 ? [amount, wethAmount] : [wethAmount, amount];
  await deployer.write(token, erc20Abi, 'approve', [manager, maxUint256]);
  await deployer.write(weth, erc20Abi, 'approve', [manager, maxUint256]);
  await deployer.write(manager, npm.NonfungiblePositionManager.abi, 'createAndInitializePoolIfNecessary', [
    token0,
    token1,
    POOL_FEE,
    sqrt((amount1 << 192n) / amount0),
  ]);
  const { timestamp } = await client.getBlock();
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
  contracts[`UniswapV3Pool:${symbol}/WETH:${POOL_FEE}`] = v3PoolAddress(ctx, token, weth, POOL_FEE);
}

/** The devnet's routers and settlement as the wallet names them (after deployGuardPaths: the Universal Router is the V3-wired one). */
export function devnetProtocols(contracts: Record<string, Address>): { address: Address; name: string }[] {
  return [
    { address: contracts.UniswapV2Router02, name: 'Uniswap V2 router (devnet)' },
    { address: contracts.SwapRouter, name: 'Uniswap V3 SwapRouter (devnet)' },
    { address: contracts.UniversalRouter, name: 'Uniswap Universal Router (devnet)' },
    { address: contracts.GPv2Settlement, name: 'CoW Protocol settlement (devnet)' },
  ];
}
