// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SharesToken} from "./SharesToken.sol";

interface ISanctionsList {
    function isSanctioned(address account) external view returns (bool);
}

/// @notice Devnet model of an xStocks token (Backed auto-fee token): balanceOf = sharesOf x multiplier.
/// The multiplier carries splits and reinvested dividends (set now or scheduled) and decays by a
/// management fee every period.
contract MultiplierStock is SharesToken, AccessControl {
    struct MultiplierUpdate {
        uint256 previousMultiplier;
        uint256 newMultiplier;
        uint256 activationTime;
    }

    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant BURNER_ROLE = keccak256("BURNER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");
    bytes32 public constant MULTIPLIER_UPDATER_ROLE = keccak256("MULTIPLIER_UPDATER_ROLE");

    uint256 public multiplier = 1e18;
    uint256 public multiplierNonce;
    uint256 public lastTimeFeeApplied;
    uint256 public immutable feePerPeriod;
    uint256 public immutable periodLength;
    uint256 public newMultiplier;
    uint256 public newMultiplierActivationTime;
    MultiplierUpdate[] public multiplierUpdates;

    bool public isPaused;
    ISanctionsList public sanctionsList;

    event MultiplierUpdated(uint256 value);
    event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime);
    event MultiplierScheduleOverridden(
        uint256 previousNewMultiplier, uint256 previousActivationTime, uint256 newMultiplier, uint256 activationTime
    );
    event PauseModeChange(bool paused);

    error TokenPaused();
    error Sanctioned(address account);
    error ActivationInPast();

    constructor(
        string memory name_,
        string memory symbol_,
        address admin,
        ISanctionsList sanctionsList_,
        uint256 feePerPeriod_,
        uint256 periodLength_
    ) SharesToken(name_, symbol_) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
        _grantRole(BURNER_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
        _grantRole(MULTIPLIER_UPDATER_ROLE, admin);
        sanctionsList = sanctionsList_;
        feePerPeriod = feePerPeriod_;
        periodLength = periodLength_;
        lastTimeFeeApplied = block.timestamp;
        multiplierUpdates.push(MultiplierUpdate(1e18, 1e18, 0));
    }

    /// @return currentMultiplier the multiplier now, after any due scheduled update and fee periods
    /// @return periodsPassed whole fee periods since the fee was last applied
    /// @return currentMultiplierNonce the nonce the multiplier will have once stored
    function getCurrentMultiplier()
        public
        view
        returns (uint256 currentMultiplier, uint256 periodsPassed, uint256 currentMultiplierNonce)
    {
        (currentMultiplier, periodsPassed, currentMultiplierNonce,) = _current();
    }

    function multiplierUpdatesLength() external view returns (uint256) {
        return multiplierUpdates.length;
    }

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _move(address(0), to, amount);
    }

    function burn(address account, uint256 amount) external onlyRole(BURNER_ROLE) {
        _move(account, address(0), amount);
    }

    function setPause(bool paused) external onlyRole(PAUSER_ROLE) {
        isPaused = paused;
        emit PauseModeChange(paused);
    }

    function setSanctionsList(ISanctionsList list) external onlyRole(DEFAULT_ADMIN_ROLE) {
        sanctionsList = list;
    }

    /// @notice Applies a new multiplier right away (e.g. a split: 2e18 doubles every balance).
    function updateMultiplierValue(uint256 value) external onlyRole(MULTIPLIER_UPDATER_ROLE) {
        _sync();
        multiplierUpdates.push(MultiplierUpdate(multiplier, value, block.timestamp));
        multiplier = value;
        multiplierNonce += 1;
        lastTimeFeeApplied = block.timestamp;
        emit MultiplierUpdated(value);
    }

    /// @notice Schedules a multiplier that takes effect at activationTime.
    function scheduleMultiplier(uint256 value, uint256 activationTime) external onlyRole(MULTIPLIER_UPDATER_ROLE) {
        if (activationTime <= block.timestamp) revert ActivationInPast();
        _sync();
        if (newMultiplierActivationTime != 0) {
            emit MultiplierScheduleOverridden(newMultiplier, newMultiplierActivationTime, value, activationTime);
            multiplierUpdates.pop();
        }
        newMultiplier = value;
        newMultiplierActivationTime = activationTime;
        multiplierUpdates.push(MultiplierUpdate(multiplier, value, activationTime));
        emit MultiplierScheduled(value, activationTime);
    }

    function _tokensPerShare() internal view override returns (uint256 current) {
        (current,,,) = _current();
    }

    function _beforeMove(address from, address to) internal override {
        if (isPaused) revert TokenPaused();
        _requireNotSanctioned(msg.sender);
        _requireNotSanctioned(from);
        _requireNotSanctioned(to);
        _sync();
    }

    function _requireNotSanctioned(address account) private view {
        if (account != address(0) && sanctionsList.isSanctioned(account)) revert Sanctioned(account);
    }

    /// @dev Stores what getCurrentMultiplier computes.
    function _sync() private {
        (uint256 current, uint256 periods, uint256 nonce, uint256 feeClock) = _current();
        if (newMultiplierActivationTime != 0 && block.timestamp >= newMultiplierActivationTime) {
            newMultiplier = 0;
            newMultiplierActivationTime = 0;
        }
        lastTimeFeeApplied = feeClock + periods * periodLength;
        multiplierNonce = nonce;
        if (current != multiplier) {
            multiplier = current;
            emit MultiplierUpdated(current);
        }
    }

    function _current() private view returns (uint256 current, uint256 periods, uint256 nonce, uint256 feeClock) {
        current = multiplier;
        nonce = multiplierNonce;
        feeClock = lastTimeFeeApplied;
        uint256 activation = newMultiplierActivationTime;
        if (activation != 0 && block.timestamp >= activation) {
            current = newMultiplier;
            nonce += 1;
            if (activation > feeClock) feeClock = activation;
        }
        periods = (block.timestamp - feeClock) / periodLength;
        if (periods > 0) current = (current * _pow(1e18 - feePerPeriod, periods)) / 1e18;
    }

    /// @dev x^n for an 18-decimal fixed-point x, by squaring.
    function _pow(uint256 x, uint256 n) private pure returns (uint256 result) {
        result = 1e18;
        while (n > 0) {
            if (n & 1 == 1) result = (result * x) / 1e18;
            x = (x * x) / 1e18;
            n >>= 1;
        }
    }
}
