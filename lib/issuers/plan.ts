/**
 * An issuer request as one plan: every transaction it takes (the allowance the issuer contract
 * needs, when the current one does not cover it, then the attestation call, the order or the
 * deposit transfer), each with where the funds are once it is mined, and what the user gets, when
 * and from whom. The wallet's signing road shows it in one `issuer-request` window, decodes and
 * judges each step itself, and then sends exactly these steps without further windows.
 */
import { type Address, formatUnits, type Hex } from 'viem';
import { erc20Abi } from './abis';
import { allowanceNeed, approvalFor } from './allowance';
import type { ChainReader } from './chain';
import type { PriceCheck } from './price-check';
import type { IssuerRequest, TokenRefView } from './view';

export type PlanStepKind = 'allowance' | 'attestation' | 'order' | 'deposit';

export interface IssuerPlanStep {
  tx: { from: Address; to: Address; data: Hex; value: bigint };
  kind: PlanStepKind;
  title: string;
  /** Where the funds are once this step is mined. */
  funds: string;
}

/** What the plan window shows beside the steps, in the user's units. */
export interface IssuerPlanDetails {
  issuer: { name: string; origin: string };
  side: IssuerRequest['quote']['side'];
  protocol: IssuerRequest['quote']['protocol'];
  /** What leaves the account: the stablecoin for a mint, the tokens for a redemption. */
  pay: { amount: string; symbol: string };
  /** What the user gets, to whom, and when. */
  payout: { amount: string; symbol: string; to: string; when: string; from?: string };
  fee: { amount: string; symbol: string };
  /** The quote's deadline: chain time in seconds, and the wall-clock estimate in ms. */
  deadline: { expiry: string; expiresAt: number };
  priceCheck?: PriceCheck;
  /** Why the plan is asked again: the earlier approved one no longer matched at send time. */
  changed?: string;
}

export interface IssuerPlan {
  chainId: number;
  account: Address;
  title: string;
  details: IssuerPlanDetails;
  steps: IssuerPlanStep[];
}

const units = (amount: bigint, token: TokenRefView) => `${formatUnits(amount, token.decimals)} ${token.symbol}`;

export function whenPaid(request: IssuerRequest): string {
  const q = request.quote;
  if (q.protocol === 'attestation') return 'in the same transaction, once it is mined';
  if (q.protocol === 'order-processor') return `when ${request.issuer.name} fills the order`;
  const days = q.payout?.settlementDays ?? 3;
  return `within T+${days} (${days} business days after the deposit)`;
}

/** The issuer call (or the deposit transfer), with where the funds go. */
function callStep(request: IssuerRequest): IssuerPlanStep {
  const { quote: q, token, payment, issuer } = request;
  const tx = { from: request.user, to: q.target ?? q.contract, data: q.data, value: 0n };
  const tokens = units(q.quantity, token);
  const money = units(q.total, payment);
  if (q.protocol === 'deposit') {
    return {
      tx,
      kind: 'deposit',
      title: `Send ${tokens} to ${issuer.name}'s deposit address ${q.contract}`,
      funds: `Your ${tokens} go to ${issuer.name}'s deposit address; ${money} are paid to you from ${q.payout?.from ?? issuer.name} ${whenPaid(request)}.`,
    };
  }
  if (q.protocol === 'order-processor') {
    return q.side === 'mint'
      ? {
          tx,
          kind: 'order',
          title: `Place a buy order for ${tokens} with ${issuer.name}`,
          funds: `${money} are held in escrow by ${issuer.name}'s order processor until the order is filled; then ${tokens} come to you.`,
        }
      : {
          tx,
          kind: 'order',
          title: `Place a sell order for ${tokens} with ${issuer.name}`,
          funds: `Your ${tokens} are burnt by ${issuer.name}'s order processor; ${money} are paid to you ${whenPaid(request)}.`,
        };
  }
  return q.side === 'mint'
    ? {
        tx,
        kind: 'attestation',
        title: `Mint ${tokens} with ${issuer.name}'s signed quote`,
        funds: `${money} go from you to ${issuer.name}'s contract and ${tokens} come to you, in this one transaction.`,
      }
    : {
        tx,
        kind: 'attestation',
        title: `Redeem ${tokens} with ${issuer.name}'s signed quote`,
        funds: `Your ${tokens} go to ${issuer.name}'s contract and ${money} come to you, in this one transaction.`,
      };
}

/** The allowance step, when the issuer contract pulls the funds and the current allowance does not cover them. */
async function allowanceStep(chain: ChainReader, request: IssuerRequest): Promise<IssuerPlanStep | undefined> {
  // A deposit redemption is the user's own transfer: nothing pulls the tokens.
  if (request.quote.protocol === 'deposit') return undefined;
  const need = allowanceNeed(request);
  const current = (await chain.read(need.token, erc20Abi, 'allowance', [request.user, need.spender])) as bigint;
  if (current >= need.amount) return undefined;
  const asset = request.quote.side === 'mint' ? request.payment : request.token;
  const amount = units(need.amount, asset);
  return {
    tx: approvalFor(need, request.user),
    kind: 'allowance',
    title: `Allow ${request.issuer.name}'s contract ${need.spender} to ${request.quote.side === 'mint' ? 'take' : 'pull'} ${amount}`,
    funds: `Your ${asset.symbol} stay in your account; ${request.issuer.name}'s contract may take up to ${amount} from it.`,
  };
}

/** The plan of a quoted request, from the chain as it is now (the allowance already given is not asked again). */
export async function planFor(chain: ChainReader, request: IssuerRequest, changed?: string): Promise<IssuerPlan> {
  const { quote: q, token, payment, issuer } = request;
  const allowance = await allowanceStep(chain, request);
  const [pay, paidAsset] = q.side === 'mint' ? [units(q.total, payment), payment] : [units(q.quantity, token), token];
  const [payout, payoutAsset] = q.side === 'mint' ? [q.quantity, token] : [q.total, payment];
  const details: IssuerPlanDetails = {
    issuer: { name: issuer.name, origin: issuer.origin },
    side: q.side,
    protocol: q.protocol,
    pay: { amount: pay.split(' ')[0], symbol: paidAsset.symbol },
    payout: {
      amount: formatUnits(payout, payoutAsset.decimals),
      symbol: payoutAsset.symbol,
      to: request.user,
      when: whenPaid(request),
      ...(q.payout ? { from: q.payout.from } : {}),
    },
    fee: { amount: formatUnits(q.fee, payment.decimals), symbol: payment.symbol },
    deadline: { expiry: q.expiry.toString(), expiresAt: request.expiresAt },
    ...(request.priceCheck ? { priceCheck: request.priceCheck } : {}),
    ...(changed ? { changed } : {}),
  };
  const verb = q.side === 'mint' ? 'Mint' : 'Redeem';
  return {
    chainId: request.chainId,
    account: request.user,
    title: `${verb} ${units(q.quantity, token)} with ${issuer.name}`,
    details,
    steps: [...(allowance ? [allowance] : []), callStep(request)],
  };
}
