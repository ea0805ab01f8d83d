import { type AbiFunction, type Address, getAddress, type Hex, isAddress, parseAbiItem, toFunctionSelector } from 'viem';
import { decodeStrict, isWellFormedHex } from './calldata';
import type { DecodeEnv, FunctionDecoder, IntentDraft } from './decoders/decoder';
import { erc20Decoders } from './decoders/erc20';
import { issuerDecoders } from './decoders/issuers';
import { permit2Decoders } from './decoders/permit2';
import { universalRouterDecoders } from './decoders/universal-router';
import { uniswapV2Decoders } from './decoders/uniswap-v2';
import { uniswapV3Decoders } from './decoders/uniswap-v3';
import { addressWords } from './decoders/words';
import { createDescriber } from './format';
import { finishIntent } from './finish-intent';
import type { DecodeContext, TransactionIntent, TransactionRequestLike } from './types';

export type DecodeTransactionParameters = Pick<TransactionRequestLike, 'from' | 'to' | 'data' | 'value' | 'chainId'>;

const MAX_NESTING = 4;

interface Known {
  item: AbiFunction;
  decoder: FunctionDecoder;
}

// Built on the first decode, not at import: parsing and hashing every signature costs the
// service worker's start-up a few milliseconds it does not need until a dApp sends a call.
let table: { known: Map<Hex, Known>; bySelector: Map<Hex, AbiFunction> } | undefined;
function decoderTable() {
  if (table) return table;
  const known = new Map<Hex, Known>();
  for (const decoder of [
    ...erc20Decoders,
    ...permit2Decoders,
    ...uniswapV2Decoders,
    ...uniswapV3Decoders,
    ...universalRouterDecoders,
    ...issuerDecoders,
  ]) {
    const item = parseAbiItem(decoder.signature) as AbiFunction;
    known.set(toFunctionSelector(item), { item, decoder });
  }
  table = { known, bySelector: new Map([...known].map(([selector, k]) => [selector, k.item])) };
  return table;
}

function unreadable(summary: string, message: string): IntentDraft {
  return { kind: 'unknown', summary, warnings: [{ code: 'malformed-calldata', message }] };
}

function decodeCall(data: Hex, env: Omit<DecodeEnv, 'decodeNested'>, depth: number): IntentDraft & { payable?: boolean } {
  const target = env.d.address(env.tx.to as Address);
  if (data.length < 10) {
    return unreadable(
      `Call ${target} with ${(data.length - 2) / 2} bytes of data, too short to name a function.`,
      'The data is shorter than a function selector; it cannot be decoded.',
    );
  }
  const { known, bySelector } = decoderTable();
  const result = decodeStrict(bySelector, data);
  if (result.status === 'unknown-selector') {
    return {
      kind: 'contract-call',
      summary: `Call an unrecognised function (${data.slice(0, 10)}) on ${target}.`,
      mentioned: addressWords(data, 4),
      warnings: [
        {
          code: 'unknown-method',
          message: 'Sharekeep does not recognise this function, so it cannot say what it does; rely on the simulated balance changes.',
        },
      ],
    };
  }
  if (result.status === 'malformed') {
    return { ...unreadable(`Call ${result.functionName} on ${target} with malformed data.`, result.message), mentioned: addressWords(data, 4) };
  }
  const { decoder } = known.get(data.slice(0, 10).toLowerCase() as Hex)!;
  const decodeNested = (inner: Hex): IntentDraft =>
    depth >= MAX_NESTING || !isWellFormedHex(inner)
      ? unreadable('Nested call that cannot be decoded.', 'A nested call is malformed or nested too deeply to decode.')
      : decodeCall(inner, env, depth + 1);
  try {
    const draft = decoder.describe(result.call.args, { ...env, decodeNested });
    return { ...draft, payable: decoder.payable, warnings: [...result.call.warnings, ...(draft.warnings ?? [])] };
  } catch {
    return {
      kind: 'contract-call',
      summary: `Call ${result.call.functionName} on ${target}.`,
      mentioned: addressWords(data, 4),
      warnings: [
        {
          code: 'unknown-method',
          message: `Sharekeep could not put this ${result.call.functionName} call in words; rely on the simulated balance changes.`,
        },
      ],
    };
  }
}

function describeRequest(tx: TransactionRequestLike, ctx: DecodeContext): IntentDraft {
  const d = createDescriber(ctx);
  const value = tx.value ?? 0n;
  const data = tx.data ?? '0x';
  if (!isWellFormedHex(data)) return unreadable('A transaction with malformed data.', 'The data is not valid hex; it cannot be decoded.');
  if (!tx.to) {
    return {
      kind: 'contract-deploy',
      summary: `Deploy a new contract${value > 0n ? `, sending it ${d.amount('native', value)}` : ''}.`,
      assetsOut: value > 0n ? [{ token: 'native', amount: value }] : [],
      warnings: [{ code: 'contract-deploy', message: 'This creates a contract whose code Sharekeep cannot review.' }],
    };
  }
  if (data === '0x') {
    return {
      kind: 'native-transfer',
      summary: `Send ${d.amount('native', value)} to ${d.address(tx.to)}.`,
      assetsOut: value > 0n ? [{ token: 'native', amount: value }] : [],
    };
  }
  const draft = decodeCall(data, { tx, ctx, d }, 0);
  const warnings = [...(draft.warnings ?? [])];
  const assetsOut = [...(draft.assetsOut ?? [])];
  const tokens = [...(draft.tokens ?? [])];
  if (draft.kind === 'contract-call' || draft.kind === 'unknown') tokens.push(tx.to);
  if (value > 0n && !assetsOut.some((m) => m.token === 'native')) {
    assetsOut.push({ token: 'native', amount: value });
    warnings.push(
      draft.payable === false || (draft.payable === undefined && draft.kind !== 'contract-call' && draft.kind !== 'unknown')
        ? { code: 'unexpected-value', message: `${d.amount('native', value)} is sent along with a call that does not take it; it may be lost.` }
        : { code: 'value-to-contract', message: `${d.amount('native', value)} goes to ${d.address(tx.to)} for a reason Sharekeep cannot decode.` },
    );
  }
  return { ...draft, assetsOut, tokens, warnings };
}

function normalize(tx: DecodeTransactionParameters): TransactionRequestLike | undefined {
  if (!isAddress(tx.from, { strict: false })) return undefined;
  if (tx.to != null && !isAddress(tx.to, { strict: false })) return undefined;
  return { ...tx, from: getAddress(tx.from), to: tx.to == null ? undefined : getAddress(tx.to) };
}

/**
 * Says in plain words what a transaction does: which tokens leave and reach the
 * user's account, which allowances it grants, and what looks wrong. Never throws:
 * anything it cannot read comes back as kind 'unknown' with a warning.
 */
export function decodeTransaction(tx: DecodeTransactionParameters, ctx: DecodeContext = {}): TransactionIntent {
  const request = normalize(tx);
  const draft = request
    ? describeRequest(request, ctx)
    : unreadable('A transaction with an invalid sender or recipient address.', 'The sender or recipient is not a valid address.');
  return { kind: draft.kind, ...finishIntent(draft) };
}
