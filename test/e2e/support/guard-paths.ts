// What a dApp sends to acquire a tokenized stock by each path the guard must hold on, on the
// devnet: Uniswap V2, V3's SwapRouter (exactInputSingle, paid with ETH), the Universal Router's V3
// step (WRAP_ETH then V3_SWAP_EXACT_IN), the devnet's opaque router (a function no decoder knows),
// and a plain transfer of the held token to its pair. Used by the integration and e2e suites.
import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  encodePacked,
  erc20Abi,
  type Hex,
  maxUint256,
  parseAbi,
  parseAbiParameters,
  toHex,
} from 'viem';
import { uniswapV2RouterAbi } from '../../../devnet/abis.ts';
import { contractOf, devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';
import { universalRouterAbi } from './routers.ts';

export type GuardSymbol = 'TSLAx' | 'NVDAon' | 'KSTR';

export const swapRouterAbi = parseAbi([
  'function exactInputSingle((address tokenIn, address tokenOut, uint24 fee, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum, uint160 sqrtPriceLimitX96) params) payable returns (uint256 amountOut)',
]);

export const quoterV2Abi = parseAbi([
  'function quoteExactInputSingle((address tokenIn, address tokenOut, uint256 amountIn, uint24 fee, uint160 sqrtPriceLimitX96) params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);

export const opaqueRouterAbi = parseAbi([
  'function fillOrderRoute(bytes32 routeId, address tokenIn, address tokenOut, address pair, uint256 amountIn, uint256 minOut) returns (uint256 out)',
]);

const POOL_FEE = 3000;
const ADDRESS_THIS: Address = '0x0000000000000000000000000000000000000002';
const WRAP_ETH = '0b';
const V3_SWAP_EXACT_IN = '00';

/** A transaction as eth_sendTransaction takes it (value as hex). */
export type TxParams = { from: Address; to: Address; data: Hex; value?: Hex };

export function guardPaths(deployment: Deployment) {
  const { publicClient, write } = devnetClients(deployment);
  const usdc = contractOf(deployment, 'USDC');
  const weth = contractOf(deployment, 'WETH9');
  const v2Router = contractOf(deployment, 'UniswapV2Router02');
  const swapRouter = contractOf(deployment, 'SwapRouter');
  const universalRouter = contractOf(deployment, 'UniversalRouter');
  const opaqueRouter = contractOf(deployment, 'DevnetOpaqueRouter');
  const tokenOf = (symbol: GuardSymbol): Address =>
    (deployment.tokens.find((t) => t.symbol === symbol)?.address as Address | undefined) ?? contractOf(deployment, symbol);
  const pairOf = (symbol: GuardSymbol): Address =>
    (deployment.tokens.find((t) => t.symbol === symbol)?.pair as Address | undefined) ?? contractOf(deployment, `UniswapV2Pair:${symbol}`);
  const deadline = async () => (await publicClient.getBlock()).timestamp + 3_600n;
  const v2Quote = async (amountIn: bigint, path: Address[]) =>
    (await publicClient.readContract({ address: v2Router, abi: uniswapV2RouterAbi, functionName: 'getAmountsOut', args: [amountIn, path] })).at(-1)!;
  const v3Quote = async (token: Address, ethIn: bigint) => {
    const { result } = await publicClient.simulateContract({
      address: contractOf(deployment, 'QuoterV2'),
      abi: quoterV2Abi,
      functionName: 'quoteExactInputSingle',
      args: [{ tokenIn: weth, tokenOut: token, amountIn: ethIn, fee: POOL_FEE, sqrtPriceLimitX96: 0n }],
    });
    return result[0];
  };
  const balanceOf = (token: Address, account: Address) =>
    publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] });

  return {
    usdc,
    weth,
    swapRouter,
    universalRouter,
    opaqueRouter,
    tokenOf,
    pairOf,
    balanceOf,
    nonceOf: (account: Address) => publicClient.getTransactionCount({ address: account }),
    waitForReceipt: (hash: Hex) => publicClient.waitForTransactionReceipt({ hash }),

    /** Lets the V2 router and the opaque router spend `role`'s USDC (from anvil's unlocked account, not through the wallet). */
    async allowUsdc(role: string) {
      for (const spender of [v2Router, opaqueRouter]) {
        await write(role, { address: usdc, abi: erc20Abi, functionName: 'approve', args: [spender, maxUint256] });
      }
    },

    /** Uniswap V2: `usdcIn` USDC for the token, 2% under the pair's quote. */
    async v2Buy(from: Address, symbol: GuardSymbol, usdcIn: bigint) {
      const path = [usdc, tokenOf(symbol)];
      const minOut = ((await v2Quote(usdcIn, path)) * 98n) / 100n;
      const data = encodeFunctionData({
        abi: uniswapV2RouterAbi,
        functionName: 'swapExactTokensForTokens',
        args: [usdcIn, minOut, path, from, await deadline()],
      });
      return { tx: { from, to: v2Router, data } as TxParams, minOut };
    },

    /** V3 SwapRouter.exactInputSingle from WETH, paid with `ethIn` wei that the router wraps, 2% under QuoterV2's quote. */
    async v3Buy(from: Address, symbol: GuardSymbol, ethIn: bigint) {
      const token = tokenOf(symbol);
      const minOut = ((await v3Quote(token, ethIn)) * 98n) / 100n;
      const data = encodeFunctionData({
        abi: swapRouterAbi,
        functionName: 'exactInputSingle',
        args: [
          {
            tokenIn: weth,
            tokenOut: token,
            fee: POOL_FEE,
            recipient: from,
            deadline: await deadline(),
            amountIn: ethIn,
            amountOutMinimum: minOut,
            sqrtPriceLimitX96: 0n,
          },
        ],
      });
      return { tx: { from, to: swapRouter, data, value: toHex(ethIn) } as TxParams, minOut };
    },

    /** The Universal Router: WRAP_ETH, then V3_SWAP_EXACT_IN over the token's WETH pool, paid by the router. */
    async universalV3Buy(from: Address, symbol: GuardSymbol, ethIn: bigint) {
      const token = tokenOf(symbol);
      const minOut = ((await v3Quote(token, ethIn)) * 98n) / 100n;
      const path = encodePacked(['address', 'uint24', 'address'], [weth, POOL_FEE, token]);
      const inputs = [
        encodeAbiParameters(parseAbiParameters('address, uint256'), [ADDRESS_THIS, ethIn]),
        encodeAbiParameters(parseAbiParameters('address, uint256, uint256, bytes, bool'), [from, ethIn, minOut, path, false]),
      ];
      const data = encodeFunctionData({
        abi: universalRouterAbi,
        functionName: 'execute',
        args: [`0x${WRAP_ETH}${V3_SWAP_EXACT_IN}`, inputs, await deadline()],
      });
      return { tx: { from, to: universalRouter, data, value: toHex(ethIn) } as TxParams, minOut };
    },

    /** The opaque router: `usdcIn` USDC taken by allowance, the token bought on its V2 pair and delivered to the caller. */
    async opaqueBuy(from: Address, symbol: GuardSymbol, usdcIn: bigint) {
      const token = tokenOf(symbol);
      const minOut = ((await v2Quote(usdcIn, [usdc, token])) * 98n) / 100n;
      const data = encodeFunctionData({
        abi: opaqueRouterAbi,
        functionName: 'fillOrderRoute',
        args: [toHex('sharekeep-devnet', { size: 32 }), usdc, token, pairOf(symbol), usdcIn, minOut],
      });
      return { tx: { from, to: opaqueRouter, data } as TxParams, minOut };
    },

    /** A plain ERC-20 transfer of `amount` of the held token to its V2 pair: how a sale through the pool starts. */
    sendToPair(from: Address, symbol: GuardSymbol, amount: bigint) {
      const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [pairOf(symbol), amount] });
      return { tx: { from, to: tokenOf(symbol), data } as TxParams };
    },
  };
}
