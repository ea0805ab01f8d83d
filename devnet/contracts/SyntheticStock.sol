// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Metadata} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Metadata.sol";

interface IPriceFeed {
    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80);
    function decimals() external view returns (uint8);
}

/// @notice A synthetic stock: price exposure only. No share is held in custody; the supply is
/// backed by stablecoin collateral held here, which must stay above a minimum collateral ratio
/// of the supply's value at the oracle price.
contract SyntheticStock is ERC20, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");

    IERC20Metadata public immutable collateralToken;
    IPriceFeed public immutable priceFeed;
    /// @notice 18 decimals; 1.5e18 = collateral worth at least 150% of the supply.
    uint256 public immutable minCollateralRatio;

    error Undercollateralized(uint256 ratio, uint256 minimum);

    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        IERC20Metadata collateralToken_,
        IPriceFeed priceFeed_,
        uint256 minCollateralRatio_
    ) ERC20(name_, symbol_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _grantRole(BURNER_ROLE, admin);
        collateralToken = collateralToken_;
        priceFeed = priceFeed_;
        minCollateralRatio = minCollateralRatio_;
    }

    /// @notice Collateral held, in USD with 18 decimals.
    function collateralValue() public view returns (uint256) {
        return collateralToken.balanceOf(address(this)) * 10 ** (18 - collateralToken.decimals());
    }

    /// @notice Value of the whole supply at the oracle price, in USD with 18 decimals.
    function exposureValue() public view returns (uint256) {
        (, int256 price,,,) = priceFeed.latestRoundData();
        return (totalSupply() * uint256(price) * 10 ** (18 - priceFeed.decimals())) / 1e18;
    }

    /// @notice collateralValue / exposureValue with 18 decimals (max uint when nothing is minted).
    function collateralRatio() public view returns (uint256) {
        uint256 exposure = exposureValue();
        if (exposure == 0) return type(uint256).max;
        return (collateralValue() * 1e18) / exposure;
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
        uint256 ratio = collateralRatio();
        if (ratio < minCollateralRatio) revert Undercollateralized(ratio, minCollateralRatio);
    }

    function burn(address account, uint256 amount) external onlyRole(BURNER_ROLE) {
        _burn(account, amount);
    }

    function withdrawCollateral(address to, uint256 amount) external onlyRole(DEFAULT_ADMIN_ROLE) {
        collateralToken.transfer(to, amount);
        uint256 ratio = collateralRatio();
        if (ratio < minCollateralRatio) revert Undercollateralized(ratio, minCollateralRatio);
    }
}
