// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Devnet ERC-1404 (Simple Restricted Token) security: a transfer agent keeps the
/// allowlist of investors, each with the ISO 3166-1 numeric country it verified, and the list of
/// countries whose residents may not receive the token. detectTransferRestriction says whether a
/// transfer would go through (0) or why not; messageForTransferRestriction words each code; and
/// every transfer and mint really reverts with that message when restricted.
contract RestrictedStock1404 is ERC20, AccessControl {
    bytes32 public constant TRANSFER_AGENT_ROLE = keccak256("TRANSFER_AGENT_ROLE");
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    uint8 public constant SUCCESS_CODE = 0;
    uint8 public constant SENDER_NOT_LISTED_CODE = 1;
    uint8 public constant RECEIVER_NOT_LISTED_CODE = 2;
    uint8 public constant RECEIVER_COUNTRY_RESTRICTED_CODE = 3;

    struct Investor {
        bool listed;
        uint16 country;
    }

    mapping(address account => Investor) private _investors;
    mapping(uint16 country => bool) public isCountryRestricted;

    event InvestorSet(address indexed account, bool listed, uint16 country);
    event CountryRestrictionSet(uint16 indexed country, bool restricted);

    constructor(string memory name_, string memory symbol_, address admin) ERC20(name_, symbol_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(TRANSFER_AGENT_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    function setInvestors(address[] calldata accounts, uint16 country, bool listed) external onlyRole(TRANSFER_AGENT_ROLE) {
        for (uint256 i = 0; i < accounts.length; i++) {
            _investors[accounts[i]] = Investor(listed, listed ? country : 0);
            emit InvestorSet(accounts[i], listed, listed ? country : 0);
        }
    }

    function setCountryRestricted(uint16 country, bool restricted) external onlyRole(TRANSFER_AGENT_ROLE) {
        isCountryRestricted[country] = restricted;
        emit CountryRestrictionSet(country, restricted);
    }

    function investorOf(address account) external view returns (bool listed, uint16 country) {
        Investor memory investor = _investors[account];
        return (investor.listed, investor.country);
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// ERC-1404: 0 when a transfer of `value` from `from` to `to` would succeed, else the reason's code.
    function detectTransferRestriction(address from, address to, uint256 value) public view returns (uint8) {
        value; // every restriction here is about who, not how much
        if (from != address(0) && !_investors[from].listed) return SENDER_NOT_LISTED_CODE;
        if (!_investors[to].listed) return RECEIVER_NOT_LISTED_CODE;
        if (isCountryRestricted[_investors[to].country]) return RECEIVER_COUNTRY_RESTRICTED_CODE;
        return SUCCESS_CODE;
    }

    /// ERC-1404: the human-readable reason for a restriction code.
    function messageForTransferRestriction(uint8 restrictionCode) public pure returns (string memory) {
        if (restrictionCode == SUCCESS_CODE) return "No restriction";
        if (restrictionCode == SENDER_NOT_LISTED_CODE) return "Sender is not on the transfer agent's investor allowlist";
        if (restrictionCode == RECEIVER_NOT_LISTED_CODE) return "Receiver is not on the transfer agent's investor allowlist";
        if (restrictionCode == RECEIVER_COUNTRY_RESTRICTED_CODE) return "Receiver resides in a country whose residents may not hold this security";
        return "Unknown restriction code";
    }

    /// Transfers and mints go through only when unrestricted; burns (to the zero address) are the issuer's.
    function _update(address from, address to, uint256 value) internal override {
        if (to != address(0)) {
            uint8 code = detectTransferRestriction(from, to, value);
            if (code != SUCCESS_CODE) revert(messageForTransferRestriction(code));
        }
        super._update(from, to, value);
    }
}
