// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";

interface IGMCompliance {
    function checkIsCompliant(address account) external view;
}

/// @notice Devnet model of an Ondo Global Markets token: a plain ERC-20 whose balances never
/// rebase. The share multiplier (dividends reinvested, splits) lives in a separate oracle.
contract OracleStock is ERC20, AccessControl, Pausable {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    IGMCompliance public compliance;

    constructor(string memory name_, string memory symbol_, address admin, IGMCompliance compliance_)
        ERC20(name_, symbol_)
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _grantRole(BURNER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        compliance = compliance_;
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    function burn(address account, uint256 amount) external onlyRole(BURNER_ROLE) {
        _burn(account, amount);
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function _update(address from, address to, uint256 value) internal override whenNotPaused {
        if (from != address(0)) compliance.checkIsCompliant(from);
        if (to != address(0)) compliance.checkIsCompliant(to);
        if (msg.sender != from && msg.sender != to) compliance.checkIsCompliant(msg.sender);
        super._update(from, to, value);
    }
}
