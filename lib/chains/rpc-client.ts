/**
 * JSON-RPC to the active network's node through the RpcTransport port. Node errors come back
 * as EIP-1193 errors with the node's code; malformed answers become -32603.
 */
import { NodeRpcError, ProviderRpcError, RpcErrorCode } from '../errors';
import type { RpcCall, RpcTransport } from '../ports';

export type { RpcCall };

let nextId = 1;

export function createRpcCall(transport: RpcTransport, url: () => Promise<string>): RpcCall {
  return async (method, params = []) => {
    let answer: unknown;
    try {
      answer = await transport(await url(), { jsonrpc: '2.0', id: nextId++, method, params });
    } catch (err) {
      // The HTTP transport already says what went wrong (timeout, redirect, not JSON...).
      if (err instanceof ProviderRpcError) throw err;
      throw new ProviderRpcError(
        RpcErrorCode.chainDisconnected,
        `The network's RPC did not answer (${err instanceof Error ? err.message : 'unknown error'}).`,
        undefined,
        { cause: err },
      );
    }
    if (typeof answer !== 'object' || answer === null || !('result' in answer || 'error' in answer))
      throw new ProviderRpcError(RpcErrorCode.internal, 'The RPC answered something that is not JSON-RPC.');
    const { result, error } = answer as { result?: unknown; error?: { code?: unknown; message?: unknown; data?: unknown } };
    if (error) {
      const code = typeof error.code === 'number' && Number.isInteger(error.code) ? error.code : RpcErrorCode.internal;
      throw new NodeRpcError(code, typeof error.message === 'string' ? error.message.slice(0, 500) : 'RPC error', error.data);
    }
    return result;
  };
}
