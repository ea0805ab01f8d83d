/**
 * A fake node for portfolio tests: it decodes the aggregate3 eth_call it receives, runs
 * each inner call against scripted contracts and ABI-encodes every answer with viem,
 * exactly as a node running Multicall3 would return it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Abi, decodeFunctionData, encodeFunctionResult, getAddress, type Hex, parseAbi } from 'viem';
import { nodeModulesDir } from '../../../devnet/paths.ts';
import type { RpcRequester } from '../../../lib/registry/index.ts';

/** Functions of a real contract build shipped on npm, by name. */
function realAbi(artifact: string, names: readonly string[]): Abi {
  const { abi } = JSON.parse(readFileSync(join(nodeModulesDir, artifact), 'utf8')) as { abi: Abi };
  return abi.filter((item) => item.type === 'function' && names.includes(item.name));
}

/** Uniswap V3 pool and V2 pair views, from their npm builds. */
export const uniswapAbi: Abi = [
  ...realAbi('@uniswap/v3-core/artifacts/contracts/UniswapV3Pool.sol/UniswapV3Pool.json', ['slot0', 'liquidity']),
  ...realAbi('@uniswap/v2-core/build/UniswapV2Pair.json', ['getReserves']),
];

export const MULTICALL = '0xcA11bde05977b3631167028862bE2a173976CA11';

const portfolioAbi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getBlockNumber() view returns (uint256)',
  'function getCurrentBlockTimestamp() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function multiplier() view returns (uint256)',
  // Backed's IBackedAutoFeeToken views (xStocks).
  'function getCurrentMultiplier() view returns (uint256 currentMultiplier, uint256 periodsPassed, uint256 currentMultiplierNonce)',
  'function lastMultiplier() view returns (uint256)',
  'function newMultiplier() view returns (uint256)',
  'function newMultiplierActivationTime() view returns (uint256)',
  'function newMultiplierNonce() view returns (uint256)',
  'function feePerPeriod() view returns (uint256)',
  'function periodLength() view returns (uint256)',
  'function lastTimeFeeApplied() view returns (uint256)',
  'function multiplierUpdatesLength() view returns (uint256)',
  'function multiplierUpdates(uint256) view returns (uint256 previousMultiplier, uint256 newMultiplier, uint256 activationTime)',
  'function balancePerShare() view returns (uint128)',
  'function latestRoundData() view returns (uint80, int256, uint256, uint256, uint80)',
  'function getRoundData(uint80) view returns (uint80, int256, uint256, uint256, uint80)',
  'function decimals() view returns (uint8)',
  // Dinari's DShareFactory listing (v0.4.0) and the ERC-20 metadata a listed dShare is asked.
  'function getDShares() view returns (address[] dShares, address[] wrappedDShares)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  // Dinari's DividendDistribution views.
  'function nextDistributionId() view returns (uint256)',
  'function distributions(uint256) view returns (address token, uint256 remainingDistribution, uint256 endTime)',
]);
const abi: Abi = [...portfolioAbi, ...uniswapAbi];

/** A contract: function name -> answer (a function of the call's args), or 'revert'. */
export type FakeContract = Record<string, ((args: readonly unknown[]) => unknown) | 'revert'>;

export function erc20(balances: Record<string, bigint>, extra: FakeContract = {}): FakeContract {
  const lower = Object.fromEntries(Object.entries(balances).map(([k, v]) => [k.toLowerCase(), v]));
  return { balanceOf: ([account]) => lower[String(account).toLowerCase()] ?? 0n, ...extra };
}

export function feed(answer: bigint, decimals: number, updatedAt: number): FakeContract {
  return { latestRoundData: () => [7n, answer, BigInt(updatedAt), BigInt(updatedAt), 7n], decimals: () => decimals };
}

/**
 * A feed with past rounds, as a Chainlink proxy numbers them ((phase << 64) | round, rounds from 1):
 * `answers[i]` is aggregator round i + 1, updated `i` minutes after `firstAt`; a missing round reverts.
 */
export function feedWithRounds(answers: readonly bigint[], decimals: number, firstAt: number, phase = 1n): FakeContract {
  const id = (round: number) => (phase << 64n) | BigInt(round);
  const roundAt = (round: number) => [
    id(round),
    answers[round - 1],
    BigInt(firstAt + (round - 1) * 60),
    BigInt(firstAt + (round - 1) * 60),
    id(round),
  ];
  return {
    latestRoundData: () => roundAt(answers.length),
    getRoundData: ([roundId]) => {
      const asked = BigInt(roundId as bigint);
      const round = Number(asked & ((1n << 64n) - 1n));
      if (asked >> 64n !== phase || round < 1 || round > answers.length) throw new Error('No data present');
      return roundAt(round);
    },
    decimals: () => decimals,
  };
}

export interface FakeChain extends RpcRequester {
  requests: { method: string; calls?: number }[];
  /** Makes every request reject with this error until cleared. */
  failWith?: Error & { code?: number };
  /** A batch above this many calls is refused like a node out of gas. */
  maxCallsPerRequest?: number;
}

export function fakeChain(chainId: number, contracts: Record<string, FakeContract>, blockNumber = 123n): FakeChain {
  const byAddress = new Map(Object.entries(contracts).map(([a, c]) => [a.toLowerCase(), c]));
  const chain: FakeChain = {
    requests: [],
    async request({ method, params }) {
      if (chain.failWith) {
        chain.requests.push({ method });
        throw chain.failWith;
      }
      if (method === 'eth_chainId') {
        chain.requests.push({ method });
        return `0x${chainId.toString(16)}`;
      }
      if (method !== 'eth_call') throw new Error(`unexpected ${method}`);
      const [{ to, data }] = params as [{ to: string; data: Hex }];
      if (getAddress(to) !== MULTICALL) throw new Error(`unexpected eth_call to ${to}`);
      const { args } = decodeFunctionData({ abi, data });
      const calls = (args as readonly [readonly { target: string; callData: Hex }[]])[0];
      chain.requests.push({ method, calls: calls.length });
      if (chain.maxCallsPerRequest !== undefined && calls.length > chain.maxCallsPerRequest)
        throw new Error('out of gas: gas required exceeds allowance');
      const results = calls.map(({ target, callData }) => {
        // A selector the scripted ABI does not know reverts, as on a contract without that function.
        let call: ReturnType<typeof decodeFunctionData<Abi>>;
        try {
          call = decodeFunctionData({ abi, data: callData });
        } catch {
          return { success: false, returnData: '0x' as Hex };
        }
        if (target.toLowerCase() === MULTICALL.toLowerCase() && call.functionName === 'getBlockNumber') {
          return { success: true, returnData: encodeFunctionResult({ abi, functionName: 'getBlockNumber', result: blockNumber }) };
        }
        const handler = byAddress.get(target.toLowerCase())?.[call.functionName];
        if (!handler || handler === 'revert') return { success: false, returnData: '0x' as Hex };
        let result: unknown;
        try {
          result = handler(call.args ?? []);
        } catch {
          return { success: false, returnData: '0x' as Hex };
        }
        // biome-ignore lint/suspicious/noExplicitAny: the answer's shape follows the function
        const returnData = encodeFunctionResult({ abi, functionName: call.functionName as any, result: result as any });
        return { success: true, returnData };
      });
      return encodeFunctionResult({ abi, functionName: 'aggregate3', result: results });
    },
  };
  return chain;
}
