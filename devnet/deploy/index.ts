import type { Address, PublicClient } from 'viem';
import { accountAt, accountRoles, devnetChainId, devnetMnemonic, indexOfRole, issuerNames, type Role, stocks } from '../catalog.ts';
import { createSender } from '../chain.ts';
import { compileContracts } from '../compile.ts';
import { loadNpmArtifacts } from '../npm-artifacts.ts';
import type { Deployment, DevnetIssuer, DevnetToken } from '../types.ts';
import { deployBase } from './base.ts';
import type { DeployContext } from './context.ts';
import { deployGuardPaths, devnetProtocols } from './guard-paths.ts';
import { DEVNET_DINARI_KEYS } from '../issuer/dinari-routes.ts';
import { DEVNET_ONDO_KEYS } from '../issuer/ondo-routes.ts';
import { deployBackedIssuer, deployIssuers } from './issuers.ts';
import { deployDividends, deployReserveFeeds, pairAddress, seedMarket } from './market.ts';
import { deployRouters } from './routers.ts';
import { type DeployedStock, deployStock } from './stocks.ts';
import { countries, deployTrexSuite, registerInvestors, type TrexSuite } from './trex.ts';
import { deployDexMarket } from './uniswap-v3.ts';
import { deployUnlistedTokens } from './unlisted.ts';

export type ChainDeployment = Omit<Deployment, 'issuerServiceUrl' | 'dappUrl'>;

/**
 * Deploys the whole market on a fresh anvil, always in the same order from the same deployer,
 * so every address is the same on every run.
 */
export async function deployDevnet(client: PublicClient, rpcUrl: string, issuerOrigin: string): Promise<ChainDeployment> {
  const accounts = Object.fromEntries(accountRoles.map((a) => [a.role, accountAt(a.index).address])) as Record<Role, Address>;
  const deployerKey = accountAt(indexOfRole('deployer'));
  const ctx: DeployContext = {
    client,
    deployer: await createSender(client, accounts.deployer),
    own: compileContracts(),
    npm: loadNpmArtifacts(),
    accounts,
    contracts: {},
  };

  await deployBase(ctx);
  const deployed: DeployedStock[] = [];
  const suites: TrexSuite[] = [];
  for (const spec of stocks) {
    if (spec.structure !== 'erc3643') {
      deployed.push(await deployStock(ctx, spec));
      continue;
    }
    const suite = await deployTrexSuite(ctx, spec, deployerKey);
    suites.push(suite);
    await registerInvestors(ctx, suite, deployerKey, [
      { wallet: accounts.user, country: countries.DE },
      { wallet: accounts['us-investor'], country: countries.US },
      { wallet: accounts['de-investor'], country: countries.DE },
      { wallet: pairAddress(ctx, suite.token), country: countries.DE },
    ]);
    await ctx.deployer.write(suite.token, ctx.npm.Token.abi, 'unpause', []);
    deployed.push(await deployStock(ctx, spec, suite.token));
  }
  await deployIssuers(ctx, deployed, await createSender(client, accounts['issuer-operator']));
  const pairs = await seedMarket(ctx, deployed);
  const reserveFeeds = await deployReserveFeeds(ctx, deployed);
  await deployDividends(ctx);
  // Last, so every address above stays what it was before these existed.
  await deployUnlistedTokens(ctx, deployerKey);
  // A redemption pulls the tokens into the attestation manager before burning them, so it must be
  // a verified holder of the ERC-3643 tokens it issues (registered last: no address above moves).
  for (const suite of suites) {
    await registerInvestors(ctx, suite, deployerKey, [{ wallet: ctx.contracts.AttestationManager as Address, country: countries.DE }]);
  }
  // Routers that execute (Universal Router, CoW settlement) and their WETH pools come after all of it, for the same reason.
  await deployRouters(ctx, deployed);
  // Stocks priced only by their pools, and Uniswap V3: after all the above (routers included), which keeps its addresses.
  const dexMarket = await deployDexMarket(ctx);
  // The Backed-style issuer (redemption by deposit) after those, so none of the addresses above moves.
  const backed = await deployBackedIssuer(ctx, issuerOrigin);
  // The guard's remaining paths (V3 pools against WETH, a Universal Router with V3 wired, an opaque router) after that.
  await deployGuardPaths(ctx, deployerKey);

  const feedTokens: DevnetToken[] = deployed.map(({ spec, token, priceFeed, multiplierOracle }) => ({
    symbol: spec.symbol,
    name: spec.name,
    address: token,
    decimals: 18,
    structure: spec.structure,
    issuer: spec.issuer,
    underlying: spec.underlying,
    priceFeed,
    reserveFeed: reserveFeeds[spec.symbol] ?? null,
    multiplierOracle,
    pair: pairs[spec.symbol],
    ...(spec.restrictions ? { restrictions: spec.restrictions } : {}),
  }));
  const tokens = [...feedTokens, ...dexMarket.tokens, backed.token];
  const issuers: DevnetIssuer[] = [
    {
      id: 'orders',
      name: issuerNames.orders,
      origin: issuerOrigin,
      kind: 'order-processor',
      contracts: [ctx.contracts.OrderProcessor],
      factory: ctx.contracts.DShareFactory,
      feeQuoteSigner: accounts['issuer-operator'],
      paymentTokens: [ctx.contracts.USDC],
      apiKeys: { ...DEVNET_DINARI_KEYS },
      tokens: tokens.filter((t) => t.issuer === 'orders').map((t) => t.address),
    },
    {
      id: 'attest',
      name: issuerNames.attest,
      origin: issuerOrigin,
      kind: 'attestation',
      contracts: [ctx.contracts.AttestationManager],
      attestationSigner: accounts['issuer-operator'],
      paymentTokens: [ctx.contracts.USDC],
      apiKeys: { ...DEVNET_ONDO_KEYS },
      tokens: tokens.filter((t) => t.issuer === 'attest').map((t) => t.address),
    },
    // One Backed: the feedless bTokens and the xStock, all redeemed by deposit.
    { ...backed.issuer, tokens: tokens.filter((t) => t.issuer === 'backed').map((t) => t.address) },
  ];
  return {
    chainId: devnetChainId,
    rpcUrl,
    mnemonic: devnetMnemonic,
    accounts: accountRoles.map((a) => ({ address: accounts[a.role], role: a.role, index: a.index })),
    contracts: ctx.contracts,
    tokens,
    issuers,
    dex: { ...dexMarket.dex, protocols: devnetProtocols(ctx.contracts) },
  };
}
