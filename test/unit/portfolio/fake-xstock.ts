/**
 * A scripted Backed multiplier token (xStocks) for the fake chain, answering the views
 * of IBackedAutoFeeToken at a given block time the way the contract computes them:
 * multiplier() counts a due scheduled activation, getCurrentMultiplier() also counts the
 * fee periods since lastTimeFeeApplied (from the activation, when that is later), and
 * balanceOf uses the latter. Events it would have emitted are encoded with viem.
 */
import { encodeAbiParameters, encodeEventTopics, type Hex, parseAbi } from 'viem';
import type { FakeContract } from './fake-chain.ts';

const WAD = 10n ** 18n;

export const xStockEvents = parseAbi([
  'event MultiplierUpdated(uint256 value)',
  'event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime)',
  'event MultiplierScheduleOverridden(uint256 overriddenMultiplier, uint256 overriddenActivationTime, uint256 newMultiplier, uint256 newActivationTime)',
]);

export interface XStockState {
  /** lastMultiplier(): the last stored, activated multiplier. */
  lastMultiplier: bigint;
  lastMultiplierNonce: bigint;
  feePerPeriod: bigint;
  periodLength: bigint;
  lastTimeFeeApplied: bigint;
  pending: { value: bigint; activationTime: bigint; nonce: bigint } | null;
  /** multiplierUpdates(1..): explicit updates, a future one still pending (index 0, the sentinel, is added). */
  updates: { previousMultiplier: bigint; newMultiplier: bigint; activationTime: bigint }[];
  shares: Record<string, bigint>;
  /** Block time, epoch seconds. */
  now: bigint;
}

export function xStockViews(s: XStockState) {
  const due = s.pending !== null && s.pending.activationTime !== 0n && s.now >= s.pending.activationTime;
  const active = due && s.pending ? s.pending.value : s.lastMultiplier;
  const feeClock = due && s.pending && s.pending.activationTime > s.lastTimeFeeApplied ? s.pending.activationTime : s.lastTimeFeeApplied;
  const periods = (s.now - feeClock) / s.periodLength;
  let current = active;
  for (let i = 0n; i < periods; i++) current = (current * (WAD - s.feePerPeriod)) / WAD;
  const nonce = (due && s.pending ? s.pending.nonce : s.lastMultiplierNonce) + periods;
  return { active, current, periods, nonce };
}

/** The contract; `omit` lists views a token (an older deployment) does not have: they revert. */
export function fakeXStock(s: XStockState, omit: readonly string[] = []): FakeContract {
  const lower = () => Object.fromEntries(Object.entries(s.shares).map(([k, v]) => [k.toLowerCase(), v]));
  const contract: FakeContract = {
    balanceOf: ([account]) => ((lower()[String(account).toLowerCase()] ?? 0n) * xStockViews(s).current) / WAD,
    totalSupply: () => (Object.values(s.shares).reduce((a, b) => a + b, 0n) * xStockViews(s).current) / WAD,
    multiplier: () => xStockViews(s).active,
    lastMultiplier: () => s.lastMultiplier,
    getCurrentMultiplier: () => {
      const v = xStockViews(s);
      return [v.current, v.periods, v.nonce];
    },
    newMultiplier: () => s.pending?.value ?? 0n,
    newMultiplierActivationTime: () => s.pending?.activationTime ?? 0n,
    newMultiplierNonce: () => s.pending?.nonce ?? 0n,
    feePerPeriod: () => s.feePerPeriod,
    periodLength: () => s.periodLength,
    lastTimeFeeApplied: () => s.lastTimeFeeApplied,
    multiplierUpdatesLength: () => BigInt(s.updates.length + 1),
    multiplierUpdates: ([index]) => {
      const i = Number(index);
      if (i === 0) return [WAD, WAD, 0n];
      const u = s.updates[i - 1];
      if (!u) throw new Error('index out of bounds');
      return [u.previousMultiplier, u.newMultiplier, u.activationTime];
    },
  };
  for (const name of omit) contract[name] = 'revert';
  return contract;
}

export interface FakeLog {
  address: string;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex;
  transactionHash: Hex;
}

type XStockEvent =
  | { name: 'MultiplierUpdated'; args: [bigint] }
  | { name: 'MultiplierScheduled'; args: [bigint, bigint] }
  | { name: 'MultiplierScheduleOverridden'; args: [bigint, bigint, bigint, bigint] };

export function xStockLog(address: string, event: XStockEvent, block: number): FakeLog {
  return {
    address,
    topics: encodeEventTopics({ abi: xStockEvents, eventName: event.name }) as Hex[],
    data: encodeAbiParameters(
      event.args.map(() => ({ type: 'uint256' })),
      event.args,
    ),
    blockNumber: `0x${block.toString(16)}`,
    transactionHash: `0x${block.toString(16).padStart(64, '0')}`,
  };
}
