// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Devnet model of Dinari's DividendDistribution: dividends are stablecoin airdrops,
/// funded into a distribution and paid to each holder by a distributor.
contract DividendDistribution is AccessControl {
    using SafeERC20 for IERC20;

    struct Distribution {
        address token;
        uint256 remainingDistribution;
        uint256 startDate;
        uint256 endDate;
    }

    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");

    uint256 public nextDistributionId;
    mapping(uint256 id => Distribution) public getDistribution;

    event NewDistributionCreated(
        uint256 indexed distributionId, uint256 totalDistribution, uint256 startDate, uint256 endDate
    );
    event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount);
    event DistributionReclaimed(uint256 indexed distributionId, uint256 amount);

    error InvalidDates();
    error DistributionNotActive(uint256 distributionId);
    error DistributionStillRunning(uint256 distributionId);
    error NotEnoughLeft(uint256 remaining, uint256 amount);

    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(DISTRIBUTOR_ROLE, admin);
    }

    function createDistribution(address token, uint256 totalDistribution, uint256 startDate, uint256 endDate)
        external
        onlyRole(DISTRIBUTOR_ROLE)
        returns (uint256 distributionId)
    {
        if (endDate <= startDate || endDate <= block.timestamp) revert InvalidDates();
        distributionId = nextDistributionId++;
        getDistribution[distributionId] = Distribution(token, totalDistribution, startDate, endDate);
        IERC20(token).safeTransferFrom(msg.sender, address(this), totalDistribution);
        emit NewDistributionCreated(distributionId, totalDistribution, startDate, endDate);
    }

    function distribute(uint256 distributionId, address recipient, uint256 amount)
        external
        onlyRole(DISTRIBUTOR_ROLE)
    {
        Distribution storage d = getDistribution[distributionId];
        if (block.timestamp < d.startDate || block.timestamp > d.endDate) revert DistributionNotActive(distributionId);
        if (d.remainingDistribution < amount) revert NotEnoughLeft(d.remainingDistribution, amount);
        d.remainingDistribution -= amount;
        IERC20(d.token).safeTransfer(recipient, amount);
        emit Distributed(distributionId, recipient, amount);
    }

    function reclaimDistribution(uint256 distributionId, address to) external onlyRole(DEFAULT_ADMIN_ROLE) {
        Distribution storage d = getDistribution[distributionId];
        if (block.timestamp <= d.endDate) revert DistributionStillRunning(distributionId);
        uint256 amount = d.remainingDistribution;
        d.remainingDistribution = 0;
        IERC20(d.token).safeTransfer(to, amount);
        emit DistributionReclaimed(distributionId, amount);
    }
}
