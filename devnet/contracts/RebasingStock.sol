// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SharesToken} from "./SharesToken.sol";

interface ITransferRestrictor {
    function requireNotRestricted(address from, address to) external view;
    function isBlacklisted(address account) external view returns (bool);
}

/// @notice Devnet model of a Dinari dShare: splits rebase every balance through balancePerShare;
/// dividends are paid separately as stablecoin distributions (see DividendDistribution).
contract RebasingStock is SharesToken, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");

    uint128 private _balancePerShare = 1e18;
    ITransferRestrictor public transferRestrictor;

    event BalancePerShareSet(uint256 balancePerShare);

    error ZeroBalancePerShare();

    constructor(string memory name_, string memory symbol_, address admin, ITransferRestrictor restrictor)
        SharesToken(name_, symbol_)
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _grantRole(BURNER_ROLE, admin);
        _grantRole(OPERATOR_ROLE, admin);
        transferRestrictor = restrictor;
    }

    function balancePerShare() external view returns (uint128) {
        return _balancePerShare;
    }

    function isBlacklisted(address account) external view returns (bool) {
        return transferRestrictor.isBlacklisted(account);
    }

    /// @notice A 2:1 split sets balancePerShare to twice its value: every balance doubles.
    function setBalancePerShare(uint128 value) external onlyRole(OPERATOR_ROLE) {
        if (value == 0) revert ZeroBalancePerShare();
        _balancePerShare = value;
        emit BalancePerShareSet(value);
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _move(address(0), to, amount);
    }

    function burn(address account, uint256 amount) external onlyRole(BURNER_ROLE) {
        _move(account, address(0), amount);
    }

    function _tokensPerShare() internal view override returns (uint256) {
        return _balancePerShare;
    }

    function _beforeMove(address from, address to) internal view override {
        transferRestrictor.requireNotRestricted(from, to);
    }
}
