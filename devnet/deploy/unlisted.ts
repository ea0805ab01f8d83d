import { type Address, encodeFunctionData, type LocalAccount } from 'viem';
import type { DeployContext } from './context.ts';
import { tokens, usdc } from './context.ts';
import { pairAddress } from './market.ts';
import { countries, deployTrexToken, registerInvestors } from './trex.ts';

/**
 * Permissioned tokens the wallet's registry does not list, so the guard can only know them by
 * reading the chain: each is in `contracts` (never in `tokens`, which the registry is built from).
 * - KSTR: an ERC-3643 (T-REX) security whose CountryAllowModule admits receivers in Germany only;
 * - OSPR: an Ondo-GM-style token whose transfers ask a GMStyleCompliance for every party and stop
 *   while its GMStylePauseManager pauses it;
 * - HRON: an ERC-1404 security whose transfer agent lists investors with their country and
 *   restricts the United States.
 * In each, account 0 (`user`, DE) is admitted and account 1 (`us-investor`) is refused; account 2
 * (`unverified`) is unknown to all three. Each has a USDC pool on Uniswap V2.
 */
export const unlistedTokens = {
  KSTR: { name: 'Kestrel Robotics Security (devnet, ERC-3643, unlisted)', price: 40 },
  OSPR: { name: 'Osprey Foods GM-style token (devnet, unlisted)', price: 25 },
  HRON: { name: 'Heron Energy Restricted Stock (devnet, ERC-1404, unlisted)', price: 60 },
} as const;

export type UnlistedSymbol = keyof typeof unlistedTokens;

const poolShares = 1_000;

export async function deployUnlistedTokens(ctx: DeployContext, claimSigner: LocalAccount): Promise<void> {
  const { deployer, own, npm, contracts, accounts } = ctx;
  const admin = deployer.address;
  const user = accounts.user;
  const us = accounts['us-investor'];
  const pairOf = (token: Address) => pairAddress(ctx, token);

  // ERC-3643: a second suite of the devnet's T-REX factory, with an allow-list country module.
  const allowImplementation = await deployer.deploy('CountryAllowModule', npm.CountryAllowModule);
  contracts.CountryAllowModule = await deployer.deploy('CountryAllowModule proxy', npm.ModuleProxy, [
    allowImplementation,
    encodeFunctionData({ abi: npm.CountryAllowModule.abi, functionName: 'initialize' }),
  ]);
  const kstr = await deployTrexToken(ctx, {
    salt: 'KSTR',
    name: unlistedTokens.KSTR.name,
    symbol: 'KSTR',
    modules: [contracts.CountryAllowModule],
    settings: [encodeFunctionData({ abi: npm.CountryAllowModule.abi, functionName: 'addAllowedCountry', args: [countries.DE] })],
  });
  await registerInvestors(ctx, kstr, claimSigner, [
    { wallet: user, country: countries.DE },
    { wallet: us, country: countries.US },
    { wallet: accounts['de-investor'], country: countries.DE },
    { wallet: pairOf(kstr.token), country: countries.DE },
  ]);
  await deployer.write(kstr.token, npm.Token.abi, 'unpause', []);
  contracts.KSTR = kstr.token;
  contracts['IdentityRegistry:KSTR'] = kstr.identityRegistry;
  contracts['ModularCompliance:KSTR'] = kstr.compliance;

  // Ondo-GM-style: the issuer allows its onboarded holders (the deployer mints, so it is one) and the pool.
  contracts['GMStyleCompliance:OSPR'] = await deployer.deploy('GMStyleCompliance OSPR', own.GMStyleCompliance, [admin]);
  contracts['GMStylePauseManager:OSPR'] = await deployer.deploy('GMStylePauseManager OSPR', own.GMStylePauseManager, [admin]);
  contracts.OSPR = await deployer.deploy('OSPR', own.GMStyleStock, [
    unlistedTokens.OSPR.name,
    'OSPR',
    admin,
    contracts['GMStyleCompliance:OSPR'],
    contracts['GMStylePauseManager:OSPR'],
  ]);
  const compliance = contracts['GMStyleCompliance:OSPR'];
  await deployer.write(compliance, own.GMStyleCompliance.abi, 'setAllowed', [
    [admin, user, pairOf(contracts.OSPR), contracts.UniswapV2Router02],
    true,
  ]);
  await deployer.write(compliance, own.GMStyleCompliance.abi, 'setDenied', [[us], true]);

  // ERC-1404: the transfer agent lists the pool and account 0 in DE, account 1 in the US, and restricts the US.
  contracts.HRON = await deployer.deploy('HRON', own.RestrictedStock1404, [unlistedTokens.HRON.name, 'HRON', admin]);
  await deployer.write(contracts.HRON, own.RestrictedStock1404.abi, 'setInvestors', [[user, pairOf(contracts.HRON)], countries.DE, true]);
  await deployer.write(contracts.HRON, own.RestrictedStock1404.abi, 'setInvestors', [[us], countries.US, true]);
  await deployer.write(contracts.HRON, own.RestrictedStock1404.abi, 'setCountryRestricted', [countries.US, true]);

  for (const symbol of Object.keys(unlistedTokens) as UnlistedSymbol[]) {
    const token = contracts[symbol];
    await deployer.write(contracts.UniswapV2Factory, npm.UniswapV2Factory.abi, 'createPair', [token, contracts.USDC]);
    const pair = pairOf(token);
    // T-REX mints through its agent's mint(to, amount), as the devnet stocks' mint does.
    await deployer.write(token, own.OracleStock.abi, 'mint', [pair, tokens(poolShares)]);
    await deployer.write(contracts.USDC, own.DevnetUSDC.abi, 'mint', [pair, usdc(poolShares * unlistedTokens[symbol].price)]);
    await deployer.write(pair, npm.UniswapV2Pair.abi, 'mint', [admin]);
    contracts[`UniswapV2Pair:${symbol}`] = pair;
  }
}
