/**
 * eth_sendTransaction and the wallet's own sends: the network is fixed when the request
 * arrives; the transaction is decoded, simulated, judged and priced (gas limit, fee speeds) on
 * it, shown, approved with the fee the user picked, and then broadcast with exactly that gas
 * limit and those caps to that network's node only.
 */
import { contractLabels } from './labels';
import type { Address, Hex, TransactionSerializable } from 'viem';
import { formatUnits } from 'viem';
import type { Network } from '../chains';
import type { SentRecord } from '../state';
import { rpcErrors } from '../errors';
import { decodeTransaction, type Intent, type SimulationResult, simulateTransaction } from '../intent';
import { approveSigning, judge, type Recheck, signerFor } from './approve';
import { type Broadcast, broadcast, requireChain } from './broadcast';
import { chosenFees, describeFees, type FeePlan, highFeeReason, planFees } from './fee-choice';
import type { FeeCaps } from './fees';
import { imitationReasons, withImitations } from './imitations';
import { contractRecipients } from './recipients';
import type { SigningDeps } from './deps';
import { signAs } from './hardware';
import type { NonceManager } from './nonces';
import { parseTransactionParams, type TransactionParams } from './transaction-params';
import { describeIntent, describeSimulation, type SigningView } from './view';

export interface PreparedTransaction {
  network: Network;
  tx: TransactionParams;
  intent: Intent;
  view: SigningView;
  fees: FeePlan;
}

/** A replacement of a pending transaction: its nonce, and the caps it must outbid. */
export interface Replacing {
  hash: string;
  kind: 'speed-up' | 'cancel';
  nonce: number;
  floor: FeeCaps;
}

/** Everything the approval window shows for `tx` on `network`: decoded intent, simulation, verdict. */
export async function prepareTransaction(
  deps: SigningDeps,
  network: Network,
  tx: TransactionParams,
  replacing?: Replacing,
  /** A dry run already made (a step of a plan, run after the steps before it). */
  simulated?: SimulationResult,
): Promise<PreparedTransaction> {
  if (tx.chainId !== undefined && tx.chainId !== network.chainId) {
    throw rpcErrors.invalidParams(`The transaction is for chain ${tx.chainId} but the active network is ${network.chainId}.`);
  }
  const rpc = deps.rpcFor(network);
  // Gas and fees are read before the window opens: from a node serving another chain they would
  // mean nothing, so such a request is refused here (and the chain is asked again before sending).
  await requireChain(deps, network);
  const base = { from: tx.from, to: tx.to, data: tx.data, value: tx.value, chainId: network.chainId };
  const firstPass = decodeTransaction(base);
  const read = await deps.tokenInfo.lookupFor(rpc, network.chainId, firstPass.tokens);
  // A look-alike token is named as one in the summary, the changes and the simulation alike.
  const info = deps.tokens.shown(network.chainId, read);
  const intent = decodeTransaction(base, { tokenInfo: info, nativeSymbol: network.nativeCurrency.symbol });
  const simulation =
    simulated ??
    (await simulateTransaction(rpc, { from: tx.from, to: tx.to, data: tx.data, value: tx.value, gas: tx.gas }).catch(
      (err): SimulationResult => ({ ok: false, reason: 'unsupported', message: err instanceof Error ? err.message : 'simulation failed' }),
    ));
  const [contracts, fees] = await Promise.all([contractRecipients(rpc, deps.tokens, network.chainId, intent), planFees(rpc, tx, replacing?.floor)]);
  const highFee = highFeeReason(fees);
  const verdict = withImitations(
    await judge(deps, { intent, chainId: network.chainId, rpc, account: tx.from, info, simulation, contracts, sends: true }),
    [...imitationReasons(deps.tokens, network.chainId, intent.tokens, read), ...(highFee ? [highFee] : [])],
  );
  const nativeSymbol = network.nativeCurrency.symbol;
  const described = describeIntent(intent, info, nativeSymbol);
  const labels = await contractLabels(deps, network.chainId, [
    tx.to,
    ...described.approvals.map((a) => a.spender),
    ...described.changes.map((c) => c.recipient),
    ...(intent.deliveries ?? []).map((d) => d.to),
  ]);
  const view: SigningView = {
    account: tx.from,
    chainId: network.chainId,
    chainName: network.name,
    summary: intent.summary,
    intentKind: intent.kind,
    ...described,
    simulation: describeSimulation(simulation, info, network),
    verdict,
    warnings: intent.warnings,
    transaction: { to: tx.to, value: formatUnits(tx.value, 18), data: tx.data, nativeSymbol, ...transfersTo(intent) },
    fee: describeFees(fees, nativeSymbol),
    ...(replacing ? { replaces: { hash: replacing.hash, kind: replacing.kind } } : {}),
    labels,
  };
  return { network, tx, intent, view, fees };
}

/** Where the transaction's token transfers go, when it makes any. */
function transfersTo(intent: Intent): { sentTo?: string[] } {
  const to = [...new Set((intent.deliveries ?? []).filter((d) => d.reason === 'transfer').map((d) => d.to))];
  return to.length ? { sentTo: to } : {};
}

/** What the activity entry keeps of a sent transaction, so it can be sped up or cancelled. */
export function sentRecord(tx: TransactionParams, sent: Broadcast, fees: FeeCaps): SentRecord {
  return {
    ...(tx.to ? { to: tx.to } : {}),
    value: tx.value.toString(),
    ...(tx.data ? { data: tx.data } : {}),
    gas: sent.gas.toString(),
    ...(fees.type === 'legacy'
      ? { type: 'legacy', gasPrice: fees.gasPrice.toString() }
      : { type: 'eip1559', maxFeePerGas: fees.maxFeePerGas.toString(), maxPriorityFeePerGas: fees.maxPriorityFeePerGas.toString() }),
  };
}

/** Lists a signed transaction in Activity, marked unacknowledged, before the node sees it. */
export function listSent(
  deps: SigningDeps,
  request: { chainId: number; origin: string; summary: string },
  tx: TransactionParams,
  signed: Broadcast,
  fees: FeeCaps,
): Promise<void> {
  return deps.activity.add({
    hash: signed.hash,
    chainId: request.chainId,
    from: tx.from,
    to: tx.to,
    origin: request.origin,
    summary: request.summary,
    status: 'pending',
    createdAt: deps.clock.now(),
    nonce: signed.nonce,
    sent: sentRecord(tx, signed, fees),
    unacknowledged: true,
  });
}

/**
 * Prepare, approve, broadcast, record: the one road every transaction takes. The window's
 * answer is parsed into fee caps before it counts as an approval (a bad custom fee goes back
 * to the window); those caps and the gas limit shown are what the keyring signs.
 */
export async function submitTransaction(
  deps: SigningDeps,
  nonces: NonceManager,
  origin: string,
  tx: TransactionParams,
  recheck: Recheck,
  replacing?: Replacing,
  network?: Network,
): Promise<Hex> {
  const on = network ?? (await deps.activeNetwork());
  const prepared = await prepareTransaction(deps, on, tx, replacing);
  const fees = await approveSigning(deps, origin, 'transaction', prepared.view, recheck, (data) => chosenFees(prepared.fees, data));
  const record = (signed: Broadcast) =>
    replacing
      ? deps.activity.replace(replacing.hash, { hash: signed.hash, kind: replacing.kind, sent: sentRecord(tx, signed, fees), unacknowledged: true })
      : listSent(deps, { chainId: on.chainId, origin, summary: prepared.intent.summary }, tx, signed, fees);
  const context = { origin, view: prepared.view, recheck };
  const sign = (built: TransactionSerializable) => signAs(deps, context, tx.from, { method: 'transaction', tx: built });
  const sent = await broadcast(deps, nonces, on, tx, { gas: prepared.fees.gas, fees, nonce: replacing?.nonce, sign }, record);
  deps.stateChanged();
  return sent.hash;
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
