import { parseAbi } from 'viem';

export const aggregatorAbi = parseAbi([
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
]);

export const kycRegistryAbi = parseAbi(['function userIdOf(address account) view returns (bytes32)']);

const orderTuple =
  '(uint64 requestTimestamp, address recipient, address assetToken, address paymentToken, bool sell, uint8 orderType, uint256 assetTokenQuantity, uint256 paymentTokenQuantity, uint256 price, uint8 tif)';

export const orderProcessorAbi = parseAbi([
  `event OrderCreated(uint256 indexed id, address indexed requester, ${orderTuple} order, uint256 feesEscrowed)`,
  'event CancelRequested(uint256 indexed id, address indexed requester)',
  `function getOrder(uint256 id) view returns ((address requester, uint8 status, bool cancelRequested, bool feeAtFill, uint256 fee, ${orderTuple} order))`,
  'function nextOrderId(address requester) view returns (uint256)',
  'function estimateFees(uint256 paymentAmount) view returns (uint256)',
  'function fillOrder(uint256 id, uint256 assetAmount, uint256 paymentAmount)',
  'function cancelOrder(uint256 id, string reason)',
]);

export const orderStatus = { none: 0, active: 1, fulfilled: 2, cancelled: 3 } as const;
