import { type Address, type Hex, numberToHex } from 'viem';
import type { RpcCall } from '../../ports';
import type { TransactionRequestLike } from '../types';
import { type BalanceChange, BalanceLedger } from './balance-changes';
import { describeRevertData } from './revert-reason';
import { CallFrameSchema, parseAnswer, type SimulateV1Call, SimulateV1Result } from './schemas';

export type { RpcCall };

export type SimulationResult =
  | {
      ok: true;
      changes: BalanceChange[];
      gasUsed: bigint;
      method: 'eth_simulateV1' | 'debug_traceCall';
      /** ERC-20s the execution moves between any addresses, the sender's or not. */
      moved?: Address[];
    }
  | { ok: false; reason: 'reverted'; revertReason: string }
  | { ok: false; reason: 'unsupported'; message: string };

export type SimulateTransactionParameters = Pick<TransactionRequestLike, 'from' | 'to' | 'data' | 'value'> & { gas?: bigint };

interface NodeError {
  code?: number;
  message: string;
  data?: Hex;
}

function readError(err: unknown): NodeError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const cause = (typeof e.cause === 'object' && e.cause !== null ? e.cause : {}) as Record<string, unknown>;
  const code = typeof e.code === 'number' ? e.code : typeof cause.code === 'number' ? cause.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  const raw = typeof e.data === 'string' ? e.data : typeof cause.data === 'string' ? cause.data : undefined;
  return { code, message: message.slice(0, 500), data: raw && /^0x[0-9a-fA-F]*$/.test(raw) ? (raw as Hex) : undefined };
}

/** Whether a failed eth_call means the transaction itself would fail (not the node). */
function isExecutionFailure(error: NodeError): boolean {
  return error.code === 3 || error.data !== undefined || /revert|insufficient funds|out of gas|execution/i.test(error.message);
}

function callObject(tx: SimulateTransactionParameters) {
  return {
    from: tx.from,
    ...(tx.to ? { to: tx.to } : {}),
    ...(tx.data && tx.data !== '0x' ? { data: tx.data } : {}),
    ...(tx.value ? { value: numberToHex(tx.value) } : {}),
    ...(tx.gas ? { gas: numberToHex(tx.gas) } : {}),
  };
}

const reverted = (data: Hex | undefined, fallback: string): SimulationResult => ({
  ok: false,
  reason: 'reverted',
  revertReason: describeRevertData(data) ?? fallback,
});

/** The result of one call of an eth_simulateV1 block. */
function callResult(call: SimulateV1Call, from: Address): SimulationResult {
  if (BigInt(call.status) !== 1n) {
    return reverted((call.returnData ?? call.error?.data) as Hex | undefined, call.error?.message ?? 'The transaction would fail.');
  }
  const ledger = new BalanceLedger(from);
  ledger.addLogs(call.logs ?? []);
  return { ok: true, changes: ledger.changes(), gasUsed: BigInt(call.gasUsed), method: 'eth_simulateV1', moved: ledger.moved() };
}

/** The transactions in order in one simulated block: each runs on the state the ones before it leave. */
async function viaSimulateV1(rpc: RpcCall, txs: readonly SimulateTransactionParameters[]): Promise<SimulationResult[] | { fallBack: string }> {
  let answer: unknown;
  try {
    answer = await rpc('eth_simulateV1', [{ blockStateCalls: [{ calls: txs.map(callObject) }], traceTransfers: true, validation: false }, 'latest']);
  } catch (err) {
    return { fallBack: readError(err).message };
  }
  const blocks = parseAnswer(SimulateV1Result, answer);
  if (!blocks || blocks[0].calls.length !== txs.length) return { fallBack: 'the node gave an unreadable eth_simulateV1 answer' };
  return blocks[0].calls.map((call, i) => callResult(call, txs[i].from as Address));
}

async function viaCallAndTrace(rpc: RpcCall, tx: SimulateTransactionParameters, why: string): Promise<SimulationResult> {
  try {
    await rpc('eth_call', [callObject(tx), 'latest']);
  } catch (err) {
    const error = readError(err);
    if (isExecutionFailure(error)) return reverted(error.data, error.message);
    return { ok: false, reason: 'unsupported', message: `This network cannot run a dry run of the transaction (${error.message}).` };
  }
  let answer: unknown;
  try {
    answer = await rpc('debug_traceCall', [callObject(tx), 'latest', { tracer: 'callTracer', tracerConfig: { withLog: true } }]);
  } catch (err) {
    return {
      ok: false,
      reason: 'unsupported',
      message: `The transaction would not fail, but this network cannot show its balance changes (${why}; ${readError(err).message}).`,
    };
  }
  const frame = parseAnswer(CallFrameSchema, answer);
  if (!frame) return { ok: false, reason: 'unsupported', message: 'The transaction would not fail, but the network gave an unreadable trace.' };
  if (frame.error) return reverted(frame.output as Hex | undefined, frame.revertReason ?? frame.error);
  const ledger = new BalanceLedger(tx.from as Address);
  ledger.addCallFrame(frame);
  return { ok: true, changes: ledger.changes(), gasUsed: BigInt(frame.gasUsed ?? '0x0'), method: 'debug_traceCall', moved: ledger.moved() };
}

/**
 * Runs the transaction against the chain without sending it and reports how the
 * sender's balances would change. Tries eth_simulateV1 (with traced native
 * transfers) first, then eth_call plus a call-tracer trace; says plainly when the
 * network can do neither. Never throws; the node's answers are validated.
 */
export async function simulateTransaction(rpc: RpcCall, tx: SimulateTransactionParameters): Promise<SimulationResult> {
  try {
    const first = await viaSimulateV1(rpc, [tx]);
    if (!('fallBack' in first)) return first[0];
    return await viaCallAndTrace(rpc, tx, first.fallBack);
  } catch {
    return UNREADABLE;
  }
}

const UNREADABLE: SimulationResult = {
  ok: false,
  reason: 'unsupported',
  message: 'The network’s simulation answer could not be read, so balance changes cannot be shown.',
};

/**
 * Transactions meant to be sent one after another (an allowance, then the call that spends it),
 * each simulated on the state the earlier ones leave, in one eth_simulateV1 block. A node without
 * eth_simulateV1 runs each alone instead (a later one may then fail for want of the earlier).
 */
export async function simulateSequence(rpc: RpcCall, txs: readonly SimulateTransactionParameters[]): Promise<SimulationResult[]> {
  try {
    const together = await viaSimulateV1(rpc, txs);
    if (!('fallBack' in together)) return together;
  } catch {
    // Unreadable answer: each transaction alone below.
  }
  return Promise.all(txs.map((tx) => simulateTransaction(rpc, tx)));
}
