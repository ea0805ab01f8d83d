import { type AbiParameter, type Address, decodeAbiParameters, encodeAbiParameters, type Hex, parseAbiParameters } from 'viem';
import { isUnlimited } from '../format';
import type { TokenApproval } from '../types';
import type { DecodeEnv, FunctionDecoder, IntentDraft } from './decoder';
import { createSwapFlow, type SwapFlow } from './swap-flow';
import { decodeV3Path, trailingPathMessage } from './v3-path';
import { addressWords } from './words';
import { decodeV4Swap } from './v4-swap';

/**
 * Uniswap Universal Router: `execute(commands, inputs[, deadline])` runs one command
 * per byte of `commands` with the matching ABI-encoded input. Bit 0x80 lets a command
 * fail without reverting the rest; the low six bits name the command.
 */
const COMMAND_MASK = 0x3f;
const ALLOW_REVERT = 0x80;

interface CommandSpec {
  name: string;
  params?: readonly AbiParameter[];
  apply?(args: readonly unknown[], flow: SwapFlow, env: DecodeEnv, approvals: TokenApproval[]): void;
}

const p = (s: string) => parseAbiParameters(s) as readonly AbiParameter[];

function pathTokens(path: Hex, flow: SwapFlow, exactOut: boolean): [Address, Address] | undefined {
  const decoded = decodeV3Path(path);
  if (!decoded) {
    flow.warn({ code: 'invalid-path', message: 'A swap step has an invalid Uniswap V3 path; the router will reject it.' });
    return undefined;
  }
  const tail = trailingPathMessage(decoded);
  if (tail) flow.warn({ code: 'trailing-calldata', message: tail });
  const { tokens } = decoded;
  flow.trade(tokens.slice(1, -1));
  const [first, last] = [tokens[0], tokens[tokens.length - 1]];
  return exactOut ? [last, first] : [first, last];
}

function swapStep(flow: SwapFlow, ends: [Address, Address] | undefined, args: readonly unknown[], exactOut: boolean) {
  if (!ends) return;
  const [recipient, exact, bound, , payerIsUser] = args as [Address, bigint, bigint, unknown, boolean];
  const [tokenIn, tokenOut] = ends;
  // A step paid by the router spends what earlier steps left there, not the user's tokens.
  if (payerIsUser) flow.pay(tokenIn, exactOut ? bound : exact, exactOut ? 'max' : undefined);
  flow.receive(tokenOut, exactOut ? exact : bound, recipient, exactOut ? undefined : 'min');
}

function v2Ends(path: readonly Address[], flow: SwapFlow): [Address, Address] | undefined {
  if (path.length >= 2) {
    flow.trade(path.slice(1, -1));
    return [path[0], path[path.length - 1]];
  }
  flow.warn({ code: 'invalid-path', message: 'A swap step names fewer than two tokens; the router will reject it.' });
  return undefined;
}

/** Keyed by the command's two hex digits with the allow-revert bit cleared. */
const COMMANDS: Record<string, CommandSpec> = {
  '00': {
    name: 'V3_SWAP_EXACT_IN',
    params: p('address recipient, uint256 amountIn, uint256 amountOutMin, bytes path, bool payerIsUser'),
    apply: (a, flow) => swapStep(flow, pathTokens(a[3] as Hex, flow, false), a, false),
  },
  '01': {
    name: 'V3_SWAP_EXACT_OUT',
    params: p('address recipient, uint256 amountOut, uint256 amountInMax, bytes path, bool payerIsUser'),
    apply: (a, flow) => swapStep(flow, pathTokens(a[3] as Hex, flow, true), a, true),
  },
  '02': {
    name: 'PERMIT2_TRANSFER_FROM',
    params: p('address token, address recipient, uint160 amount'),
    apply: ([token, recipient, amount], flow) => flow.transfer(token as Address, amount as bigint, recipient as Address),
  },
  '03': { name: 'PERMIT2_PERMIT_BATCH' },
  '04': {
    name: 'SWEEP',
    params: p('address token, address recipient, uint256 amountMin'),
    apply: ([token, recipient, min], flow) => flow.receive(token as Address, min as bigint, recipient as Address, 'min'),
  },
  '05': {
    name: 'TRANSFER',
    params: p('address token, address recipient, uint256 value'),
    apply: ([token, recipient, value], flow) => flow.receive(token as Address, value as bigint, recipient as Address),
  },
  '06': {
    name: 'PAY_PORTION',
    params: p('address token, address recipient, uint256 bips'),
    apply: ([token, recipient, bips], flow) => flow.receivePortion(token as Address, bips as bigint, recipient as Address),
  },
  '08': {
    name: 'V2_SWAP_EXACT_IN',
    params: p('address recipient, uint256 amountIn, uint256 amountOutMin, address[] path, bool payerIsUser'),
    apply: (a, flow) => swapStep(flow, v2Ends(a[3] as Address[], flow), a, false),
  },
  '09': {
    name: 'V2_SWAP_EXACT_OUT',
    params: p('address recipient, uint256 amountOut, uint256 amountInMax, address[] path, bool payerIsUser'),
    apply: (a, flow) => swapStep(flow, v2Ends(a[3] as Address[], flow), a, true),
  },
  '0a': {
    name: 'PERMIT2_PERMIT',
    params: p(
      '((address token, uint160 amount, uint48 expiration, uint48 nonce) details, address spender, uint256 sigDeadline) permitSingle, bytes signature',
    ),
    apply([permit], _flow, _env, approvals) {
      const { details, spender } = permit as { details: { token: Address; amount: bigint }; spender: Address };
      approvals.push({ token: details.token, spender, amount: details.amount, unlimited: isUnlimited(details.amount) });
    },
  },
  '0b': {
    name: 'WRAP_ETH',
    params: p('address recipient, uint256 amountMin'),
    // Wrapping spends the native currency sent with the call, counted once from tx.value.
    apply: () => {},
  },
  '0c': {
    name: 'UNWRAP_WETH',
    params: p('address recipient, uint256 amountMin'),
    apply: ([recipient, min], flow) => flow.receive('native', min as bigint, recipient as Address, 'min'),
  },
  '0d': { name: 'PERMIT2_TRANSFER_FROM_BATCH' },
  '0e': { name: 'BALANCE_CHECK_ERC20', params: p('address owner, address token, uint256 minBalance'), apply: () => {} },
  '10': {
    name: 'V4_SWAP',
    params: p('bytes actions, bytes[] params'),
    apply: ([actions, params], flow) => decodeV4Swap(actions as Hex, params as Hex[], flow),
  },
};

const key = (byte: number) => (byte & COMMAND_MASK).toString(16).padStart(2, '0');

function decodeInput(spec: CommandSpec, input: Hex): readonly unknown[] | 'malformed' | 'non-canonical' {
  const params = spec.params ?? [];
  try {
    const args = decodeAbiParameters(params, input);
    const canonical = encodeAbiParameters(params, args as unknown[]);
    return input.toLowerCase().startsWith(canonical.toLowerCase()) ? args : 'non-canonical';
  } catch {
    return 'malformed';
  }
}

function execute(env: DecodeEnv, commands: Hex, inputs: readonly Hex[]): IntentDraft {
  const flow = createSwapFlow(env);
  const approvals: TokenApproval[] = [];
  const bytes = commands.slice(2).match(/../g) ?? [];
  if (bytes.length !== inputs.length) {
    flow.warn({
      code: 'malformed-calldata',
      message: `The router gets ${bytes.length} commands but ${inputs.length} inputs; it will reject the call.`,
    });
  }
  if ((env.tx.value ?? 0n) > 0n) flow.pay('native', env.tx.value ?? 0n);
  bytes.forEach((byteHex, i) => {
    const byte = Number.parseInt(byteHex, 16);
    const spec = Object.hasOwn(COMMANDS, key(byte)) ? COMMANDS[key(byte)] : undefined;
    const optional = byte & ALLOW_REVERT ? ' (allowed to fail)' : '';
    if (!spec) {
      if (inputs[i] !== undefined) flow.mention(addressWords(inputs[i]));
      flow.warn({
        code: 'unknown-router-command',
        message: `Command 0x${byteHex}${optional} is unknown to Sharekeep; what it does cannot be shown.`,
      });
      return;
    }
    if (!spec.apply || inputs[i] === undefined) {
      if (inputs[i] !== undefined) flow.mention(addressWords(inputs[i]));
      flow.warn({
        code: 'undecoded-router-command',
        message: `Step ${spec.name}${optional} is not decoded; its effect is shown only by the simulation.`,
      });
      return;
    }
    const args = decodeInput(spec, inputs[i]);
    if (args === 'malformed' || args === 'non-canonical') {
      flow.mention(addressWords(inputs[i]));
      flow.warn({
        code: 'malformed-calldata',
        message: `The input of step ${spec.name} is ${args === 'malformed' ? 'truncated or malformed' : 'not encoded the standard way'}.`,
      });
      return;
    }
    spec.apply(args, flow, env, approvals);
  });
  const draft = flow.finish('Run Universal Router commands that move none of your tokens.');
  const unlimited = approvals.filter((a) => a.unlimited);
  return {
    ...draft,
    approvals,
    warnings: [
      ...(draft.warnings ?? []),
      ...unlimited.map((a) => ({
        code: 'unlimited-approval' as const,
        message: `${env.d.address(a.spender)} gets an unlimited Permit2 allowance for ${env.d.token(a.token)}.`,
      })),
    ],
  };
}

export const universalRouterDecoders: FunctionDecoder[] = [
  {
    signature: 'function execute(bytes commands, bytes[] inputs, uint256 deadline)',
    payable: true,
    describe: ([commands, inputs], env) => execute(env, commands as Hex, inputs as Hex[]),
  },
  {
    signature: 'function execute(bytes commands, bytes[] inputs)',
    payable: true,
    describe: ([commands, inputs], env) => execute(env, commands as Hex, inputs as Hex[]),
  },
];
