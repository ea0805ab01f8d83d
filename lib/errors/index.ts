/**
 * Errors are values with codes, on one base (viem's BaseError is the model): a short message
 * a person can read, the cause kept for whoever debugs. ProviderRpcError carries an EIP-1193 /
 * EIP-1474 numeric code and crosses to dApps; WalletError carries a stable string code the UI
 * maps to a sentence. Both serialise with toJSON() so they survive messaging (the cause never
 * leaves the background).
 */

export abstract class SharekeepError extends Error {
  /** The sentence shown to a person, without the cause's details. */
  readonly shortMessage: string;
  abstract readonly code: string | number;
  constructor(shortMessage: string, options?: { cause?: unknown }) {
    super(shortMessage, options);
    this.shortMessage = shortMessage;
  }
}

export const RpcErrorCode = {
  userRejected: 4001,
  unauthorized: 4100,
  unsupportedMethod: 4200,
  disconnected: 4900,
  chainDisconnected: 4901,
  unrecognizedChain: 4902,
  invalidInput: -32000,
  resourceUnavailable: -32002,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
} as const;

export interface SerializedRpcError {
  code: number;
  message: string;
  data?: unknown;
}

export class ProviderRpcError extends SharekeepError {
  readonly code: number;
  readonly data?: unknown;
  constructor(code: number, message: string, data?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderRpcError';
    this.code = code;
    this.data = data;
  }
  toJSON(): SerializedRpcError {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

/**
 * The node answered, and its answer was an error: what was asked did not happen there. Unlike
 * a transport failure (no answer, a timeout), it tells a sender that a transaction was not taken.
 */
export class NodeRpcError extends ProviderRpcError {}

export const rpcErrors = {
  userRejected: (msg = 'User rejected the request.') => new ProviderRpcError(RpcErrorCode.userRejected, msg),
  unauthorized: (msg = 'The requested account and/or method has not been authorized by the user.') =>
    new ProviderRpcError(RpcErrorCode.unauthorized, msg),
  unsupportedMethod: (method: string) =>
    new ProviderRpcError(RpcErrorCode.unsupportedMethod, `The method "${method}" is not supported by Sharekeep.`),
  unrecognizedChain: (chainId: string) =>
    new ProviderRpcError(
      RpcErrorCode.unrecognizedChain,
      `Unrecognized chain ID "${chainId}". Try adding the chain using wallet_addEthereumChain first.`,
    ),
  invalidParams: (msg: string) => new ProviderRpcError(RpcErrorCode.invalidParams, msg),
  invalidRequest: (msg: string) => new ProviderRpcError(RpcErrorCode.invalidRequest, msg),
  resourceUnavailable: (msg: string) => new ProviderRpcError(RpcErrorCode.resourceUnavailable, msg),
  internal: (msg = 'Internal error.') => new ProviderRpcError(RpcErrorCode.internal, msg),
};

export class WalletError extends SharekeepError {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WalletError';
    this.code = code;
  }
  toJSON() {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into something a dApp can receive. Internal details stay inside. */
export function toRpcError(err: unknown): SerializedRpcError {
  if (err instanceof ProviderRpcError) return err.toJSON();
  if (err instanceof WalletError) return { code: RpcErrorCode.internal, message: err.message, data: { code: err.code } };
  return { code: RpcErrorCode.internal, message: 'Internal error.' };
}
