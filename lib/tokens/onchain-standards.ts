/**
 * The on-chain standards of the tokens a request touches: detected once per (chain, token) and
 * remembered (standard-detect), then read for the user in one Multicall3 batch per request
 * (standard-checks). Once every token is detected, a request adds one eth_call, or none when no
 * token it touches is a permissioned one.
 */
import { type Address, getAddress } from 'viem';
import type { RpcCall } from '../chains';
import type { OnchainFindings } from '../compliance';
import type { Call3, Call3Result } from '../portfolio';
import { type CheckRequest, type KnownTransfer, readChecks } from './standard-checks';
import { createStandardsCache, type StandardsCache } from './standard-detect';

export interface StandardsRequest extends Omit<CheckRequest, 'transfers'> {
  chainId: number;
  tokens: readonly Address[];
  /** Transfers the request makes where the counterparty is known, by token. */
  transfers?: readonly (KnownTransfer & { token: Address })[];
  /** Calls read in the same batch as the checks (the guard's balance reads), so they cost no round trip of their own. */
  alongside?: readonly Call3[];
}

export interface StandardsAnswer {
  findings: Map<Address, OnchainFindings>;
  /** The results of the request's `alongside` calls, in order; undefined when the batch was not answered. */
  alongside: Call3Result[] | undefined;
}

export interface OnchainStandards {
  /** What each detected token's contracts say about the user (checksummed keys); plain tokens are left out. */
  findings(rpc: RpcCall, request: StandardsRequest): Promise<Map<Address, OnchainFindings>>;
  /** The same findings, with the answers of the request's `alongside` calls. */
  read(rpc: RpcCall, request: StandardsRequest): Promise<StandardsAnswer>;
  /** Tokens of the chain already known to be permissioned (detected earlier), asked nothing. */
  known(chainId: number): Address[];
}

export function createOnchainStandards(cache: StandardsCache = createStandardsCache()): OnchainStandards {
  async function read(rpc: RpcCall, { chainId, tokens, transfers = [], alongside = [], ...request }: StandardsRequest): Promise<StandardsAnswer> {
    const detected = await cache.detect(rpc, chainId, tokens);
    const known = new Map(transfers.map(({ token, ...t }) => [getAddress(token), t]));
    let answered: Call3Result[] | undefined = [];
    const findings = await readChecks(rpc, detected, { ...request, transfers: known }, alongside, (results) => {
      answered = results;
    });
    return { findings, alongside: answered };
  }
  return {
    read,
    findings: async (rpc, request) => (await read(rpc, request)).findings,
    known: (chainId) => cache.known(chainId),
  };
}
