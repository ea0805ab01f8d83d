// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What an issuer contract needs from the tokens it issues (matches the T-REX agent calls too).
interface IMintBurnToken {
    function mint(address to, uint256 amount) external;
    function burn(address account, uint256 amount) external;
}

interface IKycRegistry {
    function isVerified(address account) external view returns (bool);
    function userIdOf(address account) external view returns (bytes32);
}
