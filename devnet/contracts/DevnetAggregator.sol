// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice A Chainlink-style AggregatorV3 feed whose answer the owner sets. Used for stock prices,
/// proof of reserves and the Ondo-style multiplier oracle. updatedAt is the block time of the update.
/// Round ids are those a Chainlink proxy gives: (phaseId << 64) | aggregatorRoundId, here in phase 1
/// with aggregator rounds from 1; getRoundData answers every past round of the phase and reverts
/// for a round with no data, as the proxy over a FluxAggregator does.
contract DevnetAggregator is Ownable {
    struct Round {
        int256 answer;
        uint256 startedAt;
        uint256 updatedAt;
    }

    uint8 public immutable decimals;
    string public description;
    uint256 public constant version = 4;
    uint16 public constant phaseId = 1;
    /// @notice The latest round id, with its phase, as latestRoundData gives it.
    uint80 public latestRound;
    mapping(uint80 roundId => Round) private _rounds;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);
    event NewRound(uint256 indexed roundId, address indexed startedBy, uint256 startedAt);

    error NoDataPresent();

    constructor(address owner_, uint8 decimals_, string memory description_, int256 initialAnswer)
        Ownable(owner_)
    {
        decimals = decimals_;
        description = description_;
        _record(initialAnswer);
    }

    function updateAnswer(int256 answer) external onlyOwner {
        _record(answer);
    }

    function latestAnswer() external view returns (int256) {
        return _rounds[latestRound].answer;
    }

    function latestTimestamp() external view returns (uint256) {
        return _rounds[latestRound].updatedAt;
    }

    function latestRoundData()
        external
        view
        returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        return getRoundData(latestRound);
    }

    function getRoundData(uint80 roundId)
        public
        view
        returns (uint80, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)
    {
        Round memory round = _rounds[roundId];
        if (round.updatedAt == 0) revert NoDataPresent();
        return (roundId, round.answer, round.startedAt, round.updatedAt, roundId);
    }

    function _record(int256 answer) private {
        uint80 roundId = latestRound == 0 ? (uint80(phaseId) << 64) | 1 : latestRound + 1;
        latestRound = roundId;
        _rounds[roundId] = Round(answer, block.timestamp, block.timestamp);
        emit NewRound(roundId, msg.sender, block.timestamp);
        emit AnswerUpdated(answer, roundId, block.timestamp);
    }
}
