import { parseAbi } from 'viem';

// Human-readable ABIs of the devnet contracts, for the issuer service, tests and anyone scripting the devnet.

export const aggregatorAbi = parseAbi([
  'function decimals() view returns (uint8)',
  'function description() view returns (string)',
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function getRoundData(uint80 roundId) view returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function updateAnswer(int256 answer)',
]);

export const usdcAbi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function mint(address to, uint256 amount)',
]);

export const multiplierStockAbi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function sharesOf(address) view returns (uint256)',
  'function multiplier() view returns (uint256)',
  'function lastMultiplier() view returns (uint256)',
  'function multiplierNonce() view returns (uint256)',
  'function lastMultiplierNonce() view returns (uint256)',
  'function getCurrentMultiplier() view returns (uint256 currentMultiplier, uint256 periodsPassed, uint256 currentMultiplierNonce)',
  'function newMultiplier() view returns (uint256)',
  'function newMultiplierActivationTime() view returns (uint256)',
  'function newMultiplierNonce() view returns (uint256)',
  'function lastTimeFeeApplied() view returns (uint256)',
  'function multiplierUpdates(uint256) view returns (uint256 previousMultiplier, uint256 newMultiplier, uint256 activationTime)',
  'function multiplierUpdatesLength() view returns (uint256)',
  'function feePerPeriod() view returns (uint256)',
  'function periodLength() view returns (uint256)',
  'function isPaused() view returns (bool)',
  'function sanctionsList() view returns (address)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function updateMultiplierValue(uint256 pendingNewMultiplier, uint256 oldMultiplier, uint256 activationTime)',
  'function setPause(bool paused)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event MultiplierUpdated(uint256 value)',
  'event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime)',
  'event MultiplierScheduleOverridden(uint256 overriddenMultiplier, uint256 overriddenActivationTime, uint256 newMultiplier, uint256 newActivationTime)',
]);

export const rebasingStockAbi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function balancePerShare() view returns (uint128)',
  'function setBalancePerShare(uint128 value)',
  'function isBlacklisted(address) view returns (bool)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
  'event BalancePerShareSet(uint256 balancePerShare)',
]);

export const blocklistAbi = parseAbi(['function setBlocked(address account, bool blocked)']);

export const dividendDistributionAbi = parseAbi([
  'function nextDistributionId() view returns (uint256)',
  'function distributions(uint256 id) view returns (address token, uint256 remainingDistribution, uint256 endTime)',
  'function createDistribution(address token, uint256 totalDistribution, uint256 endTime) returns (uint256 distributionId)',
  'function distribute(uint256 distributionId, address recipient, uint256 amount)',
  'event NewDistributionCreated(uint256 indexed distributionId, uint256 totalDistribution, uint256 startDate, uint256 endDate)',
  'event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount)',
]);

export const kycRegistryAbi = parseAbi([
  'function userIdOf(address account) view returns (bytes32)',
  'function isVerified(address account) view returns (bool)',
]);

const orderTuple =
  '(uint64 requestTimestamp, address recipient, address assetToken, address paymentToken, bool sell, uint8 orderType, uint256 assetTokenQuantity, uint256 paymentTokenQuantity, uint256 price, uint8 tif)';
const feeQuoteTuple = '(uint256 orderId, address requester, uint256 fee, uint64 timestamp, uint64 deadline)';

export const orderProcessorAbi = parseAbi([
  `event OrderCreated(uint256 indexed id, address indexed requester, ${orderTuple} order, uint256 feesEscrowed)`,
  'event OrderFill(uint256 indexed id, address indexed paymentToken, address indexed assetToken, address requester, uint256 assetAmount, uint256 paymentAmount, uint256 feesTaken, bool sell)',
  'event OrderFulfilled(uint256 indexed id, address indexed recipient)',
  'event CancelRequested(uint256 indexed id, address indexed requester)',
  'event OrderCancelled(uint256 indexed id, address indexed recipient, string reason)',
  `function getOrder(uint256 id) view returns ((address requester, uint8 status, bool cancelRequested, bool feeAtFill, uint256 fee, ${orderTuple} order))`,
  'function getOrderStatus(uint256 id) view returns (uint8)',
  'function nextOrderId(address requester) view returns (uint256)',
  'function estimateFees(uint256 paymentAmount) view returns (uint256)',
  `function createOrderStandardFees(${orderTuple} order) returns (uint256 id)`,
  `function createOrder(${orderTuple} order, ${feeQuoteTuple} quote, bytes signature) returns (uint256 id)`,
  'function requestCancel(uint256 id)',
  'function fillOrder(uint256 id, uint256 assetAmount, uint256 paymentAmount)',
  'function cancelOrder(uint256 id, string reason)',
]);

export const orderStatus = { none: 0, active: 1, fulfilled: 2, cancelled: 3 } as const;

const quoteTuple =
  '(uint256 chainId, uint256 attestationId, bytes32 userId, address asset, uint256 price, uint256 quantity, uint256 expiration, uint8 side, bytes32 additionalData)';

export const attestationManagerAbi = parseAbi([
  `function mintWithAttestation(${quoteTuple} quote, bytes signature, address depositToken, uint256 depositTokenAmount) returns (uint256)`,
  `function redeemWithAttestation(${quoteTuple} quote, bytes signature, address receiveToken, uint256 minimumReceiveAmount) returns (uint256)`,
  'function usedAttestations(uint256) view returns (bool)',
  'function gmTokenAccepted(address token) view returns (bool)',
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'event TradeExecuted(uint256 executionId, uint256 attestationId, uint256 chainId, bytes32 userId, uint8 side, address asset, uint256 price, uint256 quantity, uint256 expiration, bytes32 additionalData)',
  'error AttestationExpired(uint256 attestationId)',
  'error AttestationAlreadyUsed(uint256 attestationId)',
  'error UserNotVerified(address account)',
  'error InvalidAttestationSignature()',
]);

export const uniswapV2RouterAbi = parseAbi([
  'function getAmountsOut(uint256 amountIn, address[] path) view returns (uint256[] amounts)',
  'function swapExactTokensForTokens(uint256 amountIn, uint256 amountOutMin, address[] path, address to, uint256 deadline) returns (uint256[] amounts)',
]);

export const uniswapV2PairAbi = parseAbi([
  'function getReserves() view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast)',
  'function token0() view returns (address)',
]);

export const trexTokenAbi = parseAbi([
  'function balanceOf(address) view returns (uint256)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function paused() view returns (bool)',
  'function identityRegistry() view returns (address)',
  'function compliance() view returns (address)',
]);

export const identityRegistryAbi = parseAbi([
  'function isVerified(address) view returns (bool)',
  'function investorCountry(address) view returns (uint16)',
]);

export const modularComplianceAbi = parseAbi(['function canTransfer(address from, address to, uint256 amount) view returns (bool)']);

export const syntheticStockAbi = parseAbi([
  'function collateralRatio() view returns (uint256)',
  'function minCollateralRatio() view returns (uint256)',
]);

/** The devnet DShareFactory: Dinari's v0.4.0 interface (devnet/contracts/DShareFactory.sol). */
export const dShareFactoryAbi = parseAbi([
  'function getDShares() view returns (address[], address[])',
  'function isTokenDShare(address token) view returns (bool)',
  'function isTokenWrappedDShare(address token) view returns (bool)',
  'function createDShare(address owner, string name, string symbol, string wrappedName, string wrappedSymbol) returns (address dShare, address wrappedDShare)',
  'function announceExistingDShare(address dShare, address wrappedDShare)',
  'event DShareAdded(address indexed dShare, address indexed wrappedDShare, string indexed symbol, string name)',
]);
