// What a dApp sends to buy a tokenized stock through the devnet's executing routers: the Universal
// Router (a buy with ETH: WRAP_ETH, then V2_SWAP_EXACT_IN paid by the router) and a CoW Protocol
// order for the devnet's GPv2Settlement, plus the solver's side that settles such an order.
import { type Address, encodeAbiParameters, encodeFunctionData, erc20Abi, type Hex, parseAbi, parseAbiParameters, zeroAddress, zeroHash } from 'viem';
import { uniswapV2RouterAbi } from '../../../devnet/abis.ts';
import { contractOf, devnetClients } from '../../../devnet/test-kit.ts';
import type { Deployment } from '../../../devnet/types.ts';

export const universalRouterAbi = parseAbi(['function execute(bytes commands, bytes[] inputs, uint256 deadline) payable']);

export const gpv2SettlementAbi = parseAbi([
  'function vaultRelayer() view returns (address)',
  'function domainSeparator() view returns (bytes32)',
  'function filledAmount(bytes orderUid) view returns (uint256)',
  'function settle(address[] tokens, uint256[] clearingPrices, (uint256 sellTokenIndex, uint256 buyTokenIndex, address receiver, uint256 sellAmount, uint256 buyAmount, uint32 validTo, bytes32 appData, uint256 feeAmount, uint256 flags, uint256 executedAmount, bytes signature)[] trades, (address target, uint256 value, bytes callData)[][3] interactions)',
  'event Trade(address indexed owner, address sellToken, address buyToken, uint256 sellAmount, uint256 buyAmount, uint256 feeAmount, bytes orderUid)',
]);

/** The router's placeholder for "keep it in the router" (ActionConstants.ADDRESS_THIS). */
const ADDRESS_THIS: Address = '0x0000000000000000000000000000000000000002';
const WRAP_ETH = '0b';
const V2_SWAP_EXACT_IN = '08';

/** The registry stocks the guard must hold for on these routers, and the source of the rule that covers each. */
export const guardedStocks = [
  { symbol: 'TSLAx', style: 'xStocks-style', source: 'devnet:terms/xstocks-style' },
  { symbol: 'NVDAon', style: 'Ondo-style', source: 'devnet:terms/ondo-style' },
];

export type RouterBuy = { ethIn: bigint; minOut: bigint; path?: Address[] };

/** The CoW order a dApp asks the wallet to sign: sell `sellAmount` of `sellToken` for at least `buyAmount` of `buyToken`. */
export type CowOrder = {
  sellToken: Address;
  buyToken: Address;
  receiver: Address;
  sellAmount: bigint;
  buyAmount: bigint;
  validTo: number;
  appData: Hex;
  feeAmount: bigint;
  kind: 'sell' | 'buy';
  partiallyFillable: boolean;
  sellTokenBalance: 'erc20';
  buyTokenBalance: 'erc20';
};

const eip712DomainFields = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
] as const;

const cowOrderFields = [
  { name: 'sellToken', type: 'address' },
  { name: 'buyToken', type: 'address' },
  { name: 'receiver', type: 'address' },
  { name: 'sellAmount', type: 'uint256' },
  { name: 'buyAmount', type: 'uint256' },
  { name: 'validTo', type: 'uint32' },
  { name: 'appData', type: 'bytes32' },
  { name: 'feeAmount', type: 'uint256' },
  { name: 'kind', type: 'string' },
  { name: 'partiallyFillable', type: 'bool' },
  { name: 'sellTokenBalance', type: 'string' },
  { name: 'buyTokenBalance', type: 'string' },
] as const;

export function routerMarket(deployment: Deployment) {
  const { publicClient, write } = devnetClients(deployment);
  const universalRouter = contractOf(deployment, 'UniversalRouter');
  const weth = contractOf(deployment, 'WETH9');
  const settlement = contractOf(deployment, 'GPv2Settlement');
  const v2Router = contractOf(deployment, 'UniswapV2Router02');
  const deadline = async (seconds: bigint) => (await publicClient.getBlock()).timestamp + seconds;
  const quote = async (amountIn: bigint, path: Address[]) =>
    (await publicClient.readContract({ address: v2Router, abi: uniswapV2RouterAbi, functionName: 'getAmountsOut', args: [amountIn, path] })).at(-1)!;

  return {
    universalRouter,
    weth,
    settlement,
    balanceOf: (token: Address, account: Address) =>
      publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account] }),

    /** A buy of `token` with `ethIn` wei through the Universal Router, with 2% slippage off the WETH pool's quote. */
    async quoteBuyWithEth(token: Address, ethIn: bigint): Promise<RouterBuy> {
      return { ethIn, minOut: ((await quote(ethIn, [weth, token])) * 98n) / 100n };
    },

    /** A buy of the last token of `path` (WETH first) with `ethIn` wei, hop by hop through the V2 pools, 2% under the quote. */
    async quoteRouteWithEth(path: Address[], ethIn: bigint): Promise<RouterBuy> {
      return { ethIn, minOut: ((await quote(ethIn, path)) * 98n) / 100n, path };
    },

    /** eth_sendTransaction params of that buy: the router wraps the ETH sent, swaps it on V2 and pays `recipient`. */
    async buyWithEth(from: Address, token: Address, buy: RouterBuy, recipient: Address = from) {
      const inputs = [
        encodeAbiParameters(parseAbiParameters('address, uint256'), [ADDRESS_THIS, buy.ethIn]),
        encodeAbiParameters(parseAbiParameters('address, uint256, uint256, address[], bool'), [
          recipient,
          buy.ethIn,
          buy.minOut,
          buy.path ?? [weth, token],
          false,
        ]),
      ];
      const data = encodeFunctionData({
        abi: universalRouterAbi,
        functionName: 'execute',
        args: [`0x${WRAP_ETH}${V2_SWAP_EXACT_IN}`, inputs, await deadline(3_600n)],
      });
      return { from, to: universalRouter, data, value: buy.ethIn };
    },

    /** A sell order of `sellAmount` USDC-like `sellToken` for `buyToken`, asking 1% under the V2 pool's quote. */
    async cowSellOrder(sellToken: Address, buyToken: Address, sellAmount: bigint): Promise<CowOrder> {
      const quoted = await quote(sellAmount, [sellToken, buyToken]);
      return {
        sellToken,
        buyToken,
        receiver: zeroAddress,
        sellAmount,
        buyAmount: (quoted * 99n) / 100n,
        validTo: Number(await deadline(3_600n)),
        appData: zeroHash,
        feeAmount: 0n,
        kind: 'sell',
        partiallyFillable: false,
        sellTokenBalance: 'erc20',
        buyTokenBalance: 'erc20',
      };
    },

    /** The order as eth_signTypedData_v4 JSON (numbers as decimal strings), for the devnet settlement. */
    cowTypedData(order: CowOrder) {
      return {
        types: {
          EIP712Domain: eip712DomainFields,
          Order: cowOrderFields,
        },
        primaryType: 'Order',
        domain: { name: 'Gnosis Protocol', version: 'v2', chainId: deployment.chainId, verifyingContract: settlement },
        message: { ...order, sellAmount: `${order.sellAmount}`, buyAmount: `${order.buyAmount}`, feeAmount: `${order.feeAmount}` },
      };
    },

    /** Lets the settlement's vault relayer pull `role`'s `token` (from anvil's unlocked account, not through the wallet). */
    async allowVaultRelayer(role: string, token: Address) {
      const relayer = contractOf(deployment, 'GPv2VaultRelayer');
      await write(role, { address: token, abi: erc20Abi, functionName: 'approve', args: [relayer, 2n ** 255n] });
    },

    /**
     * The solver settles a signed sell order alone: the relayer pulls the sell token from its owner,
     * the settlement swaps it on the V2 pool, then pays the owner the buy token at a clearing price
     * half a percent under the quote (above the order's limit: the surplus goes to the owner).
     */
    async settle(order: CowOrder, signature: Hex) {
      const path = [order.sellToken, order.buyToken];
      const quoted = await quote(order.sellAmount, path);
      const paid = (quoted * 995n) / 1000n;
      const call = (target: Address, callData: Hex) => ({ target, value: 0n, callData });
      const intra = [
        call(order.sellToken, encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [v2Router, order.sellAmount] })),
        call(
          v2Router,
          encodeFunctionData({
            abi: uniswapV2RouterAbi,
            functionName: 'swapExactTokensForTokens',
            args: [order.sellAmount, quoted, path, settlement, await deadline(600n)],
          }),
        ),
      ];
      const trade = {
        sellTokenIndex: 0n,
        buyTokenIndex: 1n,
        receiver: order.receiver,
        sellAmount: order.sellAmount,
        buyAmount: order.buyAmount,
        validTo: order.validTo,
        appData: order.appData,
        feeAmount: order.feeAmount,
        flags: 0n, // sell order, fill-or-kill, ERC-20 balances, EIP-712 signature
        executedAmount: 0n,
        signature,
      };
      // Out = sellAmount * price(sell) / price(buy) = paid.
      return write('solver', {
        address: settlement,
        abi: gpv2SettlementAbi,
        functionName: 'settle',
        args: [path, [paid, order.sellAmount], [trade], [[], intra, []]],
      });
    },
  };
}
