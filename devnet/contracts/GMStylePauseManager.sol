// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @notice Devnet model of Ondo's token pause manager: one contract that says, per GM token,
/// whether it is paused (isTokenPaused); a paused token's transfers revert. PAUSER_ROLE pauses.
contract GMStylePauseManager is AccessControl {
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    mapping(address token => bool) private _paused;

    event TokenPausedSet(address indexed token, bool paused);

    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    function setTokenPaused(address token, bool paused) external onlyRole(PAUSER_ROLE) {
        _paused[token] = paused;
        emit TokenPausedSet(token, paused);
    }

    function isTokenPaused(address token) external view returns (bool) {
        return _paused[token];
    }
}
