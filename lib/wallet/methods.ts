/**
 * The dApp method table: each EIP-1193 method a page may call, its params parsed with a schema
 * (a mismatch is -32602), and the part of the wallet that answers it. Read-only methods go to the
 * active network's node; anything else is 4200.
 */
import * as v from 'valibot';
import { parseChainId, type RpcCall, toHexChainId } from '../chains';
import { ProviderRpcError, RpcErrorCode, rpcErrors } from '../errors';
import { parseDappParams } from '../params';
import { addChain, type NetworkDeps, watchAsset } from '../networks';
import type { Signing } from '../signing';
import type { SettingsStore } from '../state';
import type { Access } from './accounts';
import { parseProviderRequest, positional } from './provider-request';

export interface RequestContext {
  /** The requesting site, from the browser's sender info, never from the message. */
  origin: string;
}

/** Read-only methods answered by the active network's node. */
const PASSTHROUGH = new Set([
  'eth_blockNumber',
  'eth_call',
  'eth_estimateGas',
  'eth_feeHistory',
  'eth_gasPrice',
  'eth_getBalance',
  'eth_getBlockByHash',
  'eth_getBlockByNumber',
  'eth_getBlockTransactionCountByHash',
  'eth_getBlockTransactionCountByNumber',
  'eth_getCode',
  'eth_getLogs',
  'eth_getProof',
  'eth_getStorageAt',
  'eth_getTransactionByBlockHashAndIndex',
  'eth_getTransactionByBlockNumberAndIndex',
  'eth_getTransactionByHash',
  'eth_getTransactionCount',
  'eth_getTransactionReceipt',
  'eth_getUncleCountByBlockHash',
  'eth_getUncleCountByBlockNumber',
  'eth_maxPriorityFeePerGas',
  'eth_protocolVersion',
  'eth_syncing',
  'net_listening',
  'web3_clientVersion',
  'eth_blobBaseFee',
]);

const ONLY_ACCOUNTS = 'Sharekeep grants the "eth_accounts" permission only.';
const hasAccounts = (o: { eth_accounts: unknown }) => Object.hasOwn(o, 'eth_accounts');
const RequestPermissionsParams = v.tuple(
  [v.pipe(v.strictObject({ eth_accounts: v.unknown() }, ONLY_ACCOUNTS), v.check(hasAccounts, ONLY_ACCOUNTS))],
  ONLY_ACCOUNTS,
);
const RevokePermissionsParams = v.tuple(
  [v.pipe(v.looseObject({ eth_accounts: v.unknown() }, 'Expected {"eth_accounts": {}}.'), v.check(hasAccounts, 'Expected {"eth_accounts": {}}.'))],
  'Expected {"eth_accounts": {}}.',
);
const SwitchChainParams = v.tuple(
  [
    v.looseObject(
      {
        chainId: v.pipe(
          v.string('Expected {chainId} as a 0x-prefixed hex string.'),
          v.regex(/^0x[0-9a-fA-F]{1,15}$/, 'Expected {chainId} as a 0x-prefixed hex string.'),
        ),
      },
      'Expected {chainId} as a 0x-prefixed hex string.',
    ),
  ],
  'Expected {chainId} as a 0x-prefixed hex string.',
);

export interface MethodDeps {
  access: Access;
  settings: SettingsStore;
  signing: Signing;
  networks: NetworkDeps;
  /** JSON-RPC to the active network's node. */
  rpc: RpcCall;
  approve: NetworkDeps['approve'];
  switchChain(chainId: number): Promise<void>;
}

type Handler = (ctx: RequestContext, params: unknown[]) => Promise<unknown>;

export function createMethodTable(deps: MethodDeps): Record<string, Handler> {
  const { access, settings, signing } = deps;
  return {
    eth_chainId: async () => toHexChainId((await settings.get()).activeChainId),
    net_version: async () => String((await settings.get()).activeChainId),
    eth_accounts: async (ctx) => access.accountsFor(ctx.origin),
    eth_coinbase: async (ctx) => (await access.accountsFor(ctx.origin))[0] ?? null,
    eth_requestAccounts: async (ctx) => access.connect(ctx.origin),
    wallet_requestPermissions: async (ctx, params) => {
      parseDappParams(RequestPermissionsParams, params.slice(0, 1));
      await access.connect(ctx.origin);
      return access.permissionsOf(ctx.origin);
    },
    wallet_getPermissions: async (ctx) => access.permissionsOf(ctx.origin),
    wallet_revokePermissions: async (ctx, params) => {
      parseDappParams(RevokePermissionsParams, params.slice(0, 1));
      await access.revokeSite(ctx.origin);
      return null;
    },
    wallet_switchEthereumChain: async (ctx, params) => {
      const [requested] = parseDappParams(SwitchChainParams, params.slice(0, 1));
      const chainId = parseChainId(requested.chainId);
      if (!chainId) throw rpcErrors.invalidParams('Expected {chainId} as a 0x-prefixed hex string.');
      const network = await settings.network(chainId);
      if (!network) throw rpcErrors.unrecognizedChain(requested.chainId);
      if ((await settings.get()).activeChainId === chainId) return null;
      await deps.approve(ctx.origin, 'switch-chain', { chainId, name: network.name, rpcUrl: network.rpcUrl });
      await deps.switchChain(chainId);
      return null;
    },
    wallet_addEthereumChain: async (ctx, params) => addChain(deps.networks, ctx.origin, params),
    wallet_watchAsset: async (ctx, params) => watchAsset(deps.networks, ctx.origin, params),
    personal_sign: async (ctx, params) => signing.personalSign(ctx.origin, params),
    eth_signTypedData_v3: async (ctx, params) => signing.signTypedData(ctx.origin, params, 'V3'),
    eth_signTypedData_v4: async (ctx, params) => signing.signTypedData(ctx.origin, params, 'V4'),
    eth_sendTransaction: async (ctx, params) => signing.sendTransaction(ctx.origin, params),
    eth_sign: async () => {
      throw new ProviderRpcError(
        RpcErrorCode.unsupportedMethod,
        'eth_sign is refused: it signs an opaque hash that could be a transaction. Use personal_sign or eth_signTypedData_v4.',
      );
    },
  };
}

/** Every page request: parsed, then answered by its handler or the node, or refused with 4200. */
export async function answerProviderRequest(methods: Record<string, Handler>, rpc: RpcCall, ctx: RequestContext, payload: unknown): Promise<unknown> {
  const request = parseProviderRequest(payload);
  const params = positional(request.params);
  const handler = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
  if (handler) return handler(ctx, params);
  if (PASSTHROUGH.has(request.method)) return rpc(request.method, params);
  throw rpcErrors.unsupportedMethod(request.method);
}
