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
  const { deployer, npm, contracts, client } = ctx;
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

  await deployer.write(contracts.TREXFactory, npm.TREXFactory.abi, 'deployTREXSuite', [
    spec.symbol,
    {
      owner,
      name: spec.name,
      symbol: spec.symbol,
      decimals: 18,
      irs: zeroAddress,
      ONCHAINID: zeroAddress,
      irAgents: [owner],
      tokenAgents: [owner],
      complianceModules: [contracts.CountryRestrictModule],
      complianceSettings: [
        encodeFunctionData({
          abi: npm.CountryRestrictModule.abi,
          functionName: 'addCountryRestriction',
          args: [countries.US],
        }),
      ],
    },
    { claimTopics: [kycClaimTopic], issuers: [contracts.ClaimIssuer], issuerClaims: [[kycClaimTopic]] },
  ]);
  const read = <T>(address: Address, abi: typeof npm.Token.abi, functionName: string, args: unknown[] = []) =>
    client.readContract({ address, abi, functionName, args }) as Promise<T>;
  const token = await read<Address>(contracts.TREXFactory, npm.TREXFactory.abi, 'getToken', [spec.symbol]);
  const suite = {
    token,
    identityRegistry: await read<Address>(token, npm.Token.abi, 'identityRegistry'),
    compliance: await read<Address>(token, npm.Token.abi, 'compliance'),
  };
  contracts.IdentityRegistry = suite.identityRegistry;
  contracts.ModularCompliance = suite.compliance;
  return suite;
}

/**
 * Gives each investor an ONCHAINID identity (managed by the deployer) carrying a KYC claim signed
 * by the claim issuer, and registers it with its country in the token's identity registry.
 */
export async function registerInvestors(ctx: DeployContext, suite: TrexSuite, claimSigner: LocalAccount, investors: Investor[]): Promise<void> {
  const { deployer, npm, contracts, client } = ctx;
  const idFactory = contracts.IdFactory;
  for (const investor of investors) {
    await deployer.write(idFactory, npm.IdFactory.abi, 'createIdentityWithManagementKeys', [
      investor.wallet,
      `investor-${investor.wallet.toLowerCase()}`,
      [keyOf(deployer.address)],
    ]);
  }
  const identities = await Promise.all(
    investors.map(
      (investor) =>
        client.readContract({
          address: idFactory,
          abi: npm.IdFactory.abi,
          functionName: 'getIdentity',
          args: [investor.wallet],
        }) as Promise<Address>,
    ),
  );
  const claimData: Hex = toHex('KYC approved by the devnet claim issuer');
  for (const identity of identities) {
    const digest = keccak256(
      encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }, { type: 'bytes' }], [identity, kycClaimTopic, claimData]),
    );
    const signature = await claimSigner.signMessage({ message: { raw: digest } });
    await deployer.write(identity, npm.Identity.abi, 'addClaim', [kycClaimTopic, ecdsaScheme, contracts.ClaimIssuer, signature, claimData, '']);
  }
  await deployer.write(suite.identityRegistry, npm.IdentityRegistry.abi, 'batchRegisterIdentity', [
    investors.map((i) => i.wallet),
    identities,
    investors.map((i) => i.country),
  ]);
}
