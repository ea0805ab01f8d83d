/** The networks Sharekeep knows, chain-id parsing, and JSON-RPC to a node through the RpcTransport port. */
export * from './networks';
export { createRpcCall, type RpcCall } from './rpc-client';
export {
  createHttpTransport,
  type HttpFetch,
  type HttpResponseLike,
  type HttpTransportOptions,
  type RpcTransportFailure,
  rpcTransportError,
} from './http-transport';
