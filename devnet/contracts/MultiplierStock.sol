// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {SharesToken} from "./SharesToken.sol";

interface ISanctionsList {
    function isSanctioned(address account) external view returns (bool);
}

/// @notice Devnet model of an xStocks token (Backed auto-fee token, IBackedAutoFeeToken):
/// balanceOf = sharesOf x getCurrentMultiplier(). The multiplier carries splits and reinvested
/// dividends (applied now or scheduled for a time) and decays by a management fee every period.
/// lastMultiplier() is the last stored value; multiplier() also counts a scheduled value whose
/// time has come; getCurrentMultiplier() also counts the fee periods since lastTimeFeeApplied.
/// State is stored lazily: the first transfer after an activation or in a new fee period
/// writes it and emits MultiplierUpdated.
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

    uint256 public lastMultiplier = 1e18;
    uint256 public lastMultiplierNonce;
    uint256 public lastTimeFeeApplied;
    uint256 public immutable feePerPeriod;
    uint256 public immutable periodLength;
    uint256 public newMultiplier;
    /// @dev 0 when nothing is pending.
    uint256 public newMultiplierActivationTime;
    uint256 public newMultiplierNonce;
    /// @dev Explicit updates only (fee decay is not appended); index 0 is a {1e18, 1e18, 0} sentinel;
    /// a scheduled entry overridden before its time is popped.
    MultiplierUpdate[] public multiplierUpdates;

    bool public isPaused;
    ISanctionsList public sanctionsList;

    event MultiplierUpdated(uint256 value);
    event MultiplierScheduled(uint256 newMultiplier, uint256 activationTime);
    event MultiplierScheduleOverridden(
        uint256 overriddenMultiplier, uint256 overriddenActivationTime, uint256 newMultiplier, uint256 newActivationTime
    );
    event PauseModeChange(bool paused);

    error TokenPaused();
    error Sanctioned(address account);
    error ActivationInPast();
    error MultiplierChanged(uint256 current, uint256 expected);

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

    /// @notice The active multiplier: a scheduled value once its time has come, without the fee periods since.
    function multiplier() public view returns (uint256) {
        return _due() ? newMultiplier : lastMultiplier;
    }

    /// @notice The nonce of the active multiplier.
    function multiplierNonce() public view returns (uint256) {
        return _due() ? newMultiplierNonce : lastMultiplierNonce;
    }

    /// @return currentMultiplier the multiplier now, after any due scheduled update and fee periods
    /// @return periodsPassed whole fee periods since the fee was last applied
    /// @return currentMultiplierNonce the nonce including the periods passed
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

    /// @notice Sets a new multiplier (e.g. a split: twice the current doubles every balance), now
    /// (activationTime 0) or at a future time. oldMultiplier must be the current one, fees counted,
    /// so an update computed from a stale read fails. A pending schedule not yet due is replaced:
    /// MultiplierScheduleOverridden names it and its multiplierUpdates entry is popped.
    function updateMultiplierValue(uint256 pendingNewMultiplier, uint256 oldMultiplier, uint256 activationTime)
        external
        onlyRole(MULTIPLIER_UPDATER_ROLE)
    {
        if (activationTime != 0 && activationTime <= block.timestamp) revert ActivationInPast();
        _sync();
        if (lastMultiplier != oldMultiplier) revert MultiplierChanged(lastMultiplier, oldMultiplier);
        uint256 effectiveTime = activationTime == 0 ? block.timestamp : activationTime;
        if (newMultiplierActivationTime != 0) {
            emit MultiplierScheduleOverridden(newMultiplier, newMultiplierActivationTime, pendingNewMultiplier, effectiveTime);
            multiplierUpdates.pop();
            newMultiplier = 0;
            newMultiplierActivationTime = 0;
            newMultiplierNonce = 0;
        }
        multiplierUpdates.push(MultiplierUpdate(lastMultiplier, pendingNewMultiplier, effectiveTime));
        if (activationTime == 0) {
            lastMultiplier = pendingNewMultiplier;
            lastMultiplierNonce += 1;
            lastTimeFeeApplied = block.timestamp;
            emit MultiplierUpdated(pendingNewMultiplier);
        } else {
            newMultiplier = pendingNewMultiplier;
            newMultiplierActivationTime = activationTime;
            newMultiplierNonce = lastMultiplierNonce + 1;
            emit MultiplierScheduled(pendingNewMultiplier, activationTime);
        }
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

    function _due() private view returns (bool) {
        return newMultiplierActivationTime != 0 && block.timestamp >= newMultiplierActivationTime;
    }

    /// @dev Stores what getCurrentMultiplier computes.
    function _sync() private {
        (uint256 current, uint256 periods, uint256 nonce, uint256 feeClock) = _current();
        if (_due()) {
            newMultiplier = 0;
            newMultiplierActivationTime = 0;
            newMultiplierNonce = 0;
        }
        lastTimeFeeApplied = feeClock + periods * periodLength;
        lastMultiplierNonce = nonce;
        if (current != lastMultiplier) {
            lastMultiplier = current;
            emit MultiplierUpdated(current);
        }
    }

    function _current() private view returns (uint256 current, uint256 periods, uint256 nonce, uint256 feeClock) {
        current = lastMultiplier;
        nonce = lastMultiplierNonce;
        feeClock = lastTimeFeeApplied;
        if (_due()) {
            current = newMultiplier;
            nonce = newMultiplierNonce;
            if (newMultiplierActivationTime > feeClock) feeClock = newMultiplierActivationTime;
        }
        periods = (block.timestamp - feeClock) / periodLength;
        if (periods > 0) {
            current = (current * _pow(1e18 - feePerPeriod, periods)) / 1e18;
            nonce += periods;
        }
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
