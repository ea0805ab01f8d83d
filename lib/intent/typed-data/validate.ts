import { type Address, getAddress, isAddress } from 'viem';
import * as v from 'valibot';
import { rpcErrors } from '../../errors';

export interface TypedField {
  name: string;
  type: string;
}

/**
 * Typed data in the one form the wallet decodes, shows and signs: every value checked against
 * its declared type and written one way (bool as a boolean, integers as decimal strings,
 * addresses checksummed, bytes as lower-case hex, fields no type covers dropped).
 */
export interface NormalizedTypedData {
  types: Record<string, TypedField[]>;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

/** Typed data that passed every check: safe to hash, sign and describe. */
export interface ValidTypedData {
  types: Map<string, TypedField[]>;
  primaryType: string;
  domain: { name?: string; version?: string; chainId?: bigint; verifyingContract?: Address; salt?: string };
  /** The normalised message (also `normalized.message`). */
  message: Record<string, unknown>;
  /** Message fields no type covers: the signature does not commit to them, and they are dropped. */
  untypedFields: string[];
  /** The object the approval window shows and the keyring signs: the same one the decoder read. */
  normalized: NormalizedTypedData;
}

const Field = v.object({ name: v.pipe(v.string(), v.minLength(1)), type: v.pipe(v.string(), v.minLength(1)) });
const Plain = v.custom<Record<string, unknown>>((x) => typeof x === 'object' && x !== null && !Array.isArray(x));
const TypedDataShape = v.object({
  types: v.pipe(Plain, v.record(v.string(), v.array(Field))),
  primaryType: v.pipe(v.string(), v.minLength(1)),
  domain: Plain,
  message: Plain,
});

const DOMAIN_FIELD_TYPES: Record<string, string> = {
  name: 'string',
  version: 'string',
  chainId: 'uint256',
  verifyingContract: 'address',
  salt: 'bytes32',
};

const TYPE_NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ARRAY_SUFFIX = /\[(\d*)\]$/;
const MAX_DEPTH = 16;
const MAX_VALUES = 20_000;

const fail = (message: string) => rpcErrors.invalidParams(`Invalid typed data: ${message}`);

function isAtomic(type: string): boolean {
  if (type === 'address' || type === 'bool' || type === 'string' || type === 'bytes') return true;
  const bytes = /^bytes(\d+)$/.exec(type);
  if (bytes) return Number(bytes[1]) >= 1 && Number(bytes[1]) <= 32;
  const int = /^u?int(\d+)$/.exec(type);
  return !!int && Number(int[1]) >= 8 && Number(int[1]) <= 256 && Number(int[1]) % 8 === 0;
}

/**
 * Parses a uint/int value the way wallets accept them, and nothing looser: a safe-integer
 * number, a decimal string (optional leading minus) or a 0x hex string. No spaces, plus signs,
 * exponents, fractions or empty strings.
 */
export function toBigInt(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (typeof value !== 'string') return undefined;
  if (/^-?\d{1,78}$/.test(value)) return BigInt(value);
  if (/^0x[0-9a-fA-F]{1,64}$/.test(value)) return BigInt(value);
  return undefined;
}

/** An integer in range for its type, as a decimal string. */
function normalizeInteger(type: string, value: unknown, path: string): string {
  const n = toBigInt(value);
  if (n === undefined) throw fail(`${path} must be an integer (a number, a decimal string or a 0x hex string).`);
  const bits = BigInt(type.replace(/^u?int/, ''));
  const [min, max] = type.startsWith('u') ? [0n, 2n ** bits - 1n] : [-(2n ** (bits - 1n)), 2n ** (bits - 1n) - 1n];
  if (n < min || n > max) throw fail(`${path} does not fit in ${type}.`);
  return n.toString();
}

interface Walk {
  types: Map<string, TypedField[]>;
  untyped: string[];
  visited: number;
}

/** Checks `value` against `type` and returns it written the one way the wallet signs it. */
function normalizeValue(walk: Walk, type: string, value: unknown, path: string, depth: number): unknown {
  if (depth > MAX_DEPTH) throw fail(`${path} is nested too deeply.`);
  if (++walk.visited > MAX_VALUES) throw fail('the message is too large.');
  const array = ARRAY_SUFFIX.exec(type);
  if (array) {
    if (!Array.isArray(value)) throw fail(`${path} must be an array.`);
    if (array[1] !== '' && value.length !== Number(array[1])) throw fail(`${path} must have ${array[1]} items.`);
    const inner = type.slice(0, array.index);
    return value.map((item, i) => normalizeValue(walk, inner, item, `${path}[${i}]`, depth + 1));
  }
  const fields = walk.types.get(type);
  if (fields) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw fail(`${path} must be an object of type ${type}.`);
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const field of fields) {
      if (!Object.hasOwn(record, field.name) || record[field.name] === undefined) throw fail(`${path}.${field.name} is missing.`);
      out[field.name] = normalizeValue(walk, field.type, record[field.name], `${path}.${field.name}`, depth + 1);
    }
    for (const key of Object.keys(record)) if (!fields.some((f) => f.name === key)) walk.untyped.push(`${path}.${key}`);
    return out;
  }
  if (type === 'address') {
    if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw fail(`${path} must be an address.`);
    return getAddress(value);
  }
  // Only true and false: "false" is a non-empty string, which a hasher would read as true.
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw fail(`${path} must be true or false (a JSON boolean, not ${JSON.stringify(value)}).`);
    return value;
  }
  if (type === 'string') {
    if (typeof value !== 'string') throw fail(`${path} must be a string.`);
    return value;
  }
  if (type === 'bytes') {
    if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) throw fail(`${path} must be 0x-prefixed hex of whole bytes.`);
    return value.toLowerCase();
  }
  if (type.startsWith('bytes')) {
    const size = Number(type.slice(5));
    if (typeof value !== 'string' || !new RegExp(`^0x[0-9a-fA-F]{${size * 2}}$`).test(value)) throw fail(`${path} must be ${size} bytes of hex.`);
    return value.toLowerCase();
  }
  return normalizeInteger(type, value, path);
}

function checkTypes(types: Map<string, TypedField[]>) {
  for (const [name, fields] of types) {
    if (!TYPE_NAME.test(name)) throw fail(`"${name}" is not a valid type name.`);
    const seen = new Set<string>();
    for (const field of fields) {
      if (seen.has(field.name)) throw fail(`${name} declares "${field.name}" twice.`);
      seen.add(field.name);
      let base = field.type;
      while (ARRAY_SUFFIX.test(base)) base = base.replace(ARRAY_SUFFIX, '');
      if (!isAtomic(base) && !(TYPE_NAME.test(base) && types.has(base)))
        throw fail(`${name}.${field.name} has type "${field.type}", which is not defined.`);
    }
  }
}

function parseChainId(value: unknown): bigint {
  const n = toBigInt(value);
  if (n === undefined || n < 0n) throw fail('domain.chainId must be a chain id (a number, a decimal or a hex string).');
  return n;
}

function checkDomain(
  types: Map<string, TypedField[]>,
  domain: Record<string, unknown>,
  activeChainId: number,
): { view: ValidTypedData['domain']; normalized: Record<string, unknown> } {
  const declared = types.get('EIP712Domain') ?? [];
  const keys = Object.keys(domain).filter((k) => domain[k] !== undefined);
  if (!types.has('EIP712Domain') && keys.length > 0) throw fail('types.EIP712Domain is missing.');
  for (const key of keys) if (!declared.some((f) => f.name === key)) throw fail(`domain.${key} is not declared in types.EIP712Domain.`);
  for (const field of declared) {
    if (!keys.includes(field.name)) throw fail(`domain.${field.name} is declared in types.EIP712Domain but missing from the domain.`);
    const expected = DOMAIN_FIELD_TYPES[field.name];
    if (expected && field.type !== expected) throw fail(`EIP712Domain.${field.name} must have type ${expected}.`);
  }
  const { name, version, chainId, verifyingContract, salt } = domain;
  if (verifyingContract !== undefined && (typeof verifyingContract !== 'string' || !isAddress(verifyingContract))) {
    throw fail('domain.verifyingContract must be an address.');
  }
  const result: ValidTypedData['domain'] = {
    name: typeof name === 'string' ? name : undefined,
    version: typeof version === 'string' ? version : undefined,
    verifyingContract: verifyingContract === undefined ? undefined : getAddress(verifyingContract as string),
    salt: typeof salt === 'string' ? salt : undefined,
  };
  if (chainId !== undefined) {
    result.chainId = parseChainId(chainId);
    if (result.chainId !== BigInt(activeChainId)) {
      throw rpcErrors.invalidParams(
        `The typed data is for chain ${result.chainId}, but the active network is chain ${activeChainId}. Switch networks and try again.`,
      );
    }
  }
  const normalized: Record<string, unknown> = {};
  for (const field of declared) {
    normalized[field.name] = normalizeValue({ types, untyped: [], visited: 0 }, field.type, domain[field.name], `domain.${field.name}`, 0);
  }
  return { view: result, normalized };
}

/**
 * Checks typed data (eth_signTypedData_v3/v4) before anything is shown or signed:
 * the JSON parses, every type it references is defined, the domain matches its
 * declared type, its chainId is the active chain and verifyingContract an address,
 * and every value fits its type strictly. Anything else is a ProviderRpcError -32602.
 * The result's `normalized` is what the decoder reads, the window shows and the key signs.
 */
export function validateTypedData(raw: unknown, activeChainId: number): ValidTypedData {
  let data = raw;
  if (typeof raw === 'string') {
    try {
      data = JSON.parse(raw);
    } catch {
      throw fail('it is not valid JSON.');
    }
  }
  const parsed = v.safeParse(TypedDataShape, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue) ?? 'the request';
    throw fail(`${where} is missing or has the wrong shape.`);
  }
  const types = new Map(Object.entries(parsed.output.types));
  checkTypes(types);
  const { primaryType, message } = parsed.output;
  if (!types.has(primaryType)) throw fail(`primaryType "${primaryType}" is not defined in types.`);
  const domain = checkDomain(types, parsed.output.domain, activeChainId);
  const walk: Walk = { types, untyped: [], visited: 0 };
  const normalizedMessage =
    primaryType === 'EIP712Domain' ? {} : (normalizeValue(walk, primaryType, message, 'message', 0) as Record<string, unknown>);
  const normalized: NormalizedTypedData = { types: Object.fromEntries(types), primaryType, domain: domain.normalized, message: normalizedMessage };
  const valid: ValidTypedData = { types, primaryType, domain: domain.view, message: normalizedMessage, untypedFields: walk.untyped, normalized };
  checked.add(valid);
  return valid;
}

/** Results of validateTypedData, so a decoder handed one does not parse it again. */
const checked = new WeakSet<ValidTypedData>();

export function isValidTypedData(value: unknown): value is ValidTypedData {
  return typeof value === 'object' && value !== null && checked.has(value as ValidTypedData);
}
