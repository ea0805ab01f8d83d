/**
 * EIP-712 hashing for eth_signTypedData_v3 and _v4, on viem's primitives. It follows the
 * rules @metamask/eth-sig-util applies (which dApps were written against) and is tested
 * against it byte for byte; bringing eth-sig-util itself into the service worker would cost
 * more than half a megabyte of script (lodash, Buffer, tweetnacl) at every start.
 *
 * v3 and v4 differ in two places: v3 leaves out fields whose value is undefined and has no
 * arrays; v4 encodes a missing struct as 32 zero bytes and supports arrays.
 */
import { WalletError } from '../errors';
import { type AbiParameter, concat, encodeAbiParameters, type Hex, hexToBytes, isHex, keccak256, pad, stringToBytes, toBytes, toHex } from 'viem';

/** The signer refuses what the approval could not have shown: a coded error, never a digest. */
const invalid = (message: string) => new WalletError('typed_data.invalid', message);

export type TypedDataVersion = 'V3' | 'V4';

export interface TypedDataField {
  name: string;
  type: string;
}

export interface TypedDataPayload {
  types: Record<string, TypedDataField[]>;
  primaryType: string;
  domain: Record<string, unknown>;
  message: Record<string, unknown>;
}

type Encoded = [type: string, value: unknown];

const ZERO_WORD = `0x${'00'.repeat(32)}` as Hex;

function dependencies(primaryType: string, types: TypedDataPayload['types'], found: string[] = []): string[] {
  const base = primaryType.match(/^\w*/u)?.[0] ?? primaryType;
  if (found.includes(base) || types[base] === undefined) return found;
  found.push(base);
  for (const field of types[base]) dependencies(field.type, types, found);
  return found;
}

export function encodeType(primaryType: string, types: TypedDataPayload['types']): string {
  const [primary, ...rest] = dependencies(primaryType, types);
  return [primary, ...rest.sort()].map((name) => `${name}(${types[name].map((f) => `${f.type} ${f.name}`).join(',')})`).join('');
}

function toBigInt(type: string, value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?(0x[0-9a-fA-F]+|[0-9]+)$/.test(value)) {
    return value.startsWith('-') ? -BigInt(value.slice(1)) : BigInt(value);
  }
  throw invalid(`Invalid ${type} value: ${String(value)}`);
}

function bytesOf(value: unknown): Uint8Array {
  if (typeof value === 'number') return toBytes(BigInt(value));
  if (typeof value === 'string') return isHex(value, { strict: true }) ? hexToBytes(value) : stringToBytes(value);
  throw invalid('Invalid bytes value');
}

function encodeAtomic(type: string, value: unknown): Encoded {
  if (type === 'address') {
    if (typeof value === 'number') return ['address', pad(toHex(value), { size: 20 })];
    if (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value)) return ['address', value.toLowerCase()];
    throw invalid(`Invalid address value: ${String(value)}`);
  }
  // Never Boolean(value): the string "false" would sign as true. The wallet hands in normalised data.
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw invalid(`Invalid bool value: ${JSON.stringify(value)}`);
    return ['bool', value];
  }
  if (type === 'bytes') return ['bytes32', keccak256(bytesOf(value))];
  if (type === 'string') return ['bytes32', keccak256(typeof value === 'number' ? toBytes(BigInt(value)) : stringToBytes(String(value ?? '')))];
  if (/^bytes([1-9]|[12][0-9]|3[0-2])$/.test(type)) {
    if (typeof value === 'number') return ['bytes32', value < 0 ? ZERO_WORD : pad(toHex(BigInt(value)), { size: 32 })];
    if (typeof value === 'string' && isHex(value, { strict: true }) && value.length <= 66) return ['bytes32', pad(value, { dir: 'right', size: 32 })];
    throw invalid(`Invalid ${type} value`);
  }
  if (/^u?int\d*$/.test(type)) {
    const n = toBigInt(type, value);
    return n >= 0n ? ['uint256', n] : ['int256', n];
  }
  throw invalid(`Unsupported or invalid type: "${type}"`);
}

function encodeField(types: TypedDataPayload['types'], type: string, value: unknown, version: TypedDataVersion): Encoded {
  if (types[type] !== undefined) {
    return ['bytes32', version === 'V4' && value == null ? ZERO_WORD : keccak256(encodeData(type, value as Record<string, unknown>, types, version))];
  }
  if (value === undefined) throw invalid(`Missing value for a field of type ${type}`);
  if (type.endsWith(']')) {
    if (version === 'V3') throw invalid('Arrays are not part of eth_signTypedData_v3; use v4.');
    if (!Array.isArray(value)) throw invalid(`Expected an array for ${type}`);
    const inner = type.slice(0, type.lastIndexOf('['));
    const items = value.map((item) => encodeField(types, inner, item, version));
    return ['bytes32', keccak256(abiEncode(items))];
  }
  return encodeAtomic(type, value);
}

function abiEncode(items: Encoded[]): Hex {
  return encodeAbiParameters(
    items.map(([type]) => ({ type }) as AbiParameter),
    items.map(([, value]) => value),
  );
}

export function encodeData(primaryType: string, data: Record<string, unknown>, types: TypedDataPayload['types'], version: TypedDataVersion): Hex {
  if (typeof data !== 'object' || data === null) throw invalid(`Expected an object for ${primaryType}`);
  const items: Encoded[] = [['bytes32', typeHash(primaryType, types)]];
  for (const field of types[primaryType]) {
    const value = data[field.name];
    if (version === 'V3' && value === undefined) continue;
    items.push(encodeField(types, field.type, value, version));
  }
  return abiEncode(items);
}

export function typeHash(primaryType: string, types: TypedDataPayload['types']): Hex {
  return keccak256(stringToBytes(encodeType(primaryType, types)));
}

export function hashStruct(primaryType: string, data: Record<string, unknown>, types: TypedDataPayload['types'], version: TypedDataVersion): Hex {
  return keccak256(encodeData(primaryType, data, types, version));
}

/** The two hashes a Ledger signs EIP-712 data from: the domain separator and the message's struct hash (absent for primaryType EIP712Domain). */
export function typedDataHashes(data: TypedDataPayload, version: TypedDataVersion): { domainHash: Hex; messageHash?: Hex } {
  const types = { EIP712Domain: [], ...data.types };
  const domainHash = hashStruct('EIP712Domain', data.domain ?? {}, types, version);
  return data.primaryType === 'EIP712Domain'
    ? { domainHash }
    : { domainHash, messageHash: hashStruct(data.primaryType, data.message, types, version) };
}

/** The digest that is signed: keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)). */
export function typedDataDigest(data: TypedDataPayload, version: TypedDataVersion): Hex {
  const types = { EIP712Domain: [], ...data.types };
  const parts: Hex[] = ['0x1901', hashStruct('EIP712Domain', data.domain ?? {}, types, version)];
  if (data.primaryType !== 'EIP712Domain') parts.push(hashStruct(data.primaryType, data.message, types, version));
  return keccak256(concat(parts));
}
