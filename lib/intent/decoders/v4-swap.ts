import { type AbiParameter, type Address, decodeAbiParameters, getAddress, type Hex, parseAbiParameters } from 'viem';
import type { TokenRef } from '../types';
import { MSG_SENDER, type SwapFlow } from './swap-flow';
import { addressWords } from './words';

/**
 * The Universal Router's V4_SWAP command: `abi.encode(bytes actions, bytes[] params)`,
 * one v4-periphery action (Actions.sol) per byte. Swap structs differ between router
 * versions (fields were added after the amounts), so the guard does not depend on one
 * layout: every address a swap step names is a currency it trades, and the settle and
 * take steps, whose layout is stable, say what the user pays and who receives what.
 */
type SwapShape = 'exact-in-single' | 'exact-in' | 'exact-out-single' | 'exact-out';
const SWAPS: Record<number, SwapShape> = { 6: 'exact-in-single', 7: 'exact-in', 8: 'exact-out-single', 9: 'exact-out' };

const p = (s: string) => parseAbiParameters(s) as readonly AbiParameter[];
const STEPS: Record<number, { name: string; params: readonly AbiParameter[] }> = {
  11: { name: 'SETTLE', params: p('address currency, uint256 amount, bool payerIsUser') },
  12: { name: 'SETTLE_ALL', params: p('address currency, uint256 maxAmount') },
  13: { name: 'SETTLE_PAIR', params: p('address currency0, address currency1') },
  14: { name: 'TAKE', params: p('address currency, address recipient, uint256 amount') },
  15: { name: 'TAKE_ALL', params: p('address currency, uint256 minAmount') },
  16: { name: 'TAKE_PORTION', params: p('address currency, address recipient, uint256 bips') },
  17: { name: 'TAKE_PAIR', params: p('address currency0, address currency1, address recipient') },
  18: { name: 'CLOSE_CURRENCY', params: p('address currency') },
  19: { name: 'CLEAR_OR_TAKE', params: p('address currency, uint256 amountMax') },
  20: { name: 'SWEEP', params: p('address currency, address to') },
  21: { name: 'WRAP', params: p('uint256 amount') },
  22: { name: 'UNWRAP', params: p('uint256 amount') },
};

/** Native currency is address 0 in v4 pools. */
const currency = (address: Address): TokenRef => (BigInt(address) === 0n ? 'native' : getAddress(address));

interface Leg {
  tokenIn?: TokenRef;
  /** What the user pays into the leg: exact (exact-in) or at most (exact-out). */
  pays?: bigint;
}

const word = (hex: string, i: number): bigint | undefined => {
  const w = hex.slice(i * 64, (i + 1) * 64);
  return w.length === 64 ? BigInt(`0x${w}`) : undefined;
};
const asAddress = (value: bigint | undefined): Address | undefined =>
  value !== undefined && value < 2n ** 160n ? getAddress(`0x${value.toString(16).padStart(40, '0')}`) : undefined;

/**
 * The input currency and amount of a swap step, read from the head of its struct,
 * which every router version lays out the same way: PoolKey (currency0, currency1,
 * fee, tickSpacing, hooks), zeroForOne, amount, bound for single-pool steps, and the
 * start currency first for multi-pool steps.
 */
function readLeg(shape: SwapShape, param: Hex): Leg {
  const hex = param.slice(2);
  const offset = word(hex, 0);
  if (offset === undefined || offset % 32n !== 0n || offset > BigInt(hex.length / 2)) return {};
  const base = Number(offset / 32n);
  if (shape === 'exact-in-single' || shape === 'exact-out-single') {
    const [c0, c1, zeroForOne] = [asAddress(word(hex, base)), asAddress(word(hex, base + 1)), word(hex, base + 5)];
    if (!c0 || !c1 || (zeroForOne !== 0n && zeroForOne !== 1n)) return {};
    const tokenIn = currency(zeroForOne === 1n ? c0 : c1);
    return { tokenIn, pays: word(hex, base + (shape === 'exact-in-single' ? 6 : 7)) };
  }
  // Multi-pool steps name their start currency first; where the amounts sit differs
  // between versions, so what is paid is left to SETTLE_ALL.
  const first = asAddress(word(hex, base));
  return shape === 'exact-in' && first ? { tokenIn: currency(first) } : {};
}

function decodeStep(params: readonly AbiParameter[], input: Hex): readonly unknown[] | undefined {
  try {
    return decodeAbiParameters(params, input);
  } catch {
    return undefined;
  }
}

export function decodeV4Swap(actions: Hex, params: readonly Hex[], flow: SwapFlow): void {
  const codes = (actions.slice(2).match(/../g) ?? []).map((b) => Number.parseInt(b, 16));
  if (codes.length !== params.length) {
    flow.warn({ code: 'malformed-calldata', message: `A V4 swap gets ${codes.length} actions but ${params.length} inputs; it will be rejected.` });
  }
  const legs: Leg[] = [];
  const paidFor = (token: TokenRef) => legs.find((l) => l.tokenIn === token)?.pays ?? 0n;
  const pay = (token: TokenRef, amount: bigint, bound?: 'max') => {
    // Native currency is paid with the call's value, which the router step already counts.
    if (token !== 'native') flow.pay(token, amount, bound);
  };
  codes.forEach((code, i) => {
    const param = params[i] ?? '0x';
    const shape = SWAPS[code];
    if (shape) {
      flow.trade(addressWords(param).filter((a) => BigInt(a) !== 0n));
      legs.push(readLeg(shape, param));
      return;
    }
    const step = STEPS[code];
    const args = step ? decodeStep(step.params, param) : undefined;
    if (!step || !args) {
      flow.mention(addressWords(param));
      flow.warn({
        code: 'undecoded-router-command',
        message: `V4 swap action 0x${code.toString(16).padStart(2, '0')} is not decoded; its effect is shown only by the simulation.`,
      });
      return;
    }
    const c = (k: number) => currency(args[k] as Address);
    switch (step.name) {
      case 'SETTLE':
        if (args[2] === true) pay(c(0), (args[1] as bigint) || paidFor(c(0)));
        break;
      case 'SETTLE_ALL':
        pay(c(0), args[1] as bigint, 'max');
        break;
      case 'SETTLE_PAIR':
        pay(c(0), paidFor(c(0)));
        pay(c(1), paidFor(c(1)));
        break;
      case 'TAKE':
        flow.receive(c(0), args[2] as bigint, args[1] as Address, (args[2] as bigint) === 0n ? 'min' : undefined);
        break;
      case 'TAKE_ALL':
        flow.receive(c(0), args[1] as bigint, MSG_SENDER, 'min');
        break;
      case 'TAKE_PORTION':
        flow.receivePortion(c(0), args[2] as bigint, args[1] as Address);
        break;
      case 'TAKE_PAIR':
        flow.receive(c(0), 0n, args[2] as Address, 'min');
        flow.receive(c(1), 0n, args[2] as Address, 'min');
        break;
      case 'SWEEP':
        flow.receive(c(0), 0n, args[1] as Address, 'min');
        break;
      case 'CLOSE_CURRENCY':
      case 'CLEAR_OR_TAKE':
        flow.trade([args[0] as Address].filter((a) => BigInt(a) !== 0n));
        break;
    }
  });
  if (codes.length === 0) flow.warn({ code: 'malformed-calldata', message: 'A V4 swap step names no actions.' });
}
