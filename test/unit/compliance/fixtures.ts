import { type Address, getAddress } from 'viem';
import { type ComplianceResult, evaluate, type TokenPolicy } from '../../../lib/compliance';
import type { SimulationResult } from '../../../lib/intent';

export const CHAIN = 31337;
export const USER: Address = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
/** The user's own second account: a buy delivered there is still the user's. */
export const SECOND_ACCOUNT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
export const PAIR: Address = '0x4444444444444444444444444444444444444444';
export const FEE_COLLECTOR: Address = '0x5555555555555555555555555555555555555555';
export const AGGREGATOR: Address = '0x6666666666666666666666666666666666666666';
export const UNIVERSAL_ROUTER: Address = '0x66a9893cC07D91D95644AEDD05D03f95e1dBA8Af';
export const V2_ROUTER: Address = '0x7a250d5630B4cF539739dF2C5dAcb4c659F2488D';
export const V3_ROUTER: Address = '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45';
export const PERMIT2: Address = '0x000000000022D473030F116dDEE9F6B43aC78BA3';
export const REACTOR: Address = '0x6000da47483062A0D734Ba3dc7576Ce6A0B645C4';
export const ZEROEX: Address = '0xDef1C0ded9bec7F1a1670819833240f027b25EfF';

export const XSTOCK: Address = '0x8aD3c73F833d3F9A523aB01476625F269aEB7Cf0'; // excluded for US residents
export const USDC: Address = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'; // registry stablecoin, no rule
export const NOT_LISTED: Address = '0x3333333333333333333333333333333333333333'; // a plain ERC-20

export const XSTOCKS_TERMS = 'https://example.test/xstocks/terms';
const policies: Record<string, TokenPolicy> = {
  // Forbids all dealing, so each path the guard reads (buy, sell, approve, name) is one it must refuse.
  [XSTOCK]: {
    symbol: 'TSLAx',
    issuerName: 'Backed Assets (JE) Limited',
    security: true,
    rule: { kind: 'excluded', places: ['US'], forbids: ['all'], source: XSTOCKS_TERMS, read: '2026-12-02' },
    terms: XSTOCKS_TERMS,
    verified: true,
  },
  [USDC]: { symbol: 'USDC', issuerName: 'Circle', security: false, rule: null, terms: 'https://example.test/usdc', verified: true },
};
export const lookupToken = (chainId: number, address: string) => (chainId === CHAIN ? policies[getAddress(address)] : undefined);

type Judged = Parameters<typeof evaluate>[0];
export interface JudgeOptions {
  simulation?: SimulationResult;
  contracts?: Address[];
}

export const judge = (intent: Judged['intent'], jurisdiction: string, options: JudgeOptions = {}): ComplianceResult =>
  evaluate({ intent, jurisdiction, lookupToken, chainId: CHAIN, ...options });

/** The block reasons' texts, which the approval window shows. */
export const blocking = (result: ComplianceResult) => result.reasons.filter((r) => r.severity === 'block');

export const okSimulation = (changes: { token: Address; delta: bigint }[], moved: Address[] = []): SimulationResult => ({
  ok: true,
  method: 'eth_simulateV1',
  gasUsed: 1n,
  changes,
  moved,
});
export const UNAVAILABLE: SimulationResult = { ok: false, reason: 'unsupported', message: 'this node cannot trace' };
export const REVERTED: SimulationResult = { ok: false, reason: 'reverted', revertReason: 'STF' };

/** EIP-712 fields from a Solidity-like list: 'address token,uint256 amount'. */
export const fields = (list: string) =>
  list.split(',').map((f) => {
    const [type, name] = f.trim().split(' ');
    return { type, name };
  });

export function typedData(primaryType: string, types: Record<string, string>, message: Record<string, unknown>, domain: Record<string, unknown>) {
  const domainFields = [
    ...(domain.name !== undefined ? [{ name: 'name', type: 'string' }] : []),
    ...(domain.version !== undefined ? [{ name: 'version', type: 'string' }] : []),
    { name: 'chainId', type: 'uint256' },
    ...(domain.verifyingContract !== undefined ? [{ name: 'verifyingContract', type: 'address' }] : []),
  ];
  return {
    domain: { ...domain, chainId: CHAIN },
    primaryType,
    types: { EIP712Domain: domainFields, ...Object.fromEntries(Object.entries(types).map(([k, v]) => [k, fields(v)])) },
    message,
  };
}
