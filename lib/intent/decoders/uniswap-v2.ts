import type { Address } from 'viem';
import type { DecodeEnv, FunctionDecoder, IntentDraft } from './decoder';
import { createSwapFlow } from './swap-flow';

/**
 * Uniswap V2 Router02 and its forks: `path[0]` is paid, `path[last]` is received by `to`.
 * In the ETH variants the wrapped-native end of the path is native currency. Router02 has no
 * placeholder recipients: `to = 0x…01` pays address 1, so only the signer receives "you".
 */
type Side = 'exact-in' | 'exact-out';
interface Shape {
  side: Side;
  payNative?: boolean;
  receiveNative?: boolean;
}

function swap(env: DecodeEnv, shape: Shape, fixed: bigint, bound: bigint | undefined, path: readonly Address[], to: Address): IntentDraft {
  const flow = createSwapFlow(env, { literalRecipients: true });
  if (path.length < 2) {
    flow.warn({ code: 'invalid-path', message: 'The swap path names fewer than two tokens; the router will reject it.' });
    return flow.finish('Swap through Uniswap V2 with an invalid path.');
  }
  // Intermediate tokens are bought and sold within the call, as in a V3 path.
  flow.trade(path.slice(1, -1));
  const tokenIn = shape.payNative ? 'native' : path[0];
  const tokenOut = shape.receiveNative ? 'native' : path[path.length - 1];
  const received = shape.side === 'exact-in' ? (bound ?? 0n) : fixed;
  if (shape.side === 'exact-in') {
    flow.pay(tokenIn, fixed);
    flow.receive(tokenOut, received, to, 'min');
  } else {
    flow.pay(tokenIn, bound ?? 0n, 'max');
    flow.receive(tokenOut, received, to);
  }
  const draft = flow.finish('Swap through Uniswap V2.');
  // The last pair pays the bought token straight to the user: the transfer's sender is known.
  const last = path[path.length - 1];
  if (tokenOut === 'native' || !(draft.assetsIn ?? []).some((m) => m.token === last)) return draft;
  return { ...draft, sources: [{ token: last, amount: received, pool: { protocol: 'uniswap-v2', tokens: [path[path.length - 2], last] } }] };
}

const tail = 'address[] path, address to, uint256 deadline)';

function exactIn(name: string, shape: Omit<Shape, 'side'>): FunctionDecoder {
  if (shape.payNative) {
    return {
      signature: `function ${name}(uint256 amountOutMin, ${tail}`,
      payable: true,
      describe: ([min, path, to], env) =>
        swap(env, { side: 'exact-in', ...shape }, env.tx.value ?? 0n, min as bigint, path as Address[], to as Address),
    };
  }
  return {
    signature: `function ${name}(uint256 amountIn, uint256 amountOutMin, ${tail}`,
    describe: ([amountIn, min, path, to], env) =>
      swap(env, { side: 'exact-in', ...shape }, amountIn as bigint, min as bigint, path as Address[], to as Address),
  };
}

export const uniswapV2Decoders: FunctionDecoder[] = [
  exactIn('swapExactTokensForTokens', {}),
  exactIn('swapExactETHForTokens', { payNative: true }),
  exactIn('swapExactTokensForETH', { receiveNative: true }),
  exactIn('swapExactTokensForTokensSupportingFeeOnTransferTokens', {}),
  exactIn('swapExactETHForTokensSupportingFeeOnTransferTokens', { payNative: true }),
  exactIn('swapExactTokensForETHSupportingFeeOnTransferTokens', { receiveNative: true }),
  {
    signature: `function swapTokensForExactTokens(uint256 amountOut, uint256 amountInMax, ${tail}`,
    describe: ([out, max, path, to], env) => swap(env, { side: 'exact-out' }, out as bigint, max as bigint, path as Address[], to as Address),
  },
  {
    signature: `function swapTokensForExactETH(uint256 amountOut, uint256 amountInMax, ${tail}`,
    describe: ([out, max, path, to], env) =>
      swap(env, { side: 'exact-out', receiveNative: true }, out as bigint, max as bigint, path as Address[], to as Address),
  },
  {
    signature: `function swapETHForExactTokens(uint256 amountOut, ${tail}`,
    payable: true,
    describe: ([out, path, to], env) =>
      swap(env, { side: 'exact-out', payNative: true }, out as bigint, env.tx.value ?? 0n, path as Address[], to as Address),
  },
];
