// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @notice Devnet model of the compliance an Ondo Global Markets token consults: the token calls
/// checkIsCompliant(address) for the sender, the receiver and a spender that is neither, and the
/// call reverts for a non-compliant address. It is deliberately not a view (as in Ondo's
/// OndoComplianceGMView), so a wallet learns the answer by eth_call. An address is compliant when
/// the issuer has allowed it (onboarded, KYC'd) and has not denied it (sanctions, breach of terms).
/// Accounts with COMPLIANCE_ROLE keep both sets.
contract GMStyleCompliance is AccessControl {
    bytes32 public constant COMPLIANCE_ROLE = keccak256("COMPLIANCE_ROLE");

    mapping(address account => bool) public isAllowed;
    mapping(address account => bool) public isDenied;

    event AllowedSet(address indexed account, bool allowed);
    event DeniedSet(address indexed account, bool denied);

    error NotCompliant(address account);

    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(COMPLIANCE_ROLE, admin);
    }

    function setAllowed(address[] calldata accounts, bool allowed) external onlyRole(COMPLIANCE_ROLE) {
        for (uint256 i = 0; i < accounts.length; i++) {
            isAllowed[accounts[i]] = allowed;
            emit AllowedSet(accounts[i], allowed);
        }
    }

    function setDenied(address[] calldata accounts, bool denied) external onlyRole(COMPLIANCE_ROLE) {
        for (uint256 i = 0; i < accounts.length; i++) {
            isDenied[accounts[i]] = denied;
            emit DeniedSet(accounts[i], denied);
        }
    }

    /// Reverts with NotCompliant(account) unless the account is allowed and not denied.
    function checkIsCompliant(address account) external {
        if (isDenied[account] || !isAllowed[account]) revert NotCompliant(account);
        emit ComplianceChecked(account);
    }

    /// Emitted by every passing check, so the function really is not a view (as on Ondo's).
    event ComplianceChecked(address indexed account);
}
