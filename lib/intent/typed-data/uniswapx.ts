import { type Address, isAddressEqual } from 'viem';
import { describeTime } from '../format';
import type { AssetMovement, Delivery, IntentWarning, TypedDataKind } from '../types';
import { addressFields } from './addresses';
import { addr, big, fieldType, hasShape, list, obj, type TypedDataDraft, type TypedDataEnv, type TypedDataRecognizer } from './recognizer';
import type { ValidTypedData } from './validate';

/**
 * UniswapX orders: a Permit2 `PermitWitnessTransferFrom` whose witness is the order
 * (ExclusiveDutchOrder, V2DutchOrder, V3DutchOrder, PriorityOrder). `permitted` is the
 * most the user pays; the order's outputs are what it buys, and for whom. The output
 * list is found by shape (an array of structs with `token` and `recipient`), so order
 * types added later are read the same way.
 */
const ARRAY = /\[\d*\]$/;

interface OutputList {
  name: string;
  itemType: string;
}

function outputList(data: ValidTypedData, witnessType: string): OutputList | undefined {
  for (const field of data.types.get(witnessType) ?? []) {
    if (!ARRAY.test(field.type) || !/output/i.test(field.name)) continue;
    const itemType = field.type.replace(ARRAY, '');
    const fields = data.types.get(itemType) ?? [];
    if (['token', 'recipient'].every((n) => fields.some((f) => f.name === n))) return { name: field.name, itemType };
  }
  return undefined;
}

function witnessOf(data: ValidTypedData): { type: string; outputs: OutputList } | undefined {
  const fields = ['permitted', 'spender', 'nonce', 'deadline', 'witness'];
  if (!hasShape(data, 'PermitWitnessTransferFrom', fields, 'Permit2')) return undefined;
  const type = fieldType(data, 'witness');
  const outputs = type ? outputList(data, type) : undefined;
  return type && outputs ? { type, outputs } : undefined;
}

/** The least an output pays: its floor, its decayed end amount, or its fixed amount. */
function floorOf(output: Record<string, unknown>): bigint {
  if (output.minAmount !== undefined) return big(output.minAmount);
  if (output.startAmount !== undefined && output.endAmount !== undefined) {
    // Outputs decay from start to end; either may be the smaller one.
    const [start, end] = [big(output.startAmount), big(output.endAmount)];
    if (end > start) return start;
    return end;
  }
  return big(output.amount);
}

function swapperOf(witness: Record<string, unknown>, env: TypedDataEnv): Address | undefined {
  const info = witness.info as Record<string, unknown> | undefined;
  if (info && typeof info.swapper === 'string') return addr(info.swapper);
  return env.account;
}

function describeOrder(env: TypedDataEnv, witnessType: string, outputs: OutputList): TypedDataDraft {
  const m = env.data.message;
  const witness = obj(m.witness);
  const swapper = swapperOf(witness, env);
  const permitted = obj(m.permitted);
  const assetsOut: AssetMovement[] = [{ token: addr(permitted.token), amount: big(permitted.amount), max: true }];
  const assetsIn: AssetMovement[] = [];
  const deliveries: Delivery[] = [];
  const warnings: IntentWarning[] = [];
  const elsewhere: string[] = [];
  for (const output of list(witness[outputs.name])) {
    const token = addr(output.token);
    const recipient = addr(output.recipient);
    const amount = floorOf(output);
    if (swapper && isAddressEqual(recipient, swapper)) {
      assetsIn.push({ token, amount, min: true });
    } else {
      deliveries.push({ token, amount, to: recipient, reason: 'proceeds', min: true });
      elsewhere.push(`at least ${env.d.amount(token, amount)} to ${env.d.address(recipient)}`);
    }
  }
  if (elsewhere.length > 0) {
    warnings.push({ code: 'recipient-not-sender', message: `Part of what the order buys goes to another address: ${elsewhere.join(', ')}.` });
  }
  if (env.account && swapper && !isAddressEqual(env.account, swapper)) {
    warnings.push({ code: 'recipient-not-sender', message: `The order names ${env.d.address(swapper)} as the swapper, not the account signing it.` });
  }
  const buys = [...assetsIn.map((a) => `at least ${env.d.amount(a.token, a.amount)}`), ...elsewhere].join(' and ');
  return {
    summary: `Sign a UniswapX ${witnessType} paying at most ${env.d.amount(assetsOut[0].token, assetsOut[0].amount)} for ${buys || 'nothing'}, valid until ${describeTime(big(m.deadline))}.`,
    assetsOut,
    assetsIn,
    deliveries,
    // Any other token the order names (a cosigner's input override, a future field) is checked too.
    mentioned: addressFields(env.data, witnessType, witness),
    warnings,
  };
}

const KIND: TypedDataKind = 'uniswapx-order';

export const uniswapXRecognizers: TypedDataRecognizer[] = [
  {
    kind: KIND,
    matches: (data) => witnessOf(data) !== undefined,
    describe(env) {
      const found = witnessOf(env.data);
      if (!found) throw new RangeError('not a UniswapX order');
      return describeOrder(env, found.type, found.outputs);
    },
  },
];
