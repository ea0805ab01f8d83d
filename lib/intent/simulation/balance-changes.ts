import { type Address, getAddress, isAddressEqual } from 'viem';
import type { TokenRef } from '../types';
import type { CallFrame, Log } from './schemas';

export interface BalanceChange {
  token: TokenRef;
  delta: bigint;
}

const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';
/** eth_simulateV1 with traceTransfers reports native transfers as logs from this address. */
export const NATIVE_TRANSFER_ADDRESS = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE';
/** The EVM stops at 1024 nested calls; a deeper trace is not a real one. */
const MAX_CALL_DEPTH = 1024;
/** Call types whose value moves from `from` to `to`; a delegatecall's value is its caller's. */
const VALUE_MOVING = new Set(['CALL', 'CREATE', 'CREATE2', 'SELFDESTRUCT']);

const topicAddress = (topic: string): Address => getAddress(`0x${topic.slice(26)}`);

/** Sums the movements that touch `account`, per token. */
export class BalanceLedger {
  private readonly deltas = new Map<TokenRef, bigint>();
  /** Every ERC-20 whose Transfer the execution emits, whoever sends or receives it. */
  private readonly movedTokens = new Set<Address>();
  private readonly account: Address;
  constructor(account: Address) {
    this.account = account;
  }

  move(token: TokenRef, from: Address, to: Address, amount: bigint) {
    if (amount === 0n) return;
    const delta = (isAddressEqual(to, this.account) ? amount : 0n) - (isAddressEqual(from, this.account) ? amount : 0n);
    if (delta !== 0n) this.deltas.set(token, (this.deltas.get(token) ?? 0n) + delta);
  }

  /** ERC-20 Transfer logs (three topics; ERC-721's has four) and traced native transfers. */
  addLogs(logs: readonly Log[]) {
    for (const log of logs) {
      if (log.topics.length !== 3 || log.topics[0].toLowerCase() !== TRANSFER_TOPIC || log.data.length !== 66) continue;
      const token: TokenRef = isAddressEqual(log.address as Address, NATIVE_TRANSFER_ADDRESS) ? 'native' : getAddress(log.address);
      if (token !== 'native' && BigInt(log.data) > 0n) this.movedTokens.add(token);
      this.move(token, topicAddress(log.topics[1]), topicAddress(log.topics[2]), BigInt(log.data));
    }
  }

  /** Value and logs of a call tree; frames that failed are rolled back with their children. */
  addCallFrame(frame: CallFrame, depth = 0) {
    if (depth > MAX_CALL_DEPTH) throw new RangeError('The trace is deeper than the EVM allows.');
    if (frame.error) return;
    if (frame.to && frame.value && VALUE_MOVING.has(frame.type.toUpperCase())) {
      this.move('native', getAddress(frame.from), getAddress(frame.to), BigInt(frame.value));
    }
    this.addLogs(frame.logs ?? []);
    for (const child of frame.calls ?? []) this.addCallFrame(child, depth + 1);
  }

  /** Tokens the execution moves between any two addresses (e.g. to another recipient). */
  moved(): Address[] {
    return [...this.movedTokens];
  }

  changes(): BalanceChange[] {
    return [...this.deltas].filter(([, delta]) => delta !== 0n).map(([token, delta]) => ({ token, delta }));
  }
}
