// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

/// @notice ERC-20 whose balances are internal shares scaled by a factor (1e18 = 1 token per share).
/// A change of the factor changes every balance at once, with no Transfer event: this is how
/// both the xStocks multiplier token and the dShares rebasing token carry corporate actions.
abstract contract SharesToken is IERC20Metadata {
    string public name;
    string public symbol;
    mapping(address account => uint256) public sharesOf;
    uint256 public totalShares;
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    event TransferShares(address indexed from, address indexed to, uint256 value);

    error InsufficientBalance(address account, uint256 shares, uint256 needed);
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
    }

    /// @dev Tokens per share at this moment, 18 decimals.
    function _tokensPerShare() internal view virtual returns (uint256);

    /// @dev Runs before any balance moves: bring stored state up to date and enforce restrictions.
    function _beforeMove(address from, address to) internal virtual;

    function decimals() public pure returns (uint8) {
        return 18;
    }

    function balanceOf(address account) public view returns (uint256) {
        return getUnderlyingAmountByShares(sharesOf[account]);
    }

    function totalSupply() public view returns (uint256) {
        return getUnderlyingAmountByShares(totalShares);
    }

    function getSharesByUnderlyingAmount(uint256 amount) public view returns (uint256) {
        return (amount * 1e18) / _tokensPerShare();
    }

    function getUnderlyingAmountByShares(uint256 shares) public view returns (uint256) {
        return (shares * _tokensPerShare()) / 1e18;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) revert InsufficientAllowance(msg.sender, allowed, amount);
            allowance[from][msg.sender] = allowed - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        _beforeMove(from, to);
        uint256 shares = getSharesByUnderlyingAmount(amount);
        if (from == address(0)) {
            totalShares += shares;
        } else {
            uint256 held = sharesOf[from];
            if (held < shares) revert InsufficientBalance(from, held, shares);
            sharesOf[from] = held - shares;
        }
        if (to == address(0)) totalShares -= shares;
        else sharesOf[to] += shares;
        emit Transfer(from, to, amount);
        emit TransferShares(from, to, shares);
    }
}
