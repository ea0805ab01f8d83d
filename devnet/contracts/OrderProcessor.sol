// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IKycRegistry, IMintBurnToken} from "./IMintBurnToken.sol";

/// @notice Devnet model of Dinari's OrderProcessor. A buy escrows stablecoin (plus fees) and the
/// operator mints the shares on fill; a sell burns the shares on creation (burnFrom semantics: it
/// pulls them with the requester's ERC-20 allowance, reverting without one) and the operator pays
/// the proceeds minus fees on fill. A cancelled order returns what was taken.
contract OrderProcessor is Ownable, EIP712 {
    using SafeERC20 for IERC20;

    struct Order {
        uint64 requestTimestamp;
        address recipient;
        address assetToken;
        address paymentToken;
        bool sell;
        uint8 orderType; // 0 market, 1 limit
        uint256 assetTokenQuantity; // sells
        uint256 paymentTokenQuantity; // buys
        uint256 price; // limit price, 18 decimals
        uint8 tif;
    }

    struct FeeQuote {
        uint256 orderId;
        address requester;
        uint256 fee;
        uint64 timestamp;
        uint64 deadline;
    }

    enum OrderStatus {
        NONE,
        ACTIVE,
        FULFILLED,
        CANCELLED
    }

    struct OrderState {
        address requester;
        OrderStatus status;
        bool cancelRequested;
        bool feeAtFill; // sells with standard fees pay the fee from their proceeds
        uint256 fee;
        Order order;
    }

    bytes32 public constant FEE_QUOTE_TYPEHASH =
        keccak256("FeeQuote(uint256 orderId,address requester,uint256 fee,uint64 timestamp,uint64 deadline)");

    IKycRegistry public immutable kyc;
    address public operator;
    address public treasury;
    uint256 public flatFee;
    uint256 public percentageFeeBps;
    mapping(address token => bool) public isAssetToken;
    mapping(address token => bool) public isPaymentToken;
    mapping(address requester => uint256) public nonces;
    mapping(uint256 id => OrderState) private _orders;

    event OrderCreated(uint256 indexed id, address indexed requester, Order order, uint256 feesEscrowed);
    event OrderFill(
        uint256 indexed id,
        address indexed paymentToken,
        address indexed assetToken,
        address requester,
        uint256 assetAmount,
        uint256 paymentAmount,
        uint256 feesTaken,
        bool sell
    );
    event OrderFulfilled(uint256 indexed id, address indexed recipient);
    event CancelRequested(uint256 indexed id, address indexed requester);
    event OrderCancelled(uint256 indexed id, address indexed recipient, string reason);

    error NotVerified(address account);
    error UnsupportedToken(address token);
    error ZeroQuantity();
    error NotOperator();
    error NotRequester();
    error OrderNotActive(uint256 id);
    error InvalidFeeQuote();
    error FeeQuoteExpired();
    error FillTooLarge();
    error FeeExceedsProceeds();

    modifier onlyOperator() {
        if (msg.sender != operator) revert NotOperator();
        _;
    }

    constructor(address owner_, IKycRegistry kyc_, address operator_, uint256 flatFee_, uint256 percentageFeeBps_)
        Ownable(owner_)
        EIP712("OrderProcessor", "1")
    {
        kyc = kyc_;
        operator = operator_;
        treasury = operator_;
        flatFee = flatFee_;
        percentageFeeBps = percentageFeeBps_;
    }

    function setTokens(address[] calldata assetTokens, address[] calldata paymentTokens) external onlyOwner {
        for (uint256 i = 0; i < assetTokens.length; i++) {
            isAssetToken[assetTokens[i]] = true;
        }
        for (uint256 i = 0; i < paymentTokens.length; i++) {
            isPaymentToken[paymentTokens[i]] = true;
        }
    }

    function getOrderId(address requester, uint256 nonce) public pure returns (uint256) {
        return uint256(keccak256(abi.encode(requester, nonce)));
    }

    function nextOrderId(address requester) external view returns (uint256) {
        return getOrderId(requester, nonces[requester]);
    }

    function estimateFees(uint256 paymentAmount) public view returns (uint256) {
        return flatFee + (paymentAmount * percentageFeeBps) / 10_000;
    }

    function getOrderStatus(uint256 id) external view returns (OrderStatus) {
        return _orders[id].status;
    }

    function getOrder(uint256 id) external view returns (OrderState memory) {
        return _orders[id];
    }

    function hashFeeQuote(FeeQuote calldata quote) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    FEE_QUOTE_TYPEHASH, quote.orderId, quote.requester, quote.fee, quote.timestamp, quote.deadline
                )
            )
        );
    }

    /// @notice Creates an order with fees from the on-chain schedule.
    function createOrderStandardFees(Order calldata order) external returns (uint256 id) {
        bool feeAtFill = order.sell;
        uint256 fee = feeAtFill ? 0 : estimateFees(order.paymentTokenQuantity);
        return _create(order, fee, feeAtFill);
    }

    /// @notice Creates an order with a fee quoted and signed by the operator for this order id.
    function createOrder(Order calldata order, FeeQuote calldata quote, bytes calldata signature)
        external
        returns (uint256 id)
    {
        if (quote.requester != msg.sender || quote.orderId != getOrderId(msg.sender, nonces[msg.sender])) {
            revert InvalidFeeQuote();
        }
        if (quote.deadline < block.timestamp) revert FeeQuoteExpired();
        if (ECDSA.recover(hashFeeQuote(quote), signature) != operator) revert InvalidFeeQuote();
        return _create(order, quote.fee, false);
    }

    function requestCancel(uint256 id) external {
        OrderState storage state = _orders[id];
        if (state.requester != msg.sender) revert NotRequester();
        if (state.status != OrderStatus.ACTIVE) revert OrderNotActive(id);
        state.cancelRequested = true;
        emit CancelRequested(id, msg.sender);
    }

    /// @notice Settles a whole order: assetAmount shares against paymentAmount of stablecoin.
    function fillOrder(uint256 id, uint256 assetAmount, uint256 paymentAmount) external onlyOperator {
        OrderState storage state = _orders[id];
        if (state.status != OrderStatus.ACTIVE) revert OrderNotActive(id);
        state.status = OrderStatus.FULFILLED;
        Order memory order = state.order;
        IERC20 payment = IERC20(order.paymentToken);
        uint256 fee = state.feeAtFill ? estimateFees(paymentAmount) : state.fee;
        if (order.sell) {
            if (assetAmount != order.assetTokenQuantity) revert FillTooLarge();
            if (fee > paymentAmount) revert FeeExceedsProceeds();
            payment.safeTransferFrom(msg.sender, order.recipient, paymentAmount - fee);
            if (fee > 0 && treasury != msg.sender) payment.safeTransferFrom(msg.sender, treasury, fee);
        } else {
            if (paymentAmount > order.paymentTokenQuantity) revert FillTooLarge();
            IMintBurnToken(order.assetToken).mint(order.recipient, assetAmount);
            payment.safeTransfer(treasury, paymentAmount + fee);
            uint256 unused = order.paymentTokenQuantity - paymentAmount;
            if (unused > 0) payment.safeTransfer(state.requester, unused);
        }
        emit OrderFill(
            id, order.paymentToken, order.assetToken, state.requester, assetAmount, paymentAmount, fee, order.sell
        );
        emit OrderFulfilled(id, order.recipient);
    }

    function cancelOrder(uint256 id, string calldata reason) external onlyOperator {
        OrderState storage state = _orders[id];
        if (state.status != OrderStatus.ACTIVE) revert OrderNotActive(id);
        state.status = OrderStatus.CANCELLED;
        Order memory order = state.order;
        if (order.sell) {
            IMintBurnToken(order.assetToken).mint(state.requester, order.assetTokenQuantity);
        } else {
            IERC20(order.paymentToken).safeTransfer(state.requester, order.paymentTokenQuantity + state.fee);
        }
        emit OrderCancelled(id, state.requester, reason);
    }

    function _create(Order calldata order, uint256 fee, bool feeAtFill) private returns (uint256 id) {
        if (!kyc.isVerified(msg.sender)) revert NotVerified(msg.sender);
        if (!kyc.isVerified(order.recipient)) revert NotVerified(order.recipient);
        if (!isAssetToken[order.assetToken]) revert UnsupportedToken(order.assetToken);
        if (!isPaymentToken[order.paymentToken]) revert UnsupportedToken(order.paymentToken);
        if (order.sell ? order.assetTokenQuantity == 0 : order.paymentTokenQuantity == 0) revert ZeroQuantity();

        id = getOrderId(msg.sender, nonces[msg.sender]++);
        _orders[id] = OrderState(msg.sender, OrderStatus.ACTIVE, false, feeAtFill, fee, order);
        if (order.sell) {
            IERC20(order.assetToken).safeTransferFrom(msg.sender, address(this), order.assetTokenQuantity);
            IMintBurnToken(order.assetToken).burn(address(this), order.assetTokenQuantity);
        } else {
            IERC20(order.paymentToken).safeTransferFrom(msg.sender, address(this), order.paymentTokenQuantity + fee);
        }
        emit OrderCreated(id, msg.sender, order, fee);
    }
}
