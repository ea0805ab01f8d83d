/** The contract functions and events the portfolio reads. */
import { parseAbi } from 'viem';

export const MULTICALL3_ADDRESS = '0xcA11bde05977b3631167028862bE2a173976CA11';

export const multicall3Abi = parseAbi([
  'struct Call3 { address target; bool allowFailure; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate3(Call3[] calls) payable returns (Result[] returnData)',
  'function getBlockNumber() view returns (uint256 blockNumber)',
  'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
]);

export const erc20Abi = parseAbi(['function balanceOf(address account) view returns (uint256)', 'function totalSupply() view returns (uint256)']);

export const aggregatorAbi = parseAbi([
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function getRoundData(uint80 roundId) view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function decimals() view returns (uint8)',
]);

/**
 * Backed multiplier token (xStocks), IBackedAutoFeeToken: `multiplier()` counts a due
 * scheduled activation but not the fee periods accrued since `lastTimeFeeApplied()`;
 * `getCurrentMultiplier()` counts both and is what `balanceOf` uses.
 */
export const multiplierTokenAbi = parseAbi([
  'function multiplier() view returns (uint256)',
  'function getCurrentMultiplier() view returns (uint256 currentMultiplier, uint256 periodsPassed, uint256 currentMultiplierNonce)',
  'function lastMultiplier() view returns (uint256)',
  'function newMultiplier() view returns (uint256)',
  'function newMultiplierActivationTime() view returns (uint256)',
  'function newMultiplierNonce() view returns (uint256)',
  'function feePerPeriod() view returns (uint256)',
  'function periodLength() view returns (uint256)',
  'function lastTimeFeeApplied() view returns (uint256)',
  'function multiplierUpdatesLength() view returns (uint256)',
  'function multiplierUpdates(uint256 index) view returns (uint256 previousMultiplier, uint256 newMultiplier, uint256 activationTime)',
  'event MultiplierUpdated(uint256 value)',
  'event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime)',
  'event MultiplierScheduleOverridden(uint256 overriddenMultiplier, uint256 overriddenActivationTime, uint256 newMultiplier, uint256 newActivationTime)',
]);

/** Dinari dShare (rebasing) and its dividend distributor. */
export const rebasingTokenAbi = parseAbi([
  'function balancePerShare() view returns (uint128)',
  'event BalancePerShareSet(uint256 balancePerShare)',
  'event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount)',
]);

/** Uniswap V3 pool views: the current price (Q64.96 square root) and the liquidity in range. */
export const uniswapV3PoolAbi = parseAbi([
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked)',
  'function liquidity() view returns (uint128)',
]);

/** Uniswap V2 pair: both reserves, in token0/token1 order. */
export const uniswapV2PairAbi = parseAbi(['function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)']);
