// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

interface IGMStyleCompliance {
    function checkIsCompliant(address account) external;
}

interface IGMStylePauseManager {
    function isTokenPaused(address token) external view returns (bool);
}

/// @notice Devnet model of an Ondo GMToken outside the wallet's registry: a plain ERC-20 whose
/// every transfer, mint and burn reverts while its tokenPauseManager() pauses it, then asks
/// compliance().checkIsCompliant for the spender when it is neither party, the sender (unless
/// minting) and the receiver (unless burning), in GMToken's order; a non-compliant address
/// reverts the transfer. Mint and burn are by role.
contract GMStyleStock is ERC20, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");
    bytes32 public constant CONFIGURER_ROLE = keccak256("CONFIGURER_ROLE");

    IGMStyleCompliance public compliance;
    IGMStylePauseManager public tokenPauseManager;

    error TokenPaused();

    event ComplianceSet(address indexed oldCompliance, address indexed newCompliance);

    constructor(string memory name_, string memory symbol_, address admin, IGMStyleCompliance compliance_, IGMStylePauseManager pauseManager_)
        ERC20(name_, symbol_)
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _grantRole(BURNER_ROLE, admin);
        _grantRole(CONFIGURER_ROLE, admin);
        compliance = compliance_;
        tokenPauseManager = pauseManager_;
    }

    function setCompliance(IGMStyleCompliance compliance_) external onlyRole(CONFIGURER_ROLE) {
        emit ComplianceSet(address(compliance), address(compliance_));
        compliance = compliance_;
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    function burn(address from, uint256 amount) external onlyRole(BURNER_ROLE) {
        _burn(from, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (tokenPauseManager.isTokenPaused(address(this))) revert TokenPaused();
        if (from != msg.sender && to != msg.sender) compliance.checkIsCompliant(msg.sender);
        if (from != address(0)) compliance.checkIsCompliant(from);
        if (to != address(0)) compliance.checkIsCompliant(to);
        super._update(from, to, value);
    }
}
