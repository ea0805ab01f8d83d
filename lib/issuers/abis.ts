/** The issuer contract functions and events the adapters call and read (see REFERENCE.md). */
import { parseAbi } from 'viem';

const QUOTE =
  '(uint256 chainId, uint256 attestationId, bytes32 userId, address asset, uint256 price, uint256 quantity, uint256 expiration, uint8 side, bytes32 additionalData)';
const ORDER =
  '(uint64 requestTimestamp, address recipient, address assetToken, address paymentToken, bool sell, uint8 orderType, uint256 assetTokenQuantity, uint256 paymentTokenQuantity, uint256 price, uint8 tif)';
const FEE_QUOTE = '(uint256 orderId, address requester, uint256 fee, uint64 timestamp, uint64 deadline)';

export const erc20Abi = parseAbi([
  'function approve(address spender, uint256 amount) returns (bool)',
  'function allowance(address owner, address spender) view returns (uint256)',
  'function balanceOf(address account) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
]);

export const attestationManagerAbi = parseAbi([
  `function mintWithAttestation(${QUOTE} quote, bytes signature, address depositToken, uint256 depositTokenAmount)`,
  `function redeemWithAttestation(${QUOTE} quote, bytes signature, address receiveToken, uint256 minimumReceiveAmount)`,
  'event MintWithAttestation(address indexed user, bytes32 indexed userId, uint256 indexed attestationId, address asset, uint256 quantity, uint256 price, address depositToken, uint256 depositTokenAmount)',
  'event RedeemWithAttestation(address indexed user, bytes32 indexed userId, uint256 indexed attestationId, address asset, uint256 quantity, uint256 price, address receiveToken, uint256 receiveTokenAmount)',
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
