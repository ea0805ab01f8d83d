import * as v from 'valibot';

/** What RPC nodes answer, checked before use: a hostile node gets nowhere. */
const MAX_ITEMS = 10_000;

export const HexString = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]*$/), v.maxLength(1_000_000));
export const Quantity = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{1,64}$/));
const AddressString = v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{40}$/));

export const Log = v.object({
  address: AddressString,
  topics: v.pipe(v.array(v.pipe(v.string(), v.regex(/^0x[0-9a-fA-F]{64}$/))), v.maxLength(4)),
  data: HexString,
});
export type Log = v.InferOutput<typeof Log>;

export const SimulatedCall = v.object({
  status: Quantity,
  gasUsed: Quantity,
  returnData: v.optional(HexString),
  logs: v.optional(v.pipe(v.array(Log), v.maxLength(MAX_ITEMS))),
  error: v.optional(v.object({ code: v.optional(v.number()), message: v.optional(v.string()), data: v.optional(v.string()) })),
});

export type SimulateV1Call = v.InferOutput<typeof SimulatedCall>;

export const SimulateV1Result = v.pipe(
  v.array(v.object({ calls: v.pipe(v.array(SimulatedCall), v.minLength(1), v.maxLength(MAX_ITEMS)) })),
  v.minLength(1),
);

export interface CallFrame {
  type: string;
  from: string;
  to?: string;
  value?: string;
  gasUsed?: string;
  output?: string;
  error?: string;
  revertReason?: string;
  logs?: Log[];
  calls?: CallFrame[];
}

export const CallFrameSchema: v.GenericSchema<CallFrame> = v.object({
  type: v.string(),
  from: AddressString,
  to: v.optional(AddressString),
  value: v.optional(Quantity),
  gasUsed: v.optional(Quantity),
  output: v.optional(HexString),
  error: v.optional(v.string()),
  revertReason: v.optional(v.string()),
  logs: v.optional(v.pipe(v.array(Log), v.maxLength(MAX_ITEMS))),
  calls: v.optional(v.pipe(v.array(v.lazy(() => CallFrameSchema)), v.maxLength(MAX_ITEMS))),
});

/** Parses `value` with `schema`; undefined when it does not fit (or is absurdly deep). */
export function parseAnswer<T>(schema: v.GenericSchema<T>, value: unknown): T | undefined {
  try {
    const result = v.safeParse(schema, value);
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}
