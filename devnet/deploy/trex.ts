import { type Address, encodeAbiParameters, encodeFunctionData, type Hex, keccak256, type LocalAccount, toHex, zeroAddress } from 'viem';
import type { StockSpec } from '../catalog.ts';
import type { DeployContext } from './context.ts';

export const countries = { DE: 276, US: 840 } as const;
const kycClaimTopic = 1n;
const ecdsaScheme = 1n;
const claimKeyPurpose = 3n;

export type TrexSuite = { token: Address; identityRegistry: Address; compliance: Address };
export type Investor = { wallet: Address; country: number };

const keyOf = (address: Address) => keccak256(encodeAbiParameters([{ type: 'address' }], [address]));

/**
 * Deploys ONCHAINID and T-REX v4 from their npm artifacts and a T-REX suite for one security
 * token whose compliance restricts receivers in the United States (840). The deployer is the
 * owner, the agent and the claim issuer's signing key.
 */
export async function deployTrexSuite(ctx: DeployContext, spec: StockSpec, claimSigner: LocalAccount): Promise<TrexSuite> {
  const { deployer, npm, contracts } = ctx;
  const owner = deployer.address;

  const identityImplementation = await deployer.deploy('Identity implementation', npm.Identity, [owner, true]);
  const identityAuthority = await deployer.deploy('ONCHAINID authority', npm.ImplementationAuthority, [identityImplementation]);
  contracts.IdFactory = await deployer.deploy('IdFactory', npm.IdFactory, [identityAuthority]);

  const implementations = {
    tokenImplementation: await deployer.deploy('Token implementation', npm.Token),
    ctrImplementation: await deployer.deploy('ClaimTopicsRegistry implementation', npm.ClaimTopicsRegistry),
    irImplementation: await deployer.deploy('IdentityRegistry implementation', npm.IdentityRegistry),
    irsImplementation: await deployer.deploy('IdentityRegistryStorage implementation', npm.IdentityRegistryStorage),
    tirImplementation: await deployer.deploy('TrustedIssuersRegistry implementation', npm.TrustedIssuersRegistry),
    mcImplementation: await deployer.deploy('ModularCompliance implementation', npm.ModularCompliance),
  };
  const authority = await deployer.deploy('TREXImplementationAuthority', npm.TREXImplementationAuthority, [true, zeroAddress, zeroAddress]);
  await deployer.write(authority, npm.TREXImplementationAuthority.abi, 'addAndUseTREXVersion', [{ major: 4, minor: 0, patch: 0 }, implementations]);
  contracts.TREXFactory = await deployer.deploy('TREXFactory', npm.TREXFactory, [authority, contracts.IdFactory]);
  await deployer.write(contracts.IdFactory, npm.IdFactory.abi, 'addTokenFactory', [contracts.TREXFactory]);

  contracts.ClaimIssuer = await deployer.deploy('ClaimIssuer', npm.ClaimIssuer, [owner]);
  await deployer.write(contracts.ClaimIssuer, npm.ClaimIssuer.abi, 'addKey', [keyOf(claimSigner.address), claimKeyPurpose, 1n]);

  const moduleImplementation = await deployer.deploy('CountryRestrictModule', npm.CountryRestrictModule);
  contracts.CountryRestrictModule = await deployer.deploy('CountryRestrictModule proxy', npm.ModuleProxy, [
    moduleImplementation,
    encodeFunctionData({ abi: npm.CountryRestrictModule.abi, functionName: 'initialize' }),
  ]);

  const suite = await deployTrexToken(ctx, {
    salt: spec.symbol,
    name: spec.name,
    symbol: spec.symbol,
    modules: [contracts.CountryRestrictModule],
    settings: [encodeFunctionData({ abi: npm.CountryRestrictModule.abi, functionName: 'addCountryRestriction', args: [countries.US] })],
  });
  contracts.IdentityRegistry = suite.identityRegistry;
  contracts.ModularCompliance = suite.compliance;
  return suite;
}

export type TrexTokenSpec = { salt: string; name: string; symbol: string; modules: Address[]; settings: Hex[] };

/**
 * One more T-REX suite from the factory deployTrexSuite set up (same claim issuer and KYC topic):
 * its compliance binds `modules` and runs `settings` on them. The token starts paused.
 */
export async function deployTrexToken(ctx: DeployContext, spec: TrexTokenSpec): Promise<TrexSuite> {
  const { deployer, npm, contracts, client } = ctx;
  const owner = deployer.address;
  await deployer.write(contracts.TREXFactory, npm.TREXFactory.abi, 'deployTREXSuite', [
    spec.salt,
    {
      owner,
      name: spec.name,
      symbol: spec.symbol,
      decimals: 18,
      irs: zeroAddress,
      ONCHAINID: zeroAddress,
      irAgents: [owner],
      tokenAgents: [owner],
      complianceModules: spec.modules,
      complianceSettings: spec.settings,
    },
    { claimTopics: [kycClaimTopic], issuers: [contracts.ClaimIssuer], issuerClaims: [[kycClaimTopic]] },
  ]);
  const read = <T>(address: Address, abi: typeof npm.Token.abi, functionName: string, args: unknown[] = []) =>
    client.readContract({ address, abi, functionName, args }) as Promise<T>;
  const token = await read<Address>(contracts.TREXFactory, npm.TREXFactory.abi, 'getToken', [spec.salt]);
  return {
    token,
    identityRegistry: await read<Address>(token, npm.Token.abi, 'identityRegistry'),
    compliance: await read<Address>(token, npm.Token.abi, 'compliance'),
  };
}

/**
 * Gives each investor an ONCHAINID identity (managed by the deployer) carrying a KYC claim signed
 * by the claim issuer, unless it has one already (from another suite of the same factory), and
 * registers it with its country in the token's identity registry.
 */
export async function registerInvestors(ctx: DeployContext, suite: TrexSuite, claimSigner: LocalAccount, investors: Investor[]): Promise<void> {
  const { deployer, npm, contracts, client } = ctx;
  const idFactory = contracts.IdFactory;
  const identityOf = (wallet: Address) =>
    client.readContract({ address: idFactory, abi: npm.IdFactory.abi, functionName: 'getIdentity', args: [wallet] }) as Promise<Address>;
  const existing = await Promise.all(investors.map((investor) => identityOf(investor.wallet)));
  const fresh = investors.filter((_, i) => existing[i] === zeroAddress);
  for (const investor of fresh) {
    await deployer.write(idFactory, npm.IdFactory.abi, 'createIdentityWithManagementKeys', [
      investor.wallet,
      `investor-${investor.wallet.toLowerCase()}`,
      [keyOf(deployer.address)],
    ]);
  }
  const claimData: Hex = toHex('KYC approved by the devnet claim issuer');
  for (const investor of fresh) {
    const identity = await identityOf(investor.wallet);
    const digest = keccak256(
      encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'bytes' }], [identity, kycClaimTopic, claimData]),
    );
    const signature = await claimSigner.signMessage({ message: { raw: digest } });
    await deployer.write(identity, npm.Identity.abi, 'addClaim', [kycClaimTopic, ecdsaScheme, contracts.ClaimIssuer, signature, claimData, '']);
  }
  await deployer.write(suite.identityRegistry, npm.IdentityRegistry.abi, 'batchRegisterIdentity', [
    investors.map((i) => i.wallet),
    await Promise.all(investors.map((investor) => identityOf(investor.wallet))),
    investors.map((i) => i.country),
  ]);
}
