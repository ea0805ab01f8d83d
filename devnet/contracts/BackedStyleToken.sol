// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

interface IBackedSanctionsList {
    function isSanctioned(address account) external view returns (bool);
}

/// @notice Devnet model of a Backed bToken (bCOIN, bIB01, ...): a plain ERC-20 where one token is
/// one share, with no multiplier, minted and burned by the issuer, pausable, and closed to
/// addresses on a Chainalysis-style sanctions list. No price feed exists for it: a wallet can only
/// price it from a DEX pool.
contract BackedStyleToken is ERC20, AccessControl, Pausable {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    IBackedSanctionsList public sanctionsList;

    error SanctionedAddress(address account);

    constructor(string memory name_, string memory symbol_, address admin, IBackedSanctionsList sanctionsList_)
        ERC20(name_, symbol_)
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _grantRole(BURNER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        sanctionsList = sanctionsList_;
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    function burn(address account, uint256 amount) external onlyRole(BURNER_ROLE) {
        _burn(account, amount);
    }

    function setPause(bool paused_) external onlyRole(PAUSER_ROLE) {
        if (paused_) _pause();
        else _unpause();
    }

    function _update(address from, address to, uint256 value) internal override whenNotPaused {
        _requireNotSanctioned(from);
        _requireNotSanctioned(to);
        _requireNotSanctioned(msg.sender);
        super._update(from, to, value);
    }

    function _requireNotSanctioned(address account) private view {
        if (account != address(0) && sanctionsList.isSanctioned(account)) revert SanctionedAddress(account);
    }
}
