import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Abi, Hex } from 'viem';
import type { Artifact } from './compile.ts';
import { nodeModulesDir } from './paths.ts';

type JsonArtifact = { abi: Abi; bytecode: string; deployedBytecode?: string; evm?: { deployedBytecode?: { object: string } } };

function load(relativePath: string): Artifact {
  const json = JSON.parse(readFileSync(join(nodeModulesDir, relativePath), 'utf8')) as JsonArtifact;
  const hex = (code: string | undefined): Hex => `0x${(code ?? '').replace(/^0x/, '')}`;
  return {
    abi: json.abi,
    bytecode: hex(json.bytecode),
    deployedBytecode: hex(json.deployedBytecode ?? json.evm?.deployedBytecode?.object),
  };
}

const trex = (path: string) => load(`@tokenysolutions/t-rex/artifacts/contracts/${path}.json`);
const onchainId = (path: string) => load(`@onchain-id/solidity/artifacts/contracts/${path}.json`);
const cow = (name: string) => load(`@cowprotocol/contracts/lib/contracts/${name}.json`);

/** Contract artifacts shipped by npm packages: the real Uniswap V2 and V3, Universal Router, CoW settlement, T-REX and ONCHAINID builds. */
export function loadNpmArtifacts() {
  return {
    WETH9: load('@uniswap/v2-periphery/build/WETH9.json'),
    UniswapV2Factory: load('@uniswap/v2-core/build/UniswapV2Factory.json'),
    UniswapV2Pair: load('@uniswap/v2-core/build/UniswapV2Pair.json'),
    UniswapV2Router02: load('@uniswap/v2-periphery/build/UniswapV2Router02.json'),
    UniversalRouter: load('@uniswap/universal-router/artifacts/contracts/UniversalRouter.sol/UniversalRouter.json'),
    GPv2Settlement: cow('GPv2Settlement'),
    GPv2AllowListAuthentication: cow('GPv2AllowListAuthentication'),
    GPv2VaultRelayer: cow('GPv2VaultRelayer'),
    UniswapV3Factory: load('@uniswap/v3-core/artifacts/contracts/UniswapV3Factory.sol/UniswapV3Factory.json'),
    UniswapV3Pool: load('@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json'),
    SwapRouter: load('@uniswap/v3-periphery/artifacts/contracts/SwapRouter.sol/SwapRouter.json'),
    NonfungiblePositionManager: load('@uniswap/v3-periphery/artifacts/contracts/NonfungiblePositionManager.sol/NonfungiblePositionManager.json'),
    QuoterV2: load('@uniswap/v3-periphery/artifacts/contracts/lens/QuoterV2.sol/QuoterV2.json'),
    Token: trex('token/Token.sol/Token'),
    ClaimTopicsRegistry: trex('registry/implementation/ClaimTopicsRegistry.sol/ClaimTopicsRegistry'),
    IdentityRegistry: trex('registry/implementation/IdentityRegistry.sol/IdentityRegistry'),
    IdentityRegistryStorage: trex('registry/implementation/IdentityRegistryStorage.sol/IdentityRegistryStorage'),
    TrustedIssuersRegistry: trex('registry/implementation/TrustedIssuersRegistry.sol/TrustedIssuersRegistry'),
    ModularCompliance: trex('compliance/modular/ModularCompliance.sol/ModularCompliance'),
    TREXImplementationAuthority: trex('proxy/authority/TREXImplementationAuthority.sol/TREXImplementationAuthority'),
    TREXFactory: trex('factory/TREXFactory.sol/TREXFactory'),
    CountryRestrictModule: trex('compliance/modular/modules/CountryRestrictModule.sol/CountryRestrictModule'),
    CountryAllowModule: trex('compliance/modular/modules/CountryAllowModule.sol/CountryAllowModule'),
    ModuleProxy: trex('compliance/modular/modules/ModuleProxy.sol/ModuleProxy'),
    Identity: onchainId('Identity.sol/Identity'),
    ImplementationAuthority: onchainId('proxy/ImplementationAuthority.sol/ImplementationAuthority'),
    IdFactory: onchainId('factory/IdFactory.sol/IdFactory'),
    ClaimIssuer: onchainId('ClaimIssuer.sol/ClaimIssuer'),
  };
}

export type NpmArtifacts = ReturnType<typeof loadNpmArtifacts>;
