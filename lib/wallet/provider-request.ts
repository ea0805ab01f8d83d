/**
 * Validates what a page sent before any method sees it. Anything that is not
 * `{method: string, params?: array | object}` is answered with an EIP-1193 error.
 */
import { ProviderRpcError, RpcErrorCode } from '../errors';
import { MAX_METHOD_LENGTH } from '../provider';

export interface ProviderRequest {
  method: string;
  params: unknown[] | Record<string, unknown> | undefined;
}

export function parseProviderRequest(payload: unknown): ProviderRequest {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ProviderRpcError(RpcErrorCode.invalidRequest, 'Expected a request object.');
  }
  const { method, params } = payload as Record<string, unknown>;
  if (typeof method !== 'string' || method.length === 0 || method.length > MAX_METHOD_LENGTH) {
    throw new ProviderRpcError(RpcErrorCode.invalidRequest, 'Expected "method" to be a non-empty string.');
  }
  if (params !== undefined && params !== null && typeof params !== 'object') {
    throw new ProviderRpcError(RpcErrorCode.invalidParams, 'Expected "params" to be an array or an object.');
  }
  return { method, params: (params ?? undefined) as ProviderRequest['params'] };
}

/** params as a positional list (an object counts as a single argument). */
export function positional(params: ProviderRequest['params']): unknown[] {
  if (params === undefined) return [];
  return Array.isArray(params) ? params : [params];
}
