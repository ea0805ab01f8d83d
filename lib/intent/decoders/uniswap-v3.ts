import type { Address, Hex } from 'viem';
import type { DecodeEnv, FunctionDecoder, IntentDraft } from './decoder';
import { createSwapFlow, ZERO_ADDRESS } from './swap-flow';
import { decodeV3Path, trailingPathMessage, v3PathFee } from './v3-path';
import { paidAs } from './wrapped-native';

/**
 * Uniswap V3 SwapRouter and SwapRouter02. Both treat recipient 0 (V1) or 2 (V2)
 * as "keep it in the router" for a later unwrapWETH9 or sweepToken step.
 */
const routerAliases = [ZERO_ADDRESS];

interface Leg {
  tokenIn: Address;
  tokenOut: Address;
  recipient: Address;
  exact: bigint;
  bound: bigint;
  side: 'exact-in' | 'exact-out';
  /** The pool that pays out tokenOut, when the call names its fee tier. */
  pool?: { tokens: [Address, Address]; fee: number };
}

function describeLeg(env: DecodeEnv, leg: Leg): IntentDraft {
  const flow = createSwapFlow(env, { routerAliases });
  if (leg.side === 'exact-in') {
    flow.pay(paidAs(env, leg.tokenIn), leg.exact);
    flow.receive(leg.tokenOut, leg.bound, leg.recipient, 'min');
  } else {
    flow.pay(paidAs(env, leg.tokenIn), leg.bound, 'max');
    flow.receive(leg.tokenOut, leg.exact, leg.recipient);
  }
  const draft = flow.finish('Swap through Uniswap V3; the proceeds stay in the router for a later step.');
  // The last pool pays the bought token straight to the user: the transfer's sender is known.
  if (!leg.pool || !(draft.assetsIn ?? []).some((m) => m.token === leg.tokenOut)) return draft;
  const amount = leg.side === 'exact-in' ? leg.bound : leg.exact;
  return { ...draft, sources: [{ token: leg.tokenOut, amount, pool: { protocol: 'uniswap-v3', ...leg.pool } }] };
}

function invalidPath(env: DecodeEnv): IntentDraft {
  const flow = createSwapFlow(env, { routerAliases });
  flow.warn({ code: 'invalid-path', message: 'The swap path is not a valid Uniswap V3 path; the router will reject it.' });
  return flow.finish('Swap through Uniswap V3 with an invalid path.');
}

interface SingleParams {
  tokenIn: Address;
  tokenOut: Address;
  fee?: number;
  recipient: Address;
  amountIn?: bigint;
  amountOutMinimum?: bigint;
  amountOut?: bigint;
  amountInMaximum?: bigint;
}
interface PathParams {
  path: Hex;
  recipient: Address;
  amountIn?: bigint;
  amountOutMinimum?: bigint;
  amountOut?: bigint;
  amountInMaximum?: bigint;
}

const single = (p: SingleParams, side: Leg['side']): Leg => ({
  side,
  tokenIn: p.tokenIn,
  tokenOut: p.tokenOut,
  recipient: p.recipient,
  ...(side === 'exact-in'
    ? { exact: p.amountIn ?? 0n, bound: p.amountOutMinimum ?? 0n }
    : { exact: p.amountOut ?? 0n, bound: p.amountInMaximum ?? 0n }),
  ...(p.fee !== undefined ? { pool: { tokens: [p.tokenIn, p.tokenOut] as [Address, Address], fee: Number(p.fee) } } : {}),
});

function viaPath(env: DecodeEnv, p: PathParams, side: Leg['side']): IntentDraft {
  const path = decodeV3Path(p.path);
  if (!path) return invalidPath(env);
  // Exact-output paths are encoded backwards: output token first.
  const { tokens } = path;
  const [first, last] = [tokens[0], tokens[tokens.length - 1]];
  const [tokenIn, tokenOut] = side === 'exact-in' ? [first, last] : [last, first];
  // The pool paying out is the path's last (exact in) or, encoded backwards, its first (exact out).
  const payingHop = side === 'exact-in' ? tokens.length - 2 : 0;
  const leg = {
    ...single({ ...p, tokenIn, tokenOut }, side),
    pool: { tokens: [tokens[payingHop], tokens[payingHop + 1]] as [Address, Address], fee: v3PathFee(p.path, payingHop) },
  };
  const draft = describeLeg(env, leg);
  const tail = trailingPathMessage(path);
  // Intermediate tokens are traded too (bought and sold within the call).
  return {
    ...draft,
    traded: tokens.slice(1, -1),
    warnings: [...(draft.warnings ?? []), ...(tail ? [{ code: 'trailing-calldata' as const, message: tail }] : [])],
  };
}

const singleIn = '(address tokenIn, address tokenOut, uint24 fee, address recipient,';
const sqrt = 'uint160 sqrtPriceLimitX96)';

/** unwrapWETH9 / sweepToken: pay out what the router holds, at least `min`. */
function payout(env: DecodeEnv, token: Address | 'native', min: bigint, recipient: Address): IntentDraft {
  const flow = createSwapFlow(env, { routerAliases });
  flow.receive(token, min, recipient, 'min');
  return flow.finish(`Pay out the router’s ${env.d.token(token)} balance.`);
}

function multicall(env: DecodeEnv, calls: readonly Hex[]): IntentDraft {
  const flow = createSwapFlow(env, { routerAliases });
  for (const data of calls) flow.absorb(env.decodeNested(data));
  return flow.finish('Run several Uniswap V3 router steps.');
}

export const uniswapV3Decoders: FunctionDecoder[] = [
  // SwapRouter (with deadline inside the params)
  {
    signature: `function exactInputSingle(${singleIn} uint256 deadline, uint256 amountIn, uint256 amountOutMinimum, ${sqrt} params)`,
    payable: true,
    describe: ([p], env) => describeLeg(env, single(p as SingleParams, 'exact-in')),
  },
  {
    signature: 'function exactInput((bytes path, address recipient, uint256 deadline, uint256 amountIn, uint256 amountOutMinimum) params)',
    payable: true,
    describe: ([p], env) => viaPath(env, p as PathParams, 'exact-in'),
  },
  {
    signature: `function exactOutputSingle(${singleIn} uint256 deadline, uint256 amountOut, uint256 amountInMaximum, ${sqrt} params)`,
    payable: true,
    describe: ([p], env) => describeLeg(env, single(p as SingleParams, 'exact-out')),
  },
  {
    signature: 'function exactOutput((bytes path, address recipient, uint256 deadline, uint256 amountOut, uint256 amountInMaximum) params)',
    payable: true,
    describe: ([p], env) => viaPath(env, p as PathParams, 'exact-out'),
  },
  // SwapRouter02 (deadline moved to multicall)
  {
    signature: `function exactInputSingle(${singleIn} uint256 amountIn, uint256 amountOutMinimum, ${sqrt} params)`,
    payable: true,
    describe: ([p], env) => describeLeg(env, single(p as SingleParams, 'exact-in')),
  },
  {
    signature: 'function exactInput((bytes path, address recipient, uint256 amountIn, uint256 amountOutMinimum) params)',
    payable: true,
    describe: ([p], env) => viaPath(env, p as PathParams, 'exact-in'),
  },
  {
    signature: `function exactOutputSingle(${singleIn} uint256 amountOut, uint256 amountInMaximum, ${sqrt} params)`,
    payable: true,
    describe: ([p], env) => describeLeg(env, single(p as SingleParams, 'exact-out')),
  },
  {
    signature: 'function exactOutput((bytes path, address recipient, uint256 amountOut, uint256 amountInMaximum) params)',
    payable: true,
    describe: ([p], env) => viaPath(env, p as PathParams, 'exact-out'),
  },
  // Batching and the steps that pay out what the router holds
  { signature: 'function multicall(bytes[] data)', payable: true, describe: ([calls], env) => multicall(env, calls as Hex[]) },
  { signature: 'function multicall(uint256 deadline, bytes[] data)', payable: true, describe: ([, calls], env) => multicall(env, calls as Hex[]) },
  {
    signature: 'function multicall(bytes32 previousBlockhash, bytes[] data)',
    payable: true,
    describe: ([, calls], env) => multicall(env, calls as Hex[]),
  },
  {
    signature: 'function unwrapWETH9(uint256 amountMinimum, address recipient)',
    payable: true,
    describe: ([min, recipient], env) => payout(env, 'native', min as bigint, recipient as Address),
  },
  {
    signature: 'function unwrapWETH9(uint256 amountMinimum)',
    payable: true,
    describe: ([min], env) => payout(env, 'native', min as bigint, env.tx.from),
  },
  {
    signature: 'function sweepToken(address token, uint256 amountMinimum, address recipient)',
    payable: true,
    describe: ([token, min, recipient], env) => payout(env, token as Address, min as bigint, recipient as Address),
  },
  {
    signature: 'function sweepToken(address token, uint256 amountMinimum)',
    payable: true,
    describe: ([token, min], env) => payout(env, token as Address, min as bigint, env.tx.from),
  },
  {
    signature: 'function refundETH()',
    payable: true,
    describe: (_args, env) => createSwapFlow(env).finish('Return any native currency the router still holds.'),
  },
];
