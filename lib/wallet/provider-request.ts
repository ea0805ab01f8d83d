/**
 * Validates what a page sent before any method sees it. Anything that is not
 * `{method: string, params?: array | object}` is answered with an EIP-1193 error.
 */
import * as v from 'valibot';
import { ProviderRpcError, RpcErrorCode } from '../errors';
import { MAX_METHOD_LENGTH } from '../provider';

export interface ProviderRequest {
  method: string;
  params: unknown[] | Record<string, unknown> | undefined;
}

const Envelope = v.looseObject({
  method: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_METHOD_LENGTH)),
  params: v.optional(v.unknown()),
});
const Params = v.nullish(v.union([v.array(v.unknown()), v.record(v.string(), v.unknown())]));

export function parseProviderRequest(payload: unknown): ProviderRequest {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ProviderRpcError(RpcErrorCode.invalidRequest, 'Expected a request object.');
  }
  const envelope = v.safeParse(Envelope, payload);
  if (!envelope.success) throw new ProviderRpcError(RpcErrorCode.invalidRequest, 'Expected "method" to be a non-empty string.');
  const params = v.safeParse(Params, envelope.output.params);
  if (!params.success) throw new ProviderRpcError(RpcErrorCode.invalidParams, 'Expected "params" to be an array or an object.');
  return { method: envelope.output.method, params: params.output ?? undefined };
}

/** params as a positional list (an object counts as a single argument). */
export function positional(params: ProviderRequest['params']): unknown[] {
  if (params === undefined) return [];
  return Array.isArray(params) ? params : [params];
}
