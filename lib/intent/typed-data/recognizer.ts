import { type Address, getAddress } from 'viem';
import type { IntentDraft } from '../decoders/decoder';
import type { Describer } from '../format';
import type { TypedDataKind } from '../types';
import { toBigInt, type ValidTypedData } from './validate';

export interface TypedDataEnv {
  data: ValidTypedData;
  d: Describer;
  /** The account asked to sign, when known. */
  account?: Address;
  activeChainId: number;
}

export type TypedDataDraft = Omit<IntentDraft, 'kind'>;

/** One well-known typed-data shape the wallet can put in words. */
export interface TypedDataRecognizer {
  kind: TypedDataKind;
  matches(data: ValidTypedData): boolean;
  describe(env: TypedDataEnv): TypedDataDraft;
}

/** Whether the primary type is `primaryType` and declares every field in `names`. */
export function hasShape(data: ValidTypedData, primaryType: string, names: string[], domainName?: string): boolean {
  if (data.primaryType !== primaryType) return false;
  if (domainName !== undefined && data.domain.name !== domainName) return false;
  const fields = data.types.get(primaryType) ?? [];
  return names.every((n) => fields.some((f) => f.name === n));
}

/** The struct type of a field of the primary type, e.g. a witness's type name. */
export function fieldType(data: ValidTypedData, name: string): string | undefined {
  return data.types.get(data.primaryType)?.find((f) => f.name === name)?.type;
}

// Values below were normalised against their declared types by validateTypedData.
export const big = (value: unknown): bigint => toBigInt(value) ?? 0n;
export const addr = (value: unknown): Address => getAddress(value as string);
export const obj = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
export const list = (value: unknown): Record<string, unknown>[] => value as Record<string, unknown>[];
export const bool = (value: unknown): boolean => value === true;
