// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Devnet model of Dinari's DividendDistribution (sbt-contracts src/dividend): dividends are
/// stablecoin airdrops, funded into a distribution and paid to each holder by a distributor. Its
/// interface is the real one: a distribution opens when it is created (the event's startDate is
/// that block's time), `distributions(id)` holds the payout token, what is left and the end time,
/// and a reclaimed distribution is deleted.
contract DividendDistribution is AccessControl {
    using SafeERC20 for IERC20;

    struct Distribution {
        address token;
        uint256 remainingDistribution;
        uint256 endTime;
    }

    bytes32 public constant DISTRIBUTOR_ROLE = keccak256("DISTRIBUTOR_ROLE");

    mapping(uint256 id => Distribution) public distributions;
    uint256 public nextDistributionId;
    /// @notice The shortest window a new distribution may have.
    uint64 public minDistributionTime = 1 days;

    event NewDistributionCreated(
        uint256 indexed distributionId, uint256 totalDistribution, uint256 startDate, uint256 endDate
    );
    event Distributed(uint256 indexed distributionId, address indexed account, uint256 amount);
    event DistributionReclaimed(uint256 indexed distributionId, uint256 amount);

    error EndTimeBeforeMin();
    error DistributionRunning();
    error DistributionEnded();
    error NotReclaimable();

    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(DISTRIBUTOR_ROLE, admin);
    }

    function createDistribution(address token, uint256 totalDistribution, uint256 endTime)
        external
        onlyRole(DISTRIBUTOR_ROLE)
        returns (uint256 distributionId)
    {
        if (endTime <= block.timestamp + minDistributionTime) revert EndTimeBeforeMin();
        distributionId = nextDistributionId++;
        distributions[distributionId] = Distribution(token, totalDistribution, endTime);
        emit NewDistributionCreated(distributionId, totalDistribution, block.timestamp, endTime);
        IERC20(token).safeTransferFrom(msg.sender, address(this), totalDistribution);
    }

    function distribute(uint256 distributionId, address recipient, uint256 amount)
        external
        onlyRole(DISTRIBUTOR_ROLE)
    {
        Distribution storage d = distributions[distributionId];
        if (block.timestamp > d.endTime) revert DistributionEnded();
        d.remainingDistribution -= amount;
        emit Distributed(distributionId, recipient, amount);
        IERC20(d.token).safeTransfer(recipient, amount);
    }

    function reclaimDistribution(uint256 distributionId) external onlyRole(DISTRIBUTOR_ROLE) {
        Distribution memory d = distributions[distributionId];
        if (d.endTime == 0) revert NotReclaimable();
        if (block.timestamp < d.endTime) revert DistributionRunning();
        delete distributions[distributionId];
        emit DistributionReclaimed(distributionId, d.remainingDistribution);
        IERC20(d.token).safeTransfer(msg.sender, d.remainingDistribution);
    }
}
