/**
 * The wallet core: one object behind which the provider method table, key custody,
 * permissions, approvals and the portfolio live. The background builds it with real
 * ports; tests build it with in-memory ones.
 */
import { rpcErrors } from '../errors';
import type { Clock, KeyValueStore, RpcTransport } from '../ports';
import { DEFAULT_CHAIN_ID, toHexChainId } from '../chains';
import { parseProviderRequest } from './provider-request';

export interface WalletPorts {
  local: KeyValueStore;
  session: KeyValueStore;
  clock: Clock;
  rpc: RpcTransport;
  openApproval(): Promise<void>;
}

export interface RequestContext {
  /** The requesting site, from the browser's sender info, never from the message. */
  origin: string;
}

export interface Wallet {
  handleProviderRequest(ctx: RequestContext, payload: unknown): Promise<unknown>;
}

type MethodHandler = (ctx: RequestContext, params: unknown) => Promise<unknown>;

export function createWallet(ports: WalletPorts): Wallet {
  const activeChainId = async () => (await ports.local.get<number>('activeChainId')) ?? DEFAULT_CHAIN_ID;

  const methods: Record<string, MethodHandler> = {
    eth_chainId: async () => toHexChainId(await activeChainId()),
    net_version: async () => String(await activeChainId()),
  };

  return {
    async handleProviderRequest(ctx, payload) {
      const request = parseProviderRequest(payload);
      const handler = Object.hasOwn(methods, request.method) ? methods[request.method] : undefined;
      if (!handler) throw rpcErrors.unsupportedMethod(request.method);
      return handler(ctx, request.params);
    },
  };
}

