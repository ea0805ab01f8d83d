/**
 * The on-chain standards of the tokens a request touches: detected once per (chain, token) and
 * remembered (standard-detect), then read for the user in one Multicall3 batch per request
 * (standard-checks). Once every token is detected, a request adds one eth_call, or none when no
 * token it touches is a permissioned one.
 */
import { type Address, getAddress } from 'viem';
import type { RpcCall } from '../chains';
import type { OnchainFindings } from '../compliance';
import { type CheckRequest, type KnownTransfer, readChecks } from './standard-checks';
import { createStandardsCache, type StandardsCache } from './standard-detect';

export interface StandardsRequest extends Omit<CheckRequest, 'transfers'> {
  chainId: number;
  tokens: readonly Address[];
  /** Transfers the request makes where the counterparty is known, by token. */
  transfers?: readonly (KnownTransfer & { token: Address })[];
}

export interface OnchainStandards {
  /** What each detected token's contracts say about the user (checksummed keys); plain tokens are left out. */
  findings(rpc: RpcCall, request: StandardsRequest): Promise<Map<Address, OnchainFindings>>;
}

export function createOnchainStandards(cache: StandardsCache = createStandardsCache()): OnchainStandards {
  return {
    async findings(rpc, { chainId, tokens, transfers = [], ...request }) {
      const detected = await cache.detect(rpc, chainId, tokens);
      const known = new Map(transfers.map(({ token, ...t }) => [getAddress(token), t]));
      return readChecks(rpc, detected, { ...request, transfers: known });
    },
  };
}
