/**
 * eth_sendTransaction and the wallet's own sends: the network is fixed when the request
 * arrives; the transaction is decoded, simulated and judged on it, shown, approved, and then
 * broadcast to that network's node only.
 */
import type { Address, Hex } from 'viem';
import { formatUnits } from 'viem';
import type { Network } from '../chains';
import { rpcErrors } from '../errors';
import { decodeTransaction, type Intent, type SimulationResult, simulateTransaction } from '../intent';
import { approveSigning, judge, type Recheck, signerFor } from './approve';
import { broadcast } from './broadcast';
import { imitationReasons, withImitations } from './imitations';
import { contractRecipients } from './recipients';
import type { SigningDeps } from './deps';
import type { NonceManager } from './nonces';
import { parseTransactionParams, type TransactionParams } from './transaction-params';
import { describeIntent, describeSimulation, type SigningView } from './view';

export interface PreparedTransaction {
  network: Network;
  tx: TransactionParams;
  intent: Intent;
  view: SigningView;
}

/** Everything the approval window shows for `tx` on `network`: decoded intent, simulation, verdict. */
export async function prepareTransaction(deps: SigningDeps, network: Network, tx: TransactionParams): Promise<PreparedTransaction> {
  if (tx.chainId !== undefined && tx.chainId !== network.chainId) {
    throw rpcErrors.invalidParams(`The transaction is for chain ${tx.chainId} but the active network is ${network.chainId}.`);
  }
  const rpc = deps.rpcFor(network);
  const base = { from: tx.from, to: tx.to, data: tx.data, value: tx.value, chainId: network.chainId };
  const firstPass = decodeTransaction(base);
  const read = await deps.tokenInfo.lookupFor(rpc, network.chainId, firstPass.tokens);
  // A look-alike token is named as one in the summary, the changes and the simulation alike.
  const info = deps.tokens.shown(network.chainId, read);
  const intent = decodeTransaction(base, { tokenInfo: info, nativeSymbol: network.nativeCurrency.symbol });
  const simulation = await simulateTransaction(rpc, { from: tx.from, to: tx.to, data: tx.data, value: tx.value, gas: tx.gas }).catch(
    (err): SimulationResult => ({ ok: false, reason: 'unsupported', message: err instanceof Error ? err.message : 'simulation failed' }),
  );
  const contracts = await contractRecipients(rpc, deps.tokens, network.chainId, intent);
  const verdict = withImitations(
    await judge(deps, { intent, chainId: network.chainId, rpc, account: tx.from, info, simulation, contracts }),
    imitationReasons(deps.tokens, network.chainId, intent.tokens, read),
  );
  const nativeSymbol = network.nativeCurrency.symbol;
  const view: SigningView = {
    account: tx.from,
    chainId: network.chainId,
    chainName: network.name,
    summary: intent.summary,
    intentKind: intent.kind,
    ...describeIntent(intent, info, nativeSymbol),
    simulation: describeSimulation(simulation, info, network),
    verdict,
    warnings: intent.warnings,
    transaction: { to: tx.to, value: formatUnits(tx.value, 18), data: tx.data, nativeSymbol },
  };
  return { network, tx, intent, view };
}

/** Prepare, approve, broadcast, record: the one road every transaction takes. */
export async function submitTransaction(
  deps: SigningDeps,
  nonces: NonceManager,
  origin: string,
  tx: TransactionParams,
  recheck: Recheck,
): Promise<Hex> {
  const network = await deps.activeNetwork();
  const prepared = await prepareTransaction(deps, network, tx);
  await approveSigning(deps, origin, 'transaction', prepared.view, recheck);
  const hash = await broadcast(deps, nonces, network, tx);
  // The transaction is out: failing to list it (storage full) must not fail the request.
  await deps
    .recordActivity({
      hash,
      chainId: network.chainId,
      from: tx.from,
      to: tx.to,
      origin,
      summary: prepared.intent.summary,
      status: 'pending',
      createdAt: deps.clock.now(),
      nonce: -1,
    })
    .catch(() => undefined);
  deps.stateChanged();
  return hash;
}

/** eth_sendTransaction from a site: strict params, an account the site may use, then the road above. */
export async function sendTransaction(deps: SigningDeps, nonces: NonceManager, origin: string, params: unknown[]): Promise<Hex> {
  const tx = parseTransactionParams(params);
  const from: Address = await signerFor(deps, origin, tx.from);
  return submitTransaction(deps, nonces, origin, { ...tx, from }, () => deps.requireAccount(origin, from));
}

/** The wallet's own transactions (send form, mint, redeem): `origin` labels the request in the window. */
export async function submitOwnTransaction(deps: SigningDeps, nonces: NonceManager, origin: string, tx: TransactionParams): Promise<Hex> {
  await deps.ready();
  const from = await deps.ownAccount(tx.from);
  return submitTransaction(deps, nonces, origin, { ...tx, from }, () => deps.ownAccount(from));
}
