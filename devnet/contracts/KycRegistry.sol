// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice The issuers' record of KYC-verified users: wallet -> issuer-side user id (0 = not verified).
contract KycRegistry is Ownable {
    mapping(address account => bytes32) public userIdOf;

    event UserSet(address indexed account, bytes32 indexed userId);

    constructor(address owner_) Ownable(owner_) {}

    function setUser(address account, bytes32 userId) external onlyOwner {
        userIdOf[account] = userId;
        emit UserSet(account, userId);
    }

    function isVerified(address account) external view returns (bool) {
        return userIdOf[account] != bytes32(0);
    }
}
