// The devnet's permissioned tokens outside the registry (KSTR: ERC-3643, OSPR: Ondo-GM-style,
// HRON: ERC-1404), and what a test needs to buy one on Uniswap V2 through the wallet.
import { type Address, encodeFunctionData, erc20Abi, maxUint256 } from 'viem';
import { uniswapV2RouterAbi } from '../../../devnet/abis.ts';
import { accountOf, contractOf, devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';

export type UnlistedSymbol = 'KSTR' | 'OSPR' | 'HRON';

export function unlistedMarket(deployment: Deployment) {
  const { publicClient, write } = devnetClients(deployment);
  const router = contractOf(deployment, 'UniswapV2Router02');
  const usdc = contractOf(deployment, 'USDC');
  const balanceOf = (token: Address, account: Address) =>
    publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });
  return {
    router,
    tokenOf: (symbol: UnlistedSymbol) => contractOf(deployment, symbol),
    balanceOf,
    nonceOf: (account: Address) => publicClient.getTransactionCount({ address: account }),
    /** Lets the router spend `role`'s USDC (sent from anvil's unlocked account, not through the wallet), funding it first if need be. */
    async allowRouter(role: string) {
      const account = accountOf(deployment, role);
      if ((await balanceOf(usdc, account)) < 1_000_000_000n) {
        await write('user', { address: usdc, abi: erc20Abi, functionName: 'transfer', args: [account, 1_000_000_000n] });
      }
      await write(role, { address: usdc, abi: erc20Abi, functionName: 'approve', args: [router, maxUint256] });
    },
    /** eth_sendTransaction params of a V2 buy of `symbol` for 100 USDC, delivered to `account`. */
    async buy(symbol: UnlistedSymbol, account: Address) {
      const { timestamp } = await publicClient.getBlock();
      const data = encodeFunctionData({
        abi: uniswapV2RouterAbi,
        functionName: 'swapExactTokensForTokens',
        args: [100_000_000n, 1n, [usdc, contractOf(deployment, symbol)], account, timestamp + 3_600n],
      });
      return { from: account, to: router, data };
    },
    waitForReceipt: (hash: `0x${string}`) => publicClient.waitForTransactionReceipt({ hash }),
  };
}
