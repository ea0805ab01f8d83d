/** The issuer contract functions and events the adapters call and read (see REFERENCE.md). */
import { parseAbi } from 'viem';

const QUOTE =
  '(uint256 chainId, uint256 attestationId, bytes32 userId, address asset, uint256 price, uint256 quantity, uint256 expiration, uint8 side, bytes32 additionalData)';
const ORDER =
  '(uint64 requestTimestamp, address recipient, address assetToken, address paymentToken, bool sell, uint8 orderType, uint256 assetTokenQuantity, uint256 paymentTokenQuantity, uint256 price, uint8 tif)';
const FEE_QUOTE = '(uint256 orderId, address requester, uint256 fee, uint64 timestamp, uint64 deadline)';

export const erc20Abi = parseAbi([
  'function approve(address spender, uint256 amount) returns (bool)',
  'function transfer(address to, uint256 amount) returns (bool)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'event Transfer(address indexed from, address indexed to, uint256 value)',
]);

/** Ondo's GMTokenManager (rwa-contracts IGMTokenManager): QuoteSide is an enum, uint8 in the ABI (BUY=0, SELL=1). */
export const attestationManagerAbi = parseAbi([
  `function mintWithAttestation(${QUOTE} quote, bytes signature, address depositToken, uint256 depositTokenAmount) returns (uint256 receivedGmTokenAmount)`,
  `function redeemWithAttestation(${QUOTE} quote, bytes signature, address receiveToken, uint256 minimumReceiveAmount) returns (uint256 redemptionUSDonValue)`,
  'function gmTokenAccepted(address token) view returns (bool)',
  // AccessControl: any key with ATTESTATION_SIGNER_ROLE may sign an attestation the manager takes.
  'function hasRole(bytes32 role, address account) view returns (bool)',
  'event TradeExecuted(uint256 executionId, uint256 attestationId, uint256 chainId, bytes32 userId, uint8 side, address asset, uint256 price, uint256 quantity, uint256 expiration, bytes32 additionalData)',
]);

export const orderProcessorAbi = parseAbi([
  `function createOrder(${ORDER} order, ${FEE_QUOTE} quote, bytes signature) returns (uint256 id)`,
  'function getOrderStatus(uint256 id) view returns (uint8)',
  `event OrderCreated(uint256 indexed id, address indexed requester, ${ORDER} order, uint256 feesEscrowed)`,
  'event OrderFill(uint256 indexed id, address indexed paymentToken, address indexed assetToken, address requester, uint256 assetAmount, uint256 paymentAmount, uint256 feesTaken, bool sell)',
  'event OrderCancelled(uint256 indexed id, address indexed recipient, string reason)',
]);

/** OrderProcessor.getOrderStatus answers. */
export const ORDER_STATUS = { none: 0, active: 1, fulfilled: 2, cancelled: 3 } as const;
