// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IKycRegistry, IMintBurnToken} from "./IMintBurnToken.sol";

/// @notice Devnet model of Ondo's GMTokenManager: the issuer signs an EIP-712 Quote (an
/// attestation) and the KYC'd user mints or redeems with it on-chain, once, before it expires.
/// As in rwa-contracts' GMTokenManager: any key holding ATTESTATION_SIGNER_ROLE may sign (hasRole),
/// the trade moves exactly quantity x price of the stablecoin (no fee; additionalData is only
/// carried into the event), it settles with TradeExecuted, and a redemption pulls the GM tokens
/// from the caller (transferFrom, so it needs the caller's ERC-20 allowance) before burning them.
contract AttestationManager is Ownable, AccessControl, EIP712 {
    using SafeERC20 for IERC20;

    struct Quote {
        uint256 chainId;
        uint256 attestationId;
        bytes32 userId;
        address asset;
        uint256 price; // USD per whole token, 18 decimals
        uint256 quantity;
        uint256 expiration;
        uint8 side; // 0 buy, 1 sell
        bytes32 additionalData;
    }

    uint8 public constant BUY = 0;
    uint8 public constant SELL = 1;
    bytes32 public constant QUOTE_TYPEHASH = keccak256(
        "Quote(uint256 chainId,uint256 attestationId,bytes32 userId,address asset,uint256 price,uint256 quantity,uint256 expiration,uint8 side,bytes32 additionalData)"
    );

    bytes32 public constant ATTESTATION_SIGNER_ROLE = keccak256("ATTESTATION_SIGNER_ROLE");

    IKycRegistry public immutable kyc;
    mapping(address token => bool) public isGMToken;
    mapping(address token => bool) public isAcceptedToken;
    mapping(uint256 attestationId => bool) public usedAttestations;
    uint256 public executionCount;

    enum QuoteSide {
        BUY,
        SELL
    }

    /// @notice The real GMTokenManager's one settlement event, for mints and redemptions alike.
    event TradeExecuted(
        uint256 executionId,
        uint256 attestationId,
        uint256 chainId,
        bytes32 userId,
        QuoteSide side,
        address asset,
        uint256 price,
        uint256 quantity,
        uint256 expiration,
        bytes32 additionalData
    );

    error WrongChain();
    error WrongSide();
    error AttestationExpired(uint256 attestationId);
    error AttestationAlreadyUsed(uint256 attestationId);
    error UserNotVerified(address account);
    error InvalidAttestationSignature();
    error UnsupportedToken(address token);
    error DepositTooSmall(uint256 required, uint256 offered);
    error ReceiveTooSmall(uint256 proceeds, uint256 minimum);

    constructor(address owner_, IKycRegistry kyc_, address signer) Ownable(owner_) EIP712("OndoGMTokenManager", "1") {
        kyc = kyc_;
        _grantRole(DEFAULT_ADMIN_ROLE, owner_);
        _grantRole(ATTESTATION_SIGNER_ROLE, signer);
    }

    function setTokens(address[] calldata gmTokens, address[] calldata acceptedTokens) external onlyOwner {
        for (uint256 i = 0; i < gmTokens.length; i++) {
            isGMToken[gmTokens[i]] = true;
        }
        for (uint256 i = 0; i < acceptedTokens.length; i++) {
            isAcceptedToken[acceptedTokens[i]] = true;
        }
    }

    /// @notice Whether the manager mints and redeems this GM token (the real manager's name for it).
    function gmTokenAccepted(address token) external view returns (bool) {
        return isGMToken[token];
    }

    function hashQuote(Quote calldata quote) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    QUOTE_TYPEHASH,
                    quote.chainId,
                    quote.attestationId,
                    quote.userId,
                    quote.asset,
                    quote.price,
                    quote.quantity,
                    quote.expiration,
                    quote.side,
                    quote.additionalData
                )
            )
        );
    }

    /// @notice Stablecoin value of a quote (rounded up for buys, down for sells).
    function quoteValue(Quote calldata quote, address stablecoin) public view returns (uint256) {
        uint256 scale = 10 ** (36 - IERC20Metadata(stablecoin).decimals());
        uint256 product = quote.quantity * quote.price;
        if (quote.side == BUY) return (product + scale - 1) / scale;
        return product / scale;
    }

    function mintWithAttestation(
        Quote calldata quote,
        bytes calldata signature,
        address depositToken,
        uint256 depositTokenAmount
    ) external returns (uint256 receivedGmTokenAmount) {
        bytes32 userId = _accept(quote, signature, BUY, depositToken);
        uint256 required = quoteValue(quote, depositToken);
        if (depositTokenAmount < required) revert DepositTooSmall(required, depositTokenAmount);
        IERC20(depositToken).safeTransferFrom(msg.sender, address(this), required);
        IMintBurnToken(quote.asset).mint(msg.sender, quote.quantity);
        _executed(quote, userId);
        return quote.quantity;
    }

    function redeemWithAttestation(
        Quote calldata quote,
        bytes calldata signature,
        address receiveToken,
        uint256 minimumReceiveAmount
    ) external returns (uint256 redemptionValue) {
        bytes32 userId = _accept(quote, signature, SELL, receiveToken);
        uint256 proceeds = quoteValue(quote, receiveToken);
        if (proceeds < minimumReceiveAmount || proceeds == 0) revert ReceiveTooSmall(proceeds, minimumReceiveAmount);
        // Pulled, not burned by role: without the caller's allowance for quote.quantity this reverts.
        IERC20(quote.asset).safeTransferFrom(msg.sender, address(this), quote.quantity);
        IMintBurnToken(quote.asset).burn(address(this), quote.quantity);
        IERC20(receiveToken).safeTransfer(msg.sender, proceeds);
        _executed(quote, userId);
        return proceeds;
    }

    function _executed(Quote calldata quote, bytes32 userId) private {
        emit TradeExecuted(
            ++executionCount,
            quote.attestationId,
            quote.chainId,
            userId,
            QuoteSide(quote.side),
            quote.asset,
            quote.price,
            quote.quantity,
            quote.expiration,
            quote.additionalData
        );
    }

    function _accept(Quote calldata quote, bytes calldata signature, uint8 side, address stablecoin)
        private
        returns (bytes32 userId)
    {
        if (quote.chainId != block.chainid) revert WrongChain();
        if (quote.side != side) revert WrongSide();
        if (quote.expiration < block.timestamp) revert AttestationExpired(quote.attestationId);
        if (usedAttestations[quote.attestationId]) revert AttestationAlreadyUsed(quote.attestationId);
        userId = kyc.userIdOf(msg.sender);
        if (userId == bytes32(0) || userId != quote.userId) revert UserNotVerified(msg.sender);
        if (!isGMToken[quote.asset]) revert UnsupportedToken(quote.asset);
        if (!isAcceptedToken[stablecoin]) revert UnsupportedToken(stablecoin);
        if (!hasRole(ATTESTATION_SIGNER_ROLE, ECDSA.recover(hashQuote(quote), signature))) revert InvalidAttestationSignature();
        usedAttestations[quote.attestationId] = true;
    }
}
