/** What the approval window shows for a request that signs, built from the decoded intent. */
import { type Address, formatUnits } from 'viem';
import type { Network } from '../chains';
import type { ComplianceResult } from '../compliance';
import type { Intent, SimulationResult, TokenInfo } from '../intent';
import type { FeeView } from './fee-choice';

export interface SigningView {
  account: string;
  chainId: number;
  chainName: string;
  summary: string;
  intentKind: string;
  /**
   * What leaves the signing account ('out') and what the request buys ('in'). An 'in' with a
   * `recipient` goes to that address, not to the signing account.
   */
  changes: { token: string; symbol: string; amount: string; direction: 'in' | 'out'; bound?: 'min' | 'max'; recipient?: string }[];
  approvals: { token: string; symbol: string; spender: string; amount: string; unlimited: boolean }[];
  simulation: { status: 'ok' | 'reverted' | 'unsupported' | 'not-run'; note?: string; changes?: { token: string; symbol: string; delta: string }[] };
  verdict: ComplianceResult;
  warnings: { code: string; message: string }[];
  message?: string;
  typedData?: string;
  /** `sentTo`: the addresses the transaction's token transfers deliver to. */
  transaction?: { to?: string; value: string; data?: string; nativeSymbol: string; sentTo?: string[] };
  /** The network fee, estimated before approval: the gas limit and fee caps signed are picked from these. */
  fee?: FeeView;
  /** This transaction replaces a pending one (same nonce). */
  replaces?: { hash: string; kind: 'speed-up' | 'cancel' };
  /** For typed data: the contract the signature is for (the EIP-712 domain's verifyingContract). */
  verifyingContract?: string;
  /** Lower-cased address -> the name the wallet knows it by (own account, issuer or protocol contract). */
  labels?: Record<string, string>;
}

type InfoOf = (address: Address) => TokenInfo | undefined;

const amountText = (amount: bigint, info: TokenInfo | undefined) => (info ? formatUnits(amount, info.decimals) : `${amount} (raw units)`);

/** The intent's asset movements and allowances in the user's units. */
export function describeIntent(intent: Intent, info: InfoOf, nativeSymbol: string): Pick<SigningView, 'changes' | 'approvals'> {
  const symbolOf = (token: Address | 'native') => (token === 'native' ? nativeSymbol : (info(token)?.symbol ?? token));
  const amountOf = (token: Address | 'native', amount: bigint) =>
    amountText(amount, token === 'native' ? { symbol: nativeSymbol, decimals: 18 } : info(token));
  const changes: SigningView['changes'] = [
    ...intent.assetsOut.map((m) => ({
      token: m.token,
      symbol: symbolOf(m.token),
      amount: amountOf(m.token, m.amount),
      direction: 'out' as const,
      ...(m.max ? { bound: 'max' as const } : {}),
    })),
    ...intent.assetsIn.map((m) => ({
      token: m.token,
      symbol: symbolOf(m.token),
      amount: amountOf(m.token, m.amount),
      direction: 'in' as const,
      ...(m.min ? { bound: 'min' as const } : {}),
    })),
    // Proceeds paid to another address are still bought by this request: shown, with who gets them.
    ...(intent.deliveries ?? [])
      .filter((d) => d.reason === 'proceeds')
      .map((d) => ({
        token: d.token,
        symbol: symbolOf(d.token),
        amount: amountOf(d.token, d.amount),
        direction: 'in' as const,
        ...(d.min ? { bound: 'min' as const } : {}),
        recipient: d.to,
      })),
  ];
  const approvals = intent.approvals.map((a) => ({
    token: a.token,
    symbol: symbolOf(a.token),
    spender: a.spender,
    amount: a.unlimited ? 'unlimited' : amountOf(a.token, a.amount),
    unlimited: a.unlimited,
  }));
  return { changes, approvals };
}

/** The simulation's outcome as the window words it. */
export function describeSimulation(simulation: SimulationResult, info: InfoOf, network: Network): SigningView['simulation'] {
  if (simulation.ok) {
    return {
      status: 'ok',
      changes: simulation.changes.map((c) => {
        const token = c.token === 'native' ? undefined : info(c.token);
        const decimals = c.token === 'native' ? 18 : token?.decimals;
        return {
          token: c.token,
          symbol: c.token === 'native' ? network.nativeCurrency.symbol : (token?.symbol ?? c.token),
          delta: decimals === undefined ? `${c.delta} (raw units)` : formatUnits(c.delta, decimals),
        };
      }),
    };
  }
  if (simulation.reason === 'reverted') return { status: 'reverted', note: simulation.revertReason ?? 'The transaction would fail.' };
  return {
    status: 'unsupported',
    note: 'Sharekeep could not simulate this transaction on this network, so the balance changes below come from decoding alone.',
  };
}
