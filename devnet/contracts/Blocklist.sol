// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice A list of blocked addresses answering the three interfaces real issuers use:
/// a Chainalysis-style sanctions oracle (Backed/xStocks), a dShares TransferRestrictor
/// and an Ondo GM compliance check. Each devnet token gets its own instance.
contract Blocklist is Ownable {
    mapping(address account => bool) private _blocked;

    event BlockedSet(address indexed account, bool blocked);

    error AccountRestricted(address account);

    constructor(address owner_) Ownable(owner_) {}

    function setBlocked(address account, bool blocked) external onlyOwner {
        _blocked[account] = blocked;
        emit BlockedSet(account, blocked);
    }

    function isSanctioned(address account) external view returns (bool) {
        return _blocked[account];
    }

    function isBlacklisted(address account) external view returns (bool) {
        return _blocked[account];
    }

    function requireNotRestricted(address from, address to) external view {
        if (_blocked[from]) revert AccountRestricted(from);
        if (_blocked[to]) revert AccountRestricted(to);
    }

    function checkIsCompliant(address account) external view {
        if (_blocked[account]) revert AccountRestricted(account);
    }
}
