import type { Address } from 'viem';
import type { DeployContext } from './context.ts';

export const multicall3Address: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/** USDC, Multicall3 at its canonical address, the issuers' KYC registry and Uniswap V2. */
export async function deployBase(ctx: DeployContext): Promise<void> {
  const { deployer, own, npm, contracts, client } = ctx;
  contracts.USDC = await deployer.deploy('USDC', own.DevnetUSDC, [deployer.address]);
  await client.request({
    method: 'anvil_setCode',
    params: [multicall3Address, own.Multicall3.deployedBytecode],
  } as never);
  contracts.Multicall3 = multicall3Address;
  contracts.KycRegistry = await deployer.deploy('KycRegistry', own.KycRegistry, [deployer.address]);
  contracts.WETH9 = await deployer.deploy('WETH9', npm.WETH9);
  contracts.UniswapV2Factory = await deployer.deploy('UniswapV2Factory', npm.UniswapV2Factory, [deployer.address]);
  contracts.UniswapV2Router02 = await deployer.deploy('UniswapV2Router02', npm.UniswapV2Router02, [contracts.UniswapV2Factory, contracts.WETH9]);
}
