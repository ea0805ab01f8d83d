// A scripted chain of contracts for eth_call: each contract answers the functions of its ABI that
// the test scripts (viem decodes the calldata and encodes the answer); a function it does not
// script reverts, an address with no contract answers empty data (as an EOA does), and Multicall3
// aggregate3 runs each call with allowFailure, as the real one does.
import { type Abi, type Address, decodeFunctionData, encodeFunctionResult, getAddress, type Hex, parseAbi, zeroAddress } from 'viem';
import { backedAbi, dinariAbi, erc1404Abi, erc3643Abi, ondoComplianceAbi } from '../../../lib/tokens';

export const MULTICALL3: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';
const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
]);
const erc20 = parseAbi([
  'function symbol() view returns (string)',
  'function decimals() view returns (uint8)',
  'function balanceOf(address) view returns (uint256)',
]);

type Handler = (...args: never[]) => unknown;
export interface FakeContract {
  abi: Abi;
  fns: Record<string, Handler>;
}

export class Revert extends Error {}

export interface FakeChain {
  contracts: Map<Address, FakeContract>;
  /** Every eth_call's target, in order (Multicall3 counted once per batch). */
  calls: Address[];
  add(address: Address, abi: Abi, fns: Record<string, Handler>): void;
  /** An eth_call params handler: [{ to, data }, block]. Throws a revert error as a node does. */
  ethCall(params: unknown[]): Hex;
  multicalls(): number;
}

function run(contracts: Map<Address, FakeContract>, to: Address, data: Hex): { success: boolean; returnData: Hex } {
  const contract = contracts.get(getAddress(to));
  if (!contract) return { success: true, returnData: '0x' };
  let decoded: { functionName: string; args?: readonly unknown[] };
  try {
    decoded = decodeFunctionData({ abi: contract.abi, data });
  } catch {
    return { success: false, returnData: '0x' };
  }
  const handler = contract.fns[decoded.functionName];
  if (!handler) return { success: false, returnData: '0x' };
  try {
    const result = (handler as (...a: unknown[]) => unknown)(...(decoded.args ?? []));
    const fn = contract.abi.find((x) => x.type === 'function' && x.name === decoded.functionName) as { outputs: readonly unknown[] };
    if (!fn.outputs.length) return { success: true, returnData: '0x' };
    return { success: true, returnData: encodeFunctionResult({ abi: contract.abi, functionName: decoded.functionName, result } as never) };
  } catch {
    return { success: false, returnData: '0x' };
  }
}

export function createFakeChain(): FakeChain {
  const contracts = new Map<Address, FakeContract>();
  const calls: Address[] = [];
  return {
    contracts,
    calls,
    add(address, abi, fns) {
      contracts.set(getAddress(address), { abi, fns });
    },
    ethCall(params) {
      const { to, data } = params[0] as { to: Address; data: Hex };
      calls.push(getAddress(to));
      if (getAddress(to) === MULTICALL3) {
        const { args } = decodeFunctionData({ abi: multicall3Abi, data });
        const results = args[0].map((c) => {
          const r = run(contracts, c.target, c.callData);
          if (!r.success && !c.allowFailure) throw new Revert('Multicall3: call failed');
          return r;
        });
        return encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
      }
      const r = run(contracts, to, data);
      if (!r.success) throw Object.assign(new Error('execution reverted'), { code: 3 });
      return r.returnData;
    },
    multicalls: () => calls.filter((c) => c === MULTICALL3).length,
  };
}

// Full-width addresses, as real ones are: the guard reads 32-byte words of undecoded calldata as addresses only when they are that large.
const addr = (n: number): Address => getAddress(`0x${'5a'.repeat(18)}${n.toString(16).padStart(4, '0')}`);

/** Addresses of the scripted contracts. */
export const A = {
  t3643: addr(0x3643),
  ir: addr(0x3644),
  mc: addr(0x3645),
  restrict: addr(0x3646),
  allow: addr(0x3647),
  maxBalance: addr(0x3648),
  t1404: addr(0x1404),
  ondo: addr(0x0a0),
  ondoCompliance: addr(0x0a1),
  ondoPauser: addr(0x0a2),
  backed: addr(0xbac),
  sanctions: addr(0xbad),
  dinari: addr(0xd1),
  restrictor: addr(0xd2),
  plain: addr(0xe20),
  eoa: addr(0xe0a),
} as const;

export interface Scenario {
  /** ERC-3643 countries (numeric) its CountryRestrictModule restricts; `allowOnly` adds a CountryAllowModule. */
  restricted?: number[];
  allowOnly?: number[];
  verified?: boolean;
  /** The country the identity registry records for every user. */
  recordedCountry?: number;
  paused?: boolean;
  canTransfer?: boolean;
  /** The ERC-1404 code for any transfer. */
  code1404?: number;
  ondoCompliant?: boolean;
  /** The Ondo-style token's pause manager says it is paused. */
  ondoPaused?: boolean;
  sanctioned?: boolean;
  backedPaused?: boolean;
  blacklisted?: boolean;
  /** More modules listed by getModules than T-REX allows (25). */
  extraModules?: number;
  /** The ERC-1404 token reverts when asked about a zero address. */
  zeroReverts1404?: boolean;
  /** getModules reverts: a suite whose detection cannot finish. */
  modulesRevert?: boolean;
}

const erc20Fns = (symbol: string) => ({ symbol: () => symbol, decimals: () => 18, balanceOf: () => 0n });

/** One token of each standard plus a plain ERC-20, answering as `s` says. */
export function scriptStandards(chain: FakeChain, s: Scenario = {}): void {
  const restricted = s.restricted ?? [840];
  chain.add(A.t3643, [...erc3643Abi, ...erc20], {
    ...erc20Fns('SEC'),
    identityRegistry: () => A.ir,
    compliance: () => A.mc,
    paused: () => s.paused ?? false,
    isFrozen: () => false,
  });
  chain.add(A.ir, erc3643Abi, { isVerified: () => s.verified ?? true, investorCountry: () => s.recordedCountry ?? 0 });
  const padding = Array.from({ length: s.extraModules ?? 0 }, () => A.maxBalance);
  const modules = [A.restrict, A.maxBalance, ...(s.allowOnly ? [A.allow] : []), ...padding];
  chain.add(A.mc, erc3643Abi, {
    ...(s.modulesRevert ? {} : { getModules: () => modules }),
    canTransfer: () => s.canTransfer ?? true,
  });
  chain.add(A.restrict, erc3643Abi, { isCountryRestricted: (_c: Address, country: number) => restricted.includes(country) });
  chain.add(A.allow, erc3643Abi, { isCountryAllowed: (_c: Address, country: number) => (s.allowOnly ?? []).includes(country) });
  chain.add(A.maxBalance, parseAbi(['function name() pure returns (string)']), { name: () => 'MaxBalanceModule' });
  chain.add(A.t1404, [...erc1404Abi, ...erc20], {
    ...erc20Fns('R1404'),
    detectTransferRestriction: (from: Address, to: Address) => {
      if (s.zeroReverts1404 && (from === zeroAddress || to === zeroAddress)) throw new Revert('zero address');
      return s.code1404 ?? 0;
    },
    messageForTransferRestriction: (code: number) => (code === 1 ? 'Receiver is not whitelisted' : 'Unknown'),
  });
  chain.add(A.ondo, [...ondoComplianceAbi, ...erc20], {
    ...erc20Fns('TSLAon'),
    compliance: () => A.ondoCompliance,
    tokenPauseManager: () => A.ondoPauser,
  });
  chain.add(A.ondoPauser, ondoComplianceAbi, { isTokenPaused: (token: Address) => (s.ondoPaused ?? false) && getAddress(token) === A.ondo });
  chain.add(A.ondoCompliance, ondoComplianceAbi, {
    checkIsCompliant: () => {
      if (s.ondoCompliant === false) throw new Revert('NotCompliant');
    },
  });
  chain.add(A.backed, [...backedAbi, ...erc20], { ...erc20Fns('bTSLA'), isPaused: () => s.backedPaused ?? false, sanctionsList: () => A.sanctions });
  chain.add(A.sanctions, backedAbi, { isSanctioned: () => s.sanctioned ?? false });
  chain.add(A.dinari, [...dinariAbi, ...erc20], { ...erc20Fns('TSLA.d'), transferRestrictor: () => A.restrictor });
  chain.add(A.restrictor, dinariAbi, { isBlacklisted: () => s.blacklisted ?? false });
  chain.add(A.plain, erc20, erc20Fns('PLAIN'));
}
